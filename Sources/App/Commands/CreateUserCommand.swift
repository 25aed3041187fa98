import ArgumentParser
import Database
import Domain
import Foundation
import Passwords

/// `eventgaraget create-user`: makes a staff account, typically the first admin. The password is
/// asked twice on the terminal (not echoed) or read as the first line of standard input.
struct CreateUserCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create-user",
        abstract: "Create a staff account (for instance the first admin).",
        discussion: """
            The password is asked on the terminal without echo, or read from the first line of \
            standard input when it is not a terminal: printf '%s\\n' "$PW" | eventgaraget create-user …
            """)

    @OptionGroup var options: ConfigurationOptions

    @Option(help: "Sign-in email address.") var email: String
    @Option(help: "Full name.") var name: String
    @Option(help: "admin, manager, warehouse or support.") var role: String
    @Option(help: "sv or en.") var locale: String = "sv"

    func validate() throws {
        guard StaffRole(rawValue: role) != nil else {
            throw ValidationError("--role must be admin, manager, warehouse or support")
        }
        guard Language(rawValue: locale) != nil else { throw ValidationError("--locale must be sv or en") }
        let at = email.firstIndex(of: "@")
        guard let at, at != email.startIndex, email.index(after: at) != email.endIndex, !email.contains(" ") else {
            throw ValidationError("--email must be an email address")
        }
        guard !name.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw ValidationError("--name must not be empty")
        }
    }

    func run() throws {
        let password = try readPassword()
        let configuration = try Bootstrap.configuration(options)
        let logger = Bootstrap.logger(configuration, label: "eventgaraget.create-user")
        let connection = try Connection(url: configuration.databaseURL, logger: logger)
        defer { connection.close() }
        let company = try CompanyStore.profile(connection).name
        do {
            try PasswordPolicy.check(
                password, email: email, context: [name, company],
                guessable: PasswordDictionary.weakness(password) != nil)
        } catch {
            switch error {
            case .tooShort(let minimum): throw CommandFailure("the password needs at least \(minimum) characters")
            case .tooLong(let maximum): throw CommandFailure("the password can have at most \(maximum) characters")
            case .sameAsEmail: throw CommandFailure("the password cannot be the email address")
            case .containsPersonalWord:
                throw CommandFailure("the password cannot contain the name, the email address or the company's name")
            case .easyToGuess: throw CommandFailure("the password is too easy to guess; choose a longer phrase")
            }
        }
        do {
            let id = try UserStore.create(
                connection, email: email, name: name.trimmingCharacters(in: .whitespaces),
                role: StaffRole(rawValue: role)!,
                locale: Language(rawValue: locale)!, passwordHash: try PasswordHasher.hash(password),
                actor: AuditActor(kind: .system))
            print("Created \(role) \(email) (user \(id.rawValue)).")
        } catch UserStoreError.emailTaken {
            throw CommandFailure("a user with that email already exists")
        }
    }

    /// From the terminal with echo off (asked twice), or the first line of a pipe.
    private func readPassword() throws -> String {
        guard isatty(STDIN_FILENO) == 1 else {
            guard let line = readLine(strippingNewline: true), !line.isEmpty else {
                throw CommandFailure("no password on standard input")
            }
            return line
        }
        let first = try prompt("Password: ")
        let second = try prompt("Password again: ")
        guard first == second else { throw CommandFailure("the passwords do not match") }
        return first
    }

    private func prompt(_ text: String) throws -> String {
        FileHandle.standardError.write(Data(text.utf8))
        var saved = termios()
        tcgetattr(STDIN_FILENO, &saved)
        var quiet = saved
        quiet.c_lflag &= ~tcflag_t(ECHO)
        tcsetattr(STDIN_FILENO, TCSANOW, &quiet)
        defer {
            tcsetattr(STDIN_FILENO, TCSANOW, &saved)
            FileHandle.standardError.write(Data("\n".utf8))
        }
        guard let line = readLine(strippingNewline: true) else { throw CommandFailure("no password given") }
        return line
    }
}
