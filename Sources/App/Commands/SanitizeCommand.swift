import ArgumentParser
import Foundation
import Sanitizer

/// `eventgaraget sanitize`: HTML on standard input, the sanitised HTML on standard output,
/// so an operator can see exactly what rich text will keep.
struct SanitizeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sanitize",
        abstract: "Sanitise HTML from standard input to standard output (what rich-text fields keep).")

    func run() throws {
        let data = FileHandle.standardInput.readDataToEndOfFile()
        guard let html = String(data: data, encoding: .utf8) else {
            throw CommandFailure("standard input is not UTF-8")
        }
        do {
            let clean = try HTMLSanitizer.sanitize(html)
            FileHandle.standardOutput.write(Data(clean.markup.utf8))
        } catch {
            throw CommandFailure("\(error)")
        }
    }
}
