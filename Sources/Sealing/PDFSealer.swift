public import Foundation

/// Seals a PDF the way PAdES B-LT does, as two incremental updates appended to the original bytes
/// (which stay untouched). The first: an invisible signature field on page 1, a `/Sig` dictionary
/// (`ETSI.CAdES.detached`) whose `/Contents` holds the CMS over every byte of the file but
/// itself (`/ByteRange`), and the catalog's `/AcroForm` (`/SigFlags 3`). `/Reason` names the
/// agreement version's SHA-256, so the seal vouches for it too. The second: the document security
/// store (`/DSS`), with the seal's and the time-stamp authority's certificates and their CRLs, so
/// the seal still verifies offline when the CA's server is long gone. The result is read back and
/// verified before it is returned.
///
/// Reads the PDFs `Documents` writes (cairo 1.16: one classic cross-reference table, no object
/// streams); anything else is refused with a clear error rather than guessed at.
public struct PDFSealer: Sendable {
    let signer: CMSSigner
    let authority: TimestampAuthority
    /// How CRLs are fetched (HTTP through libcurl).
    var fetch: @Sendable (String) throws -> [UInt8] = { try HTTPFetch.bytes($0) }
    /// Bytes reserved for the CMS in `/Contents` (hex doubles it).
    static let reserved = 16_384

    /// - Parameters: the seal's PKCS#12 file and password; the RFC 3161 authority's URL and the
    ///   PEM certificates its replies must chain to.
    public init(pkcs12: [UInt8], password: String, timestampURL: String, timestampTrust: [UInt8]) throws {
        signer = try CMSSigner(pkcs12: pkcs12, password: password)
        authority = TimestampAuthority(url: timestampURL, trust: timestampTrust)
    }

    /// `pdf` with the seal appended.
    public func seal(_ pdf: [UInt8], reason: String, at time: Date = Date()) throws -> [UInt8] {
        let document = try PDFStructure(pdf)
        let size = document.size
        let sigNumber = size
        let widgetNumber = size + 1
        let formNumber = size + 2

        var output = pdf
        if output.last != 0x0A { output.append(0x0A) }
        var offsets: [Int: Int] = [:]
        func object(_ number: Int, _ body: String) {
            offsets[number] = output.count
            output += Array("\(number) 0 obj\n\(body)\nendobj\n".utf8)
        }
        object(document.page.number, Self.adding("/Annots [\(widgetNumber) 0 R]", to: document.page.dictionary))
        object(document.root.number, Self.adding("/AcroForm \(formNumber) 0 R", to: document.root.dictionary))
        let placeholder = "[0 0000000000 0000000000 0000000000]"
        let contents = String(repeating: "0", count: Self.reserved * 2)
        offsets[sigNumber] = output.count
        output += Array(
            """
            \(sigNumber) 0 obj
            << /Type /Sig /Filter /Adobe.PPKLite /SubFilter /ETSI.CAdES.detached /M (\(Self.pdfDate(time))) \
            /Reason (\(Self.literal(reason))) /ByteRange \(placeholder) /Contents <
            """.utf8)
        let contentsStart = output.count - 1  // the "<"
        output += Array(contents.utf8)
        let contentsEnd = output.count  // the ">"
        output += Array("> >>\nendobj\n".utf8)
        object(
            widgetNumber,
            "<< /Type /Annot /Subtype /Widget /FT /Sig /T (EventGaragetSeal) /V \(sigNumber) 0 R /F 132 /Rect [0 0 0 0] /P \(document.page.number) 0 R >>"
        )
        object(formNumber, "<< /Fields [\(widgetNumber) 0 R] /SigFlags 3 >>")

        let xref = output.count
        output += Array(Self.crossReference(offsets).utf8)
        var trailer = "trailer\n<< /Size \(formNumber + 1) /Root \(document.root.number) 0 R"
        if let info = document.info { trailer += " /Info \(info)" }
        trailer += " /Prev \(document.startxref) >>\nstartxref\n\(xref)\n%%EOF\n"
        output += Array(trailer.utf8)

        // The byte range: everything but the hex string (its angle brackets included in neither).
        let afterContents = contentsEnd + 1
        let range = "[0 \(contentsStart) \(afterContents) \(output.count - afterContents)]"
        guard range.count <= placeholder.count,
            let at = output.firstRange(of: Array("/ByteRange \(placeholder)".utf8), from: contentsStart - 200)
        else { throw SealingError("byte range") }
        let padded = range + String(repeating: " ", count: placeholder.count - range.count)
        output.replaceSubrange((at + 11)..<(at + 11 + placeholder.count), with: Array(padded.utf8))

        var token: [UInt8] = []
        let cms = try signer.sign(content: [Array(output[0..<contentsStart]), Array(output[afterContents...])]) {
            token = try authority.token(for: $0)
            return token
        }
        guard cms.count <= Self.reserved else { throw SealingError("the seal is larger than the space kept for it") }
        let hex = Array(cms.map { String($0, radix: 16).leftPadded2 }.joined().utf8)
        output.replaceSubrange((contentsStart + 1)..<(contentsStart + 1 + hex.count), with: hex)

        // B-LT: the chains and their revocation lists, in a second update after the signed bytes.
        let validation = try ValidationData(
            certificates: signer.certificates + ValidationData.certificates(inCMS: token), fetch: fetch)
        output = try Self.appendingSecurityStore(to: output, validation)

        // Read back what was written, as any verifier will, before it leaves the worker.
        let check = SealVerifier.verify(
            output, trust: signer.certificates + authority.trustCertificates, partialChain: true)
        guard check.isValid else {
            throw SealingError("the sealed PDF does not verify: \(check.problems.joined(separator: "; "))")
        }
        return output
    }

    /// `pdf` (sealed) with a document security store appended: the catalog gains `/DSS`, whose
    /// `/Certs` and `/CRLs` are uncompressed streams of DER. Nothing signed is touched.
    static func appendingSecurityStore(to pdf: [UInt8], _ validation: ValidationData) throws -> [UInt8] {
        let document = try PDFStructure(pdf)
        var output = pdf
        var offsets: [Int: Int] = [:]
        var next = document.size
        let storeNumber = next
        next += 1
        func streams(_ items: [[UInt8]]) -> [Int] {
            items.map { item in
                let number = next
                next += 1
                offsets[number] = output.count
                output += Array("\(number) 0 obj\n<< /Length \(item.count) >>\nstream\n".utf8)
                output += item
                output += Array("\nendstream\nendobj\n".utf8)
                return number
            }
        }
        let certificates = streams(validation.certificates)
        let lists = streams(validation.revocationLists)
        func array(_ numbers: [Int]) -> String { "[" + numbers.map { "\($0) 0 R" }.joined(separator: " ") + "]" }
        var store = "<< /Type /DSS /Certs \(array(certificates))"
        if !lists.isEmpty { store += " /CRLs \(array(lists))" }
        offsets[storeNumber] = output.count
        output += Array("\(storeNumber) 0 obj\n\(store) >>\nendobj\n".utf8)
        offsets[document.root.number] = output.count
        output += Array(
            "\(document.root.number) 0 obj\n\(adding("/DSS \(storeNumber) 0 R", to: document.root.dictionary))\nendobj\n"
                .utf8)
        let xref = output.count
        output += Array(crossReference(offsets).utf8)
        var trailer = "trailer\n<< /Size \(next) /Root \(document.root.number) 0 R"
        if let info = document.info { trailer += " /Info \(info)" }
        trailer += " /Prev \(document.startxref) >>\nstartxref\n\(xref)\n%%EOF\n"
        output += Array(trailer.utf8)
        return output
    }

    /// A dictionary's text with `entry` added before its closing `>>`.
    static func adding(_ entry: String, to dictionary: String) -> String {
        guard let close = dictionary.range(of: ">>", options: .backwards) else { return dictionary }
        return dictionary[..<close.lowerBound] + " " + entry + " >>"
    }

    /// The update's cross-reference section: runs of consecutive object numbers.
    static func crossReference(_ offsets: [Int: Int]) -> String {
        var text = "xref\n"
        let numbers = offsets.keys.sorted()
        var index = 0
        while index < numbers.count {
            var end = index
            while end + 1 < numbers.count, numbers[end + 1] == numbers[end] + 1 { end += 1 }
            text += "\(numbers[index]) \(end - index + 1)\n"
            for number in numbers[index...end] {
                let offset = String(offsets[number]!)
                text += String(repeating: "0", count: 10 - offset.count) + offset + " 00000 n\r\n"
            }
            index = end + 1
        }
        return text
    }

    /// `D:20261207074601+00'00'`.
    static func pdfDate(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMddHHmmss"
        return "D:" + formatter.string(from: date) + "+00'00'"
    }

    /// An ASCII PDF literal string's content: `\`, `(` and `)` escaped, anything else non-ASCII dropped.
    static func literal(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars where scalar.isASCII && scalar.value >= 0x20 {
            if scalar == "\\" || scalar == "(" || scalar == ")" { result.append("\\") }
            result.unicodeScalars.append(scalar)
        }
        return result
    }
}

extension [UInt8] {
    func firstRange(of needle: [UInt8], from start: Int) -> Int? {
        var index = Swift.max(0, start)
        while index + needle.count <= count {
            if self[index..<(index + needle.count)].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }
}

extension String {
    fileprivate var leftPadded2: String { count == 1 ? "0" + self : self }
}
