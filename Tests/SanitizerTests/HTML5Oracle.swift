import Foundation

/// Runs `html5_oracle.py`: html5lib, a WHATWG-conformant HTML parser, parses sanitiser output the
/// way a browser does and reports anything outside the allow-list. libxml2 parses like HTML 4, so
/// checking output with libxml2 would only confirm what the sanitiser already believes.
struct HTML5Oracle {
    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("html5_oracle.py")

    /// A Python 3 that can import html5lib.
    let python: URL

    enum Failure: Error, CustomStringConvertible {
        case noPython(tried: [String])
        case oracleFailed(status: Int32, stderr: String)
        case unexpectedAnswer(String)

        var description: String {
            switch self {
            case .noPython(let tried):
                "No python3 with html5lib found (tried: \(tried.joined(separator: ", "))). "
                    + "Install python3-html5lib or set HTML5_ORACLE_PYTHON."
            case .oracleFailed(let status, let stderr): "html5_oracle.py exited with \(status): \(stderr)"
            case .unexpectedAnswer(let text): "html5_oracle.py answered: \(text.prefix(500))"
            }
        }
    }

    /// `$HTML5_ORACLE_PYTHON` if set, else the first `python3` on `PATH` that imports html5lib
    /// (a pyenv or venv Python earlier on `PATH` often lacks Debian's `python3-html5lib`).
    static func locate() throws -> HTML5Oracle {
        let environment = ProcessInfo.processInfo.environment
        var candidates: [String] = []
        if let chosen = environment["HTML5_ORACLE_PYTHON"], !chosen.isEmpty { candidates.append(chosen) }
        for directory in (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let path = "\(directory)/python3"
            if FileManager.default.isExecutableFile(atPath: path), !candidates.contains(path) {
                candidates.append(path)
            }
        }
        for path in candidates {
            let python = URL(fileURLWithPath: path)
            if let result = try? run(python, arguments: ["-c", "import html5lib"], input: Data()),
                result.status == 0
            {
                return HTML5Oracle(python: python)
            }
        }
        throw Failure.noPython(tried: candidates)
    }

    /// One list of violations per output, in order; all outputs go to one Python process.
    func violations(in outputs: [String]) throws -> [[String]] {
        let input = try JSONEncoder().encode(outputs)
        let result = try Self.run(python, arguments: [Self.script.path], input: input)
        guard result.status == 0 else {
            throw Failure.oracleFailed(status: result.status, stderr: String(decoding: result.stderr, as: UTF8.self))
        }
        guard let answer = try? JSONDecoder().decode([[String]].self, from: result.stdout),
            answer.count == outputs.count
        else {
            throw Failure.unexpectedAnswer(String(decoding: result.stdout, as: UTF8.self))
        }
        return answer
    }

    /// Runs a process with files for stdin, stdout and stderr, so no pipe can fill up and block.
    private static func run(
        _ executable: URL,
        arguments: [String],
        input: Data
    ) throws
        -> (status: Int32, stdout: Data, stderr: Data)
    {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("html5-oracle-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let files = ["stdin", "stdout", "stderr"].map { directory.appendingPathComponent($0) }
        try input.write(to: files[0])
        for output in files.dropFirst() {
            guard FileManager.default.createFile(atPath: output.path, contents: nil) else {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: output.path])
            }
        }

        let stdin = try FileHandle(forReadingFrom: files[0])
        let stdout = try FileHandle(forWritingTo: files[1])
        let stderr = try FileHandle(forWritingTo: files[2])
        defer {
            try? stdin.close()
            try? stdout.close()
            try? stderr.close()
        }
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        process.waitUntilExit()
        return (process.terminationStatus, try Data(contentsOf: files[1]), try Data(contentsOf: files[2]))
    }
}
