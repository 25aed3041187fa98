import CLibCrypto
public import Foundation

/// What a seal proves, as `SealVerifier` found it.
public struct SealReport: Sendable {
    /// Why a PDF's seal does not hold (the first reason found).
    public enum Failure: Sendable, Equatable {
        /// No PAdES signature (`ETSI.CAdES.detached`) in the file.
        case notSealed
        /// Not a PDF we can read, or a signature whose structure is broken.
        case unreadable
        /// Bytes were changed, or objects rewritten, after the seal.
        case changedAfterSealing
        /// The signature does not match the signed bytes or its certificate.
        case signatureBroken
        /// The signature is intact but its certificate does not lead to a trusted root (or was revoked).
        case untrusted
        /// The signature time-stamp is missing or does not verify.
        case timestampInvalid
    }

    public var failure: Failure?
    /// Details in English (libcrypto's words), for the command line and logs.
    public var problems: [String] = []
    public var signer = ""
    public var signerIssuer = ""
    public var signerFingerprint = ""
    public var timestamp: Date?
    public var timestampAuthority = ""
    /// The agreement version's SHA-256 the seal's `/Reason` names.
    public var versionSHA256: String?
    /// Updates after the signed revision (the document security store).
    public var laterUpdates = 0
    public var certificates = 0
    public var revocationLists = 0

    public var isValid: Bool { failure == nil }

    mutating func fail(_ failure: Failure, _ problem: String) {
        if self.failure == nil { self.failure = failure }
        problems.append(problem)
    }
}

/// Checks a sealed PDF offline with libcrypto, the way PAdES validation does: finds the last
/// `ETSI.CAdES.detached` signature, checks that its ByteRange covers the whole signed revision
/// but the signature itself, that anything appended later only adds the document security store,
/// that the signature time-stamp is over this signature and chains to `trust`, and that the CMS
/// matches the bytes and its certificate chains to `trust` at the time-stamp's time, with the
/// embedded CRLs (which may be newer than that time, being fetched just after it).
public enum SealVerifier {
    /// - Parameters: `trust`: DER root certificates. `partialChain`: accept a chain that ends in any
    ///   certificate of `trust` (the sealer's self-check, whose PKCS#12 may hold no root).
    public static func verify(_ pdf: [UInt8], trust: [[UInt8]], partialChain: Bool = false) -> SealReport {
        var report = SealReport()
        do {
            try check(pdf, trust: trust, partialChain: partialChain, into: &report)
        } catch {
            report.fail(.unreadable, error.description)
        }
        ERR_clear_error()
        return report
    }

    /// Trust roots from a PEM file's bytes.
    public static func trust(pem: [UInt8]) -> [[UInt8]] { OpenSSL.certificates(pem: pem) }

    static func check(
        _ pdf: [UInt8], trust: [[UInt8]], partialChain: Bool, into report: inout SealReport
    ) throws(SealingError) {
        let newest = try PDFStructure(pdf)
        // 1. The last seal among the form's signature fields.
        var signature: PDFStructure.Object?
        if let form = PDFStructure.reference("/AcroForm", in: newest.root.dictionary) {
            for field in PDFStructure.references("/Fields", in: try newest.object(form).dictionary) {
                guard let widget = try? newest.object(field), widget.dictionary.contains("/FT /Sig"),
                    let value = PDFStructure.reference("/V", in: widget.dictionary),
                    let candidate = try? newest.object(value),
                    candidate.dictionary.contains("/SubFilter /ETSI.CAdES.detached")
                else { continue }
                signature = candidate
            }
        }
        guard let signature else {
            report.fail(.notSealed, "no PAdES signature (ETSI.CAdES.detached) in the file")
            return
        }
        report.versionSHA256 = versionHash(in: signature.dictionary)

        // 2. The byte range: [0 a b c], everything but the hex string, up to the end of a revision.
        guard let rangeKey = signature.dictionary.range(of: "/ByteRange"),
            let open = signature.dictionary[rangeKey.upperBound...].firstIndex(of: "["),
            let close = signature.dictionary[open...].firstIndex(of: "]")
        else { throw SealingError("the signature has no /ByteRange") }
        let range = signature.dictionary[signature.dictionary.index(after: open)..<close].split(separator: " ")
            .compactMap { Int($0) }
        guard range.count == 4, range[0] == 0 else { throw SealingError("the /ByteRange is not [0 a b c]") }
        let (a, b, c) = (range[1], range[2], range[3])
        guard a > 0, b > a + 1, c >= 0, b + c <= pdf.count, pdf[a] == UInt8(ascii: "<"),
            pdf[b - 1] == UInt8(ascii: ">")
        else {
            report.fail(.changedAfterSealing, "the /ByteRange does not frame the signature in this file")
            return
        }
        let hex = pdf[(a + 1)..<(b - 1)]
        guard hex.allSatisfy({ $0.isHexDigit }) else {
            report.fail(.changedAfterSealing, "the signature's /Contents is not a hex string")
            return
        }
        let signedEnd = b + c
        let signedBytes = Array(pdf[0..<signedEnd])
        guard
            String(decoding: signedBytes.suffix(8), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
                .hasSuffix("%%EOF")
        else {
            report.fail(.changedAfterSealing, "the signature does not cover a whole revision of the file")
            return
        }

        // 3. Later updates may only add the document security store to the catalog.
        let signed = try PDFStructure(signedBytes)
        guard let signedSignature = try? signed.object(signature.number),
            signedSignature.dictionary == signature.dictionary
        else {
            report.fail(.changedAfterSealing, "the signature dictionary differs from the signed revision's")
            return
        }
        report.laterUpdates = newest.sections.filter { $0 >= signedEnd }.count
        if newest.root.number != signed.root.number || newest.info != signed.info {
            report.fail(.changedAfterSealing, "the catalog or document information was replaced after sealing")
        }
        for (number, offset) in newest.offsets where offset >= signedEnd && number < signed.size {
            if number == signed.root.number,
                normalized(withoutSecurityStore(newest.root.dictionary)) == normalized(signed.root.dictionary)
            {
                continue
            }
            report.fail(.changedAfterSealing, "object \(number) was rewritten after sealing")
        }
        guard report.isValid else { return }

        // 4. The embedded validation data.
        var storeCertificates: [[UInt8]] = []
        var storeLists: [[UInt8]] = []
        if let store = PDFStructure.reference("/DSS", in: newest.root.dictionary) {
            let dictionary = try newest.object(store).dictionary
            for number in PDFStructure.references("/Certs", in: dictionary) {
                storeCertificates.append(try newest.stream(number))
            }
            for number in PDFStructure.references("/CRLs", in: dictionary) {
                storeLists.append(try newest.stream(number))
            }
        }
        report.certificates = storeCertificates.count
        report.revocationLists = storeLists.count

        // 5. The CMS.
        var der = [UInt8]()
        der.reserveCapacity(hex.count / 2)
        var index = hex.startIndex
        while index + 1 < hex.endIndex {
            der.append(UInt8(hexPair: hex[index], hex[index + 1]))
            index += 2
        }
        let content = Array(pdf[0..<a]) + Array(pdf[b..<signedEnd])
        try CMSCheck.run(
            cms: der, content: content, trust: trust, partialChain: partialChain, certificates: storeCertificates,
            revocationLists: storeLists, into: &report)
    }

    /// The 64 hex digits after "SHA-256: " in the signature's `/Reason`.
    static func versionHash(in dictionary: String) -> String? {
        guard let reason = dictionary.range(of: "/Reason ("),
            let marker = dictionary[reason.upperBound...].range(of: "SHA-256: ")
        else { return nil }
        let digits = dictionary[marker.upperBound...].prefix(64)
        return digits.count == 64 && digits.allSatisfy(\.isHexDigit) ? String(digits) : nil
    }

    static func withoutSecurityStore(_ dictionary: String) -> String {
        guard let at = dictionary.range(of: " /DSS ") else { return dictionary }
        let rest = dictionary[at.upperBound...].split(separator: " ", maxSplits: 3)
        guard rest.count >= 3, Int(rest[0]) != nil, rest[1] == "0", rest[2].hasPrefix("R") else { return dictionary }
        let afterReference = dictionary[at.upperBound...].dropFirst(rest[0].count + 4)
        return String(dictionary[..<at.lowerBound]) + " " + afterReference
    }

    static func normalized(_ dictionary: String) -> String {
        dictionary.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}

extension UInt8 {
    fileprivate var isHexDigit: Bool {
        (0x30...0x39).contains(self) || (0x41...0x46).contains(self) || (0x61...0x66).contains(self)
    }

    fileprivate init(hexPair high: UInt8, _ low: UInt8) {
        func value(_ digit: UInt8) -> UInt8 {
            switch digit {
            case 0x30...0x39: digit - 0x30
            case 0x41...0x46: digit - 0x41 + 10
            default: digit - 0x61 + 10
            }
        }
        self = value(high) << 4 | value(low)
    }
}
