import ArgumentParser

/// `eventgaraget check-config`: prints the effective configuration with secrets masked;
/// exits non-zero, naming every problem, when anything is invalid.
struct CheckConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check-config",
        abstract: "Print the effective configuration (secrets masked) and check it.",
        discussion: "Exits with status 64 and one line per problem when a value is invalid.")

    @OptionGroup var options: ConfigurationOptions

    func run() throws {
        let configuration = try Bootstrap.configuration(options)
        for line in configuration.describedLines() { print(line) }
        // The seal: the PKCS#12 file opens with its password (the TSA is asked only when sealing).
        do {
            _ = try JobDispatcher.sealer(configuration)
        } catch {
            throw CommandFailure("EG_SEAL_P12: \(error)")
        }
        print("configuration ok")
    }
}
