import ArgumentParser
import Foundation
import Sealing

/// `eventgaraget verify FILE.pdf`: what the company's seal on a signed agreement proves, checked
/// offline with libcrypto against the configured roots (or `--trust`): who sealed it, when (the
/// time-stamp), that nothing changed since, and which agreement version it vouches for.
/// Exit status 0: valid; 1: not valid (the reason printed); 2: the file or roots cannot be read.
struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check the company's seal on a signed agreement PDF (offline).",
        discussion: """
            Trusts the roots in --trust, else those of EG_SEAL_TRUST and EG_TSA_TRUST (environment or \
            --env-file). Needs no database and no network: the seal embeds its chain and revocation lists. \
            Exit status: 0 valid, 1 not valid, 2 file or roots unreadable.
            """)

    @Argument(help: "The sealed PDF.") var file: String
    @Option(name: .long, help: "PEM file of trusted roots (repeatable); default: EG_SEAL_TRUST and EG_TSA_TRUST.")
    var trust: [String] = []
    @OptionGroup var options: ConfigurationOptions

    func run() throws {
        var paths = trust
        if paths.isEmpty {
            let process = ProcessInfo.processInfo.environment
            let environment = try EnvironmentFile.merged(path: options.envFile ?? process["EG_ENV_FILE"], over: process)
            paths = ["EG_SEAL_TRUST", "EG_TSA_TRUST"].compactMap { environment[$0] }.filter { !$0.isEmpty }
        }
        var roots: [[UInt8]] = []
        for path in paths {
            guard let pem = FileManager.default.contents(atPath: path) else {
                throw Self.unreadable("'\(path)' cannot be read")
            }
            roots += SealVerifier.trust(pem: [UInt8](pem))
        }
        guard !roots.isEmpty else {
            throw Self.unreadable("no trusted roots: pass --trust FILE or set EG_SEAL_TRUST")
        }
        guard let pdf = FileManager.default.contents(atPath: file) else {
            throw Self.unreadable("'\(file)' cannot be read")
        }
        let report = SealVerifier.verify([UInt8](pdf), trust: roots)
        print(Self.describe(report, file: file))
        if !report.isValid { throw ExitCode(1) }
    }

    static func unreadable(_ message: String) -> any Error {
        FileHandle.standardError.write(Data("error: \(message)\n".utf8))
        return ExitCode(2)
    }

    static func describe(_ report: SealReport, file: String) -> String {
        var lines = ["File: \(file)"]
        lines.append("Seal: " + (report.isValid ? "VALID" : "NOT VALID"))
        for problem in report.problems { lines.append("Problem: \(problem)") }
        if !report.signer.isEmpty {
            lines.append("Sealed by: \(report.signer)")
            lines.append("Issued by: \(report.signerIssuer)")
            lines.append("Certificate SHA-256: \(report.signerFingerprint)")
        }
        if let time = report.timestamp {
            let formatter = ISO8601DateFormatter()
            formatter.timeZone = TimeZone(identifier: "UTC")
            lines.append("Time-stamp: \(formatter.string(from: time)) by \(report.timestampAuthority)")
        }
        if report.failure != .notSealed && report.failure != .unreadable {
            lines.append(
                "Unchanged since sealing: \(report.failure == .changedAfterSealing || report.failure == .signatureBroken ? "no" : "yes")"
                    + " (\(report.laterUpdates) later update(s); validation data: \(report.certificates) certificate(s), "
                    + "\(report.revocationLists) CRL(s))")
        }
        if let hash = report.versionSHA256 { lines.append("Agreement version SHA-256: \(hash)") }
        return lines.joined(separator: "\n")
    }
}
