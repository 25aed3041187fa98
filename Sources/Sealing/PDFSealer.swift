public import Foundation

/// Seals a PDF the way PAdES does, as an incremental update appended to the original bytes (which
/// stay untouched): an invisible signature field on page 1, a `/Sig` dictionary
/// (`ETSI.CAdES.detached`) whose `/Contents` holds the CMS over every byte of the file but
/// itself (`/ByteRange`), and the catalog's `/AcroForm` (`/SigFlags 3`). `/Reason` names the
/// agreement version's SHA-256, so the seal vouches for it too.
///
/// Reads the PDFs `Documents` writes (cairo 1.16: one classic cross-reference table, no object
/// streams); anything else is refused with a clear error rather than guessed at.
public struct PDFSealer: Sendable {
    let signer: CMSSigner
    let authority: TimestampAuthority
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

        let cms = try signer.sign(content: [Array(output[0..<contentsStart]), Array(output[afterContents...])]) {
            try authority.token(for: $0)
        }
        guard cms.count <= Self.reserved else { throw SealingError("the seal is larger than the space kept for it") }
        let hex = Array(cms.map { String($0, radix: 16).leftPadded2 }.joined().utf8)
        output.replaceSubrange((contentsStart + 1)..<(contentsStart + 1 + hex.count), with: hex)
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

/// What sealing needs from a PDF: the newest cross-reference table's offset, the trailer's `/Size`,
/// `/Root` and `/Info`, and the catalog and first page as text.
struct PDFStructure {
    struct Object {
        let number: Int
        let dictionary: String
    }

    let startxref: Int
    let size: Int
    let info: String?
    let root: Object
    let page: Object

    init(_ bytes: [UInt8]) throws(SealingError) {
        let tail = String(decoding: bytes.suffix(1024), as: UTF8.self)
        guard let marker = tail.range(of: "startxref", options: .backwards),
            let offset = Int(tail[marker.upperBound...].split(whereSeparator: \.isWhitespace).first ?? "")
        else { throw SealingError("no startxref") }
        startxref = offset
        guard offset < bytes.count, bytes[offset...].starts(with: Array("xref".utf8)) else {
            throw SealingError("not a classic cross-reference table (a newer PDF writer?)")
        }
        let text = String(decoding: bytes[offset...], as: UTF8.self)
        guard let trailerAt = text.range(of: "trailer") else { throw SealingError("no trailer") }
        var offsets: [Int: Int] = [:]
        var lines = text[..<trailerAt.lowerBound].split(whereSeparator: { $0 == "\n" || $0 == "\r" }).dropFirst()
            .makeIterator()
        while let header = lines.next() {
            let parts = header.split(separator: " ")
            guard parts.count == 2, let first = Int(parts[0]), let count = Int(parts[1]) else { continue }
            for number in first..<(first + count) {
                guard let entry = lines.next() else { break }
                let fields = entry.split(separator: " ")
                if fields.count >= 3, fields[2].hasPrefix("n"), let at = Int(fields[0]) { offsets[number] = at }
            }
        }
        let trailer = Self.dictionary(in: String(text[trailerAt.upperBound...])) ?? ""
        guard let size = Self.integer("/Size", in: trailer), let rootNumber = Self.reference("/Root", in: trailer)
        else {
            throw SealingError("the trailer has no /Size or /Root")
        }
        if trailer.contains("/Encrypt") { throw SealingError("an encrypted PDF") }
        self.size = size
        info = Self.reference("/Info", in: trailer).map { "\($0) 0 R" }
        func object(_ number: Int) throws(SealingError) -> Object {
            guard let at = offsets[number], at < bytes.count,
                let dictionary = Self.dictionary(
                    in: String(decoding: bytes[at..<min(bytes.count, at + 65_536)], as: UTF8.self))
            else { throw SealingError("object \(number) cannot be read") }
            return Object(number: number, dictionary: dictionary)
        }
        root = try object(rootNumber)
        guard let pagesNumber = Self.reference("/Pages", in: root.dictionary) else { throw SealingError("no /Pages") }
        var node = try object(pagesNumber)
        for _ in 0..<16 where !node.dictionary.contains("/Type /Page ") && !node.dictionary.contains("/Type /Page\n") {
            guard let kids = node.dictionary.range(of: "/Kids"),
                let first = Self.reference("", in: String(node.dictionary[kids.upperBound...]))
            else { throw SealingError("no first page") }
            node = try object(first)
        }
        page = node
    }

    /// The first `<< … >>` in `text` (nested dictionaries counted; comments removed).
    static func dictionary(in text: String) -> String? {
        guard let start = text.range(of: "<<") else { return nil }
        var depth = 0
        var index = start.lowerBound
        var result = ""
        var inComment = false
        while index < text.endIndex {
            let character = text[index]
            if inComment {
                if character == "\n" || character == "\r" {
                    inComment = false
                    result.append(" ")
                }
                index = text.index(after: index)
                continue
            }
            if character == "%" {
                inComment = true
                index = text.index(after: index)
                continue
            }
            let rest = text[index...]
            if rest.hasPrefix("<<") {
                depth += 1
                result += "<<"
                index = text.index(index, offsetBy: 2)
                continue
            }
            if rest.hasPrefix(">>") {
                depth -= 1
                result += ">>"
                index = text.index(index, offsetBy: 2)
                if depth == 0 { return result.replacingOccurrences(of: "\n", with: " ") }
                continue
            }
            result.append(character)
            index = text.index(after: index)
        }
        return nil
    }

    static func integer(_ key: String, in dictionary: String) -> Int? {
        guard let at = dictionary.range(of: key + " ") ?? dictionary.range(of: key) else { return nil }
        return Int(
            dictionary[at.upperBound...].split(whereSeparator: { $0 == " " || $0 == "/" || $0 == ">" }).first ?? "")
    }

    /// The object number of `key N 0 R` (with an empty key: the first reference in the text).
    static func reference(_ key: String, in text: String) -> Int? {
        let rest: Substring
        if key.isEmpty {
            rest = Substring(text.drop { !$0.isNumber })
        } else {
            guard let at = text.range(of: key) else { return nil }
            rest = text[at.upperBound...]
        }
        let parts = rest.split(whereSeparator: { $0 == " " || $0 == "[" }).prefix(3)
        guard parts.count == 3, parts[parts.startIndex + 2].hasPrefix("R"), let number = Int(parts[parts.startIndex])
        else {
            return nil
        }
        return number
    }
}

extension [UInt8] {
    fileprivate func firstRange(of needle: [UInt8], from start: Int) -> Int? {
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
