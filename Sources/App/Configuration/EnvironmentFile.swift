import Foundation

/// Reads `KEY=value` lines (blank lines and `#` comments ignored, optional single or double
/// quotes around the value). Variables already in the process environment win over the file.
enum EnvironmentFile {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    static func merged(path: String?, over environment: [String: String]) throws -> [String: String] {
        guard let path else { return environment }
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8)
        else {
            throw Failure(description: "cannot read env file \(path)")
        }
        var merged = try parse(text, path: path)
        for (key, value) in environment { merged[key] = value }
        return merged
    }

    static func parse(_ text: String, path: String) throws -> [String: String] {
        var values: [String: String] = [:]
        for (number, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var line = rawLine.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            if line.hasPrefix("export ") { line = String(line.dropFirst(7)) }
            guard let eq = line.firstIndex(of: "="), eq != line.startIndex else {
                throw Failure(description: "\(path):\(number + 1): expected KEY=value")
            }
            let key = line[..<eq].trimmingCharacters(in: .whitespaces)
            var value = line[line.index(after: eq)...].trimmingCharacters(in: .whitespaces)
            if value.count >= 2, let first = value.first, first == "\"" || first == "'", value.last == first {
                value = String(value.dropFirst().dropLast())
            }
            values[key] = value
        }
        return values
    }
}
