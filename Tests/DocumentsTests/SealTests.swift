import Documents
import Foundation
import Sealing
import TestSupport
import Testing

/// The company's PAdES B-LT seal on the agreement PDF, checked by real verifiers: poppler's pdfsig
/// (its exit status is always 0, so its words are read) with the development root in an NSS
/// database, pyHanko's AdES validation with the time-stamp and CRL server stopped (offline: only
/// what the file embeds), qpdf for the structure, and our own `SealVerifier`. The development
/// PKI and time-stamp authority are the ones `scripts/run` starts.
@Suite("The sealed agreement", .serialized)
struct SealTests {
    static let hash = String(repeating: "ab", count: 32)

    static func sealer(_ pki: DevelopmentPKI) throws -> PDFSealer {
        try PDFSealer(
            pkcs12: [UInt8](try Data(contentsOf: URL(fileURLWithPath: pki.pki + "/seal.p12"))), password: "dev",
            timestampURL: pki.timestampURL,
            timestampTrust: [UInt8](try Data(contentsOf: URL(fileURLWithPath: pki.rootPEM))))
    }

    static func trust(_ pki: DevelopmentPKI) throws -> [[UInt8]] {
        SealVerifier.trust(pem: [UInt8](try Data(contentsOf: URL(fileURLWithPath: pki.rootPEM))))
    }

    static func seal(_ pki: DevelopmentPKI) throws -> (original: [UInt8], sealed: [UInt8]) {
        let original = try AgreementRenderer.render(Fixtures.agreement())
        let sealed = try sealer(pki).seal(
            original, reason: "Sealed by EventGaraget. Agreement version SHA-256: \(hash)")
        return (original, sealed)
    }

    @Test func theSealIsValidTrustedTimeStampedAndVerifiableOfflineByEveryVerifier() throws {
        let pki = try DevelopmentPKI()
        let (original, sealed) = try Self.seal(pki)
        #expect(Array(sealed.prefix(original.count)) == original, "incremental updates leave the original bytes")
        pki.stopAuthority()  // from here on, only what the file embeds

        let report = try pki.pdfsig(sealed)
        #expect(report.contains("Signature Type: ETSI.CAdES.detached"), "\(report)")
        #expect(report.contains("Signature Validation: Signature is Valid."), "\(report)")
        #expect(report.contains("Certificate Validation: Certificate is Trusted."), "\(report)")
        #expect(report.contains("Signer Certificate Common Name: EventGaraget Seal (development)"))
        // The document security store is an update after the signed revision.
        #expect(report.contains("Not total document signed"), "\(report)")

        // pyHanko's AdES validation reads the DSS: trusted, time-stamped, later updates acceptable.
        let hanko = try pki.pyhanko(sealed)
        #expect(hanko.status == 0, "\(hanko.output)\(hanko.errorOutput)")
        #expect(
            hanko.output.contains(
                "INTACT:TRUSTED,TIMESTAMP_TOKEN<INTACT:TRUSTED>,EXTENDED_WITH_LTA_UPDATES,ACCEPTABLE_MODIFICATIONS"),
            "\(hanko.output)")

        let file = try pki.write(sealed)
        #expect(try run("/usr/bin/qpdf", ["--check", file]).status == 0)
        // The time-stamp token is in the CMS (pdfsig does not print it): dump and look.
        let dump = try run("/usr/bin/pdfsig", ["-dump", file], currentDirectory: pki.folder)
        #expect(dump.status == 0)
        let cms = try run("/usr/bin/openssl", ["cms", "-cmsout", "-print", "-inform", "DER", "-in", file + ".sig0"])
        #expect(cms.output.contains("id-smime-aa-timeStampToken"), "no signature time-stamp")
        #expect(cms.output.contains("id-smime-aa-signingCertificateV2"))
        // The seal's own signed attributes have no signingTime (PAdES takes the time from /M); the
        // TSA's token, printed after them, may.
        let signed = cms.output.components(separatedBy: "unsignedAttrs").first ?? ""
        #expect(signed.contains("signedAttrs") && !signed.contains("signingTime"), "PAdES takes the time from /M")

        // Our verifier: what the seal proves.
        let ours = SealVerifier.verify(sealed, trust: try Self.trust(pki))
        #expect(ours.isValid, "\(ours.problems)")
        #expect(ours.signer.contains("CN=EventGaraget Seal (development)"))
        #expect(ours.signerIssuer.contains("CN=EventGaraget Dev Root CA"))
        #expect(ours.signerFingerprint.count == 95)
        #expect(ours.timestampAuthority.contains("EventGaraget Dev TSA"))
        #expect(abs(try #require(ours.timestamp).timeIntervalSinceNow) < 300)
        #expect(ours.versionSHA256 == Self.hash)
        #expect(ours.laterUpdates == 1)
        #expect(ours.certificates == 3, "seal, TSA, root")
        #expect(ours.revocationLists == 1)
    }

    @Test func oneChangedByteAnUpdateThatRewritesAPageOrAnotherRootIsReported() throws {
        let pki = try DevelopmentPKI()
        let (original, sealed) = try Self.seal(pki)
        pki.stopAuthority()
        let trust = try Self.trust(pki)

        // One byte of the agreement changed: the digest no longer matches, for all three.
        var tampered = sealed
        let needle = Array("Q-2026-0042".utf8)
        let at = try #require(
            (0..<(original.count - needle.count)).first { sealed[$0..<($0 + needle.count)].elementsEqual(needle) })
        tampered[at + 10] = tampered[at + 10] == UInt8(ascii: "2") ? UInt8(ascii: "3") : UInt8(ascii: "2")
        let broken = try pki.pdfsig(tampered)
        #expect(broken.contains("Digest Mismatch."), "\(broken)")
        let hanko = try pki.pyhanko(tampered)
        #expect(hanko.status != 0 && hanko.output.contains("INVALID"), "\(hanko.output)")
        let ours = SealVerifier.verify(tampered, trust: trust)
        #expect(ours.failure == .signatureBroken, "\(ours.problems)")

        // A later update that rewrites the document information (what the reader's title shows):
        // outside the ByteRange, so the signature itself still matches; our verifier says so.
        let structure = try #require(
            String(decoding: sealed, as: UTF8.self).range(of: "startxref\n", options: .backwards))
        let previous = String(decoding: sealed, as: UTF8.self)[structure.upperBound...].prefix { $0.isNumber }
        let infoNumber = try #require(
            String(decoding: original, as: UTF8.self).components(separatedBy: "/Info ").last?.split(separator: " ")
                .first)
        var rewritten = sealed
        let offset = rewritten.count
        rewritten += Array("\(infoNumber) 0 obj\n<< /Title (Ett annat avtal) >>\nendobj\n".utf8)
        let xref = rewritten.count
        let root = try #require(
            String(decoding: sealed, as: UTF8.self).components(separatedBy: "/Root ").last?.split(separator: " ").first)
        let size = try #require(
            String(decoding: sealed, as: UTF8.self).components(separatedBy: "/Size ").last?.split(separator: " ").first)
        let padded = String(repeating: "0", count: 10 - String(offset).count) + String(offset)
        rewritten += Array(
            """
            xref
            \(infoNumber) 1
            \(padded) 00000 n\r
            trailer
            << /Size \(size) /Root \(root) 0 R /Info \(infoNumber) 0 R /Prev \(previous) >>
            startxref
            \(xref)
            %%EOF

            """.utf8)
        let changed = SealVerifier.verify(rewritten, trust: trust)
        #expect(changed.failure == .changedAfterSealing, "\(changed.problems)")
        #expect(SealVerifier.verify(sealed, trust: trust).isValid)

        // Trusting another root: intact, but not ours.
        let other = try DevelopmentPKI()
        let stranger = SealVerifier.verify(sealed, trust: try Self.trust(other))
        #expect(stranger.failure == .untrusted || stranger.failure == .timestampInvalid, "\(stranger.problems)")
        #expect(!stranger.isValid)

        // Not sealed at all.
        #expect(SealVerifier.verify(original, trust: trust).failure == .notSealed)
        #expect(SealVerifier.verify(Array("not a pdf".utf8), trust: trust).failure == .unreadable)
    }

    @Test func aRevokedSealCertificateOrAnUnreachableRevocationListStopsTheSeal() throws {
        let pki = try DevelopmentPKI()
        let original = try AgreementRenderer.render(Fixtures.agreement())
        try pki.revokeSealCertificate()
        #expect {
            try Self.sealer(pki).seal(original, reason: "x")
        } throws: { error in
            "\(error)".contains("revoked")
        }
        pki.stopAuthority()
        #expect(throws: SealingError.self) { try Self.sealer(pki).seal(original, reason: "x") }
    }
}
