import Documents
import Foundation
import Sealing
import TestSupport
import Testing

/// The company's PAdES seal on the agreement PDF, checked by real verifiers: poppler's pdfsig
/// (its exit status is always 0, so its words are read) with the development root in an NSS
/// database, and qpdf for the structure. The development PKI and time-stamp authority are the
/// ones `scripts/run` starts (`scripts/dev-pki`, `scripts/dev-tsa.py`).
@Suite("The sealed agreement", .serialized)
struct SealTests {
    final class DevelopmentPKI {
        let folder: String
        let port: Int
        let authority: Process

        init() throws {
            var template = Array("/tmp/egpki-XXXXXX".utf8CString)
            folder = String(cString: try #require(mkdtemp(&template)))
            port = try freeTCPPort()
            let made = try run("/bin/bash", [repositoryRoot + "/scripts/dev-pki", folder + "/pki", String(port)])
            guard made.status == 0 else { throw TestFailure("dev-pki: \(made.errorOutput)") }
            authority = Process()
            authority.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
            authority.arguments = [repositoryRoot + "/scripts/dev-tsa.py", folder + "/pki", String(port)]
            authority.standardError = FileHandle.nullDevice
            try authority.run()
            try waitUntil { (try? run("/usr/bin/curl", ["-sf", "http://127.0.0.1:\(port)/root.pem"]))?.status == 0 }
            let nss = folder + "/nss"
            try FileManager.default.createDirectory(atPath: nss, withIntermediateDirectories: true)
            _ = try run("/usr/bin/certutil", ["-N", "-d", "sql:" + nss, "--empty-password"])
            let added = try run(
                "/usr/bin/certutil",
                [
                    "-A", "-d", "sql:" + nss, "-n", "EventGaraget Dev Root CA", "-t", "C,C,C", "-i",
                    folder + "/pki/root.pem",
                ])
            guard added.status == 0 else { throw TestFailure("certutil: \(added.errorOutput)") }
        }

        deinit {
            // SIGKILL: the test process's threads may block SIGTERM, which the child inherits.
            kill(authority.processIdentifier, SIGKILL)
            authority.waitUntilExit()
            try? FileManager.default.removeItem(atPath: folder)
        }

        func sealer() throws -> PDFSealer {
            try PDFSealer(
                pkcs12: [UInt8](try Data(contentsOf: URL(fileURLWithPath: folder + "/pki/seal.p12"))), password: "dev",
                timestampURL: "http://127.0.0.1:\(port)/tsa",
                timestampTrust: [UInt8](try Data(contentsOf: URL(fileURLWithPath: folder + "/pki/root.pem"))))
        }

        /// pdfsig's report of `bytes`, against the development root.
        func pdfsig(_ bytes: [UInt8]) throws -> String {
            let path = folder + "/\(UUID().uuidString).pdf"
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            return try run("/usr/bin/pdfsig", ["-nssdir", "sql:" + folder + "/nss", path]).output
        }
    }

    @Test func pdfsigCallsTheSealValidTrustedAndTimeStampedAndOneChangedByteBreaksIt() throws {
        let pki = try DevelopmentPKI()
        let original = try AgreementRenderer.render(Fixtures.agreement())
        let hash = String(repeating: "ab", count: 32)
        let sealed = try pki.sealer().seal(
            original, reason: "Sealed by EventGaraget. Agreement version SHA-256: \(hash)")
        #expect(Array(sealed.prefix(original.count)) == original, "an incremental update leaves the original bytes")

        let report = try pki.pdfsig(sealed)
        #expect(report.contains("Signature Type: ETSI.CAdES.detached"), "\(report)")
        #expect(report.contains("Signature Validation: Signature is Valid."), "\(report)")
        #expect(report.contains("Certificate Validation: Certificate is Trusted."), "\(report)")
        #expect(report.contains("Signer Certificate Common Name: EventGaraget Seal (development)"))
        #expect(report.contains("Total document signed"), "\(report)")

        let file = pki.folder + "/sealed.pdf"
        try Data(sealed).write(to: URL(fileURLWithPath: file))
        #expect(try run("/usr/bin/qpdf", ["--check", file]).status == 0)
        // The time-stamp token is in the CMS (pdfsig does not print it): dump and look.
        let dump = try run("/usr/bin/pdfsig", ["-dump", file], currentDirectory: pki.folder)
        #expect(dump.status == 0)
        let cms = try run(
            "/usr/bin/openssl",
            [
                "cms", "-cmsout", "-print", "-inform", "DER", "-in",
                file.replacingOccurrences(of: ".pdf", with: ".pdf.sig0"),
            ])
        #expect(cms.output.contains("id-smime-aa-timeStampToken"), "no signature time-stamp")
        #expect(cms.output.contains("id-smime-aa-signingCertificateV2"))
        // The seal's own signed attributes have no signingTime (PAdES takes the time from /M); the
        // TSA's token, printed after them, may.
        let signed = cms.output.components(separatedBy: "unsignedAttrs").first ?? ""
        #expect(signed.contains("signedAttrs") && !signed.contains("signingTime"), "PAdES takes the time from /M")

        // One byte of the agreement changed: the digest no longer matches.
        var tampered = sealed
        let needle = Array("Q-2026-0042".utf8)
        let at = try #require(
            (0..<(original.count - needle.count)).first { sealed[$0..<($0 + needle.count)].elementsEqual(needle) })
        tampered[at + 10] = tampered[at + 10] == UInt8(ascii: "2") ? UInt8(ascii: "3") : UInt8(ascii: "2")
        let broken = try pki.pdfsig(tampered)
        #expect(broken.contains("Digest Mismatch."), "\(broken)")
    }
}
