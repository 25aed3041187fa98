public import Foundation

/// An external Peppol/EN 16931 validator run on every document before it is issued
/// (`EG_UBL_VALIDATOR`: a command taking the XML file's path, such as the offline kit's
/// `validate-ubl`, exit status 0 when it passes). A document for a buyer with a Peppol address is
/// checked with every layer; one without (a private person) with `--layers xsd,cen`, since the
/// Peppol layer asks for the address it cannot have. A failure blocks issuing with the
/// validator's own words; a validator that cannot run blocks it too (it is there to be sure).
public struct UBLValidator: Sendable {
    public let command: String

    public init(command: String) { self.command = command }

    /// - Returns: nil when the document passes, else what the validator said (its failed rules).
    public func problems(xml: String, peppol: Bool) -> String? {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("eg-ubl-\(UUID().uuidString).xml")
        defer { try? FileManager.default.removeItem(at: file) }
        do {
            try Data(xml.utf8).write(to: file)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: command)
            process.arguments = (peppol ? [] : ["--layers", "xsd,cen"]) + ["-q", file.path]
            let output = FileManager.default.temporaryDirectory.appendingPathComponent(
                "eg-ubl-\(UUID().uuidString).txt")
            FileManager.default.createFile(atPath: output.path, contents: nil)
            defer { try? FileManager.default.removeItem(at: output) }
            let handle = try FileHandle(forWritingTo: output)
            process.standardOutput = handle
            process.standardError = handle
            process.standardInput = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
            try? handle.close()
            let said = String(decoding: (try? Data(contentsOf: output)) ?? Data(), as: UTF8.self)
                .replacingOccurrences(of: file.path, with: "the document")
            guard process.terminationStatus != 0 else { return nil }
            let lines = said.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter {
                !$0.isEmpty
            }
            return lines.isEmpty
                ? "the validator failed (exit status \(process.terminationStatus))"
                : String(lines.prefix(12).joined(separator: "\n").prefix(2000))
        } catch {
            return "the validator could not run: \(error)"
        }
    }
}
