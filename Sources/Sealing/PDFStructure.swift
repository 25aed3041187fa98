import Foundation

/// What sealing and verifying need from a PDF: the newest cross-reference table's offset, every
/// object's newest offset (the tables chained by `/Prev`, our own updates included), the trailer's
/// `/Size`, `/Root` and `/Info`, objects' dictionaries as text, streams' bytes, and the catalog and
/// first page.
///
/// Reads classic cross-reference tables only (cairo 1.16 writes one, our updates add theirs);
/// a cross-reference stream (newer PDF writers) is refused with a clear error, not guessed at.
struct PDFStructure {
    struct Object {
        let number: Int
        let dictionary: String
    }

    let bytes: [UInt8]
    let startxref: Int
    /// The offsets of the cross-reference tables, newest first.
    let sections: [Int]
    let size: Int
    let info: String?
    /// Newest offset per object number.
    let offsets: [Int: Int]
    let root: Object
    let page: Object

    init(_ bytes: [UInt8]) throws(SealingError) {
        self.bytes = bytes
        let tail = String(decoding: bytes.suffix(1024), as: UTF8.self)
        guard let marker = tail.range(of: "startxref", options: .backwards),
            let offset = Int(tail[marker.upperBound...].split(whereSeparator: \.isWhitespace).first ?? "")
        else { throw SealingError("no startxref") }
        startxref = offset
        var offsets: [Int: Int] = [:]
        var sections: [Int] = []
        var newestTrailer: String?
        var next: Int? = offset
        while let section = next {
            guard !sections.contains(section), sections.count < 64 else {
                throw SealingError("the cross-reference tables loop")
            }
            guard section >= 0, section < bytes.count, bytes[section...].starts(with: Array("xref".utf8)) else {
                throw SealingError("not a classic cross-reference table (a newer PDF writer?)")
            }
            sections.append(section)
            let (entries, trailer) = try Self.section(bytes, at: section)
            for (number, at) in entries where offsets[number] == nil { offsets[number] = at }
            if newestTrailer == nil { newestTrailer = trailer }
            if trailer.contains("/XRefStm") { throw SealingError("a hybrid cross-reference (XRefStm)") }
            next = Self.integer("/Prev", in: trailer)
        }
        self.sections = sections
        self.offsets = offsets
        let trailer = newestTrailer ?? ""
        guard let size = Self.integer("/Size", in: trailer), let rootNumber = Self.reference("/Root", in: trailer)
        else {
            throw SealingError("the trailer has no /Size or /Root")
        }
        if trailer.contains("/Encrypt") { throw SealingError("an encrypted PDF") }
        self.size = size
        info = Self.reference("/Info", in: trailer).map { "\($0) 0 R" }
        root = try Self.object(rootNumber, bytes: bytes, offsets: offsets)
        guard let pagesNumber = Self.reference("/Pages", in: root.dictionary) else { throw SealingError("no /Pages") }
        var node = try Self.object(pagesNumber, bytes: bytes, offsets: offsets)
        for _ in 0..<16 where !node.dictionary.contains("/Type /Page ") && !node.dictionary.contains("/Type /Page\n") {
            guard let kids = node.dictionary.range(of: "/Kids"),
                let first = Self.reference("", in: String(node.dictionary[kids.upperBound...]))
            else { throw SealingError("no first page") }
            node = try Self.object(first, bytes: bytes, offsets: offsets)
        }
        page = node
    }

    /// One cross-reference table: its in-use entries and its trailer dictionary.
    static func section(_ bytes: [UInt8], at offset: Int) throws(SealingError) -> (entries: [Int: Int], trailer: String)
    {
        let text = String(decoding: bytes[offset..<min(bytes.count, offset + 1 << 20)], as: UTF8.self)
        guard let trailerAt = text.range(of: "trailer") else { throw SealingError("no trailer") }
        var entries: [Int: Int] = [:]
        // `isNewline`: "\r\n" is one Character, equal to neither "\r" nor "\n".
        var lines = text[..<trailerAt.lowerBound].split(whereSeparator: \.isNewline).dropFirst()
            .makeIterator()
        while let header = lines.next() {
            let parts = header.split(separator: " ")
            guard parts.count == 2, let first = Int(parts[0]), let count = Int(parts[1]), first >= 0, count >= 0
            else { continue }
            for number in first..<(first + count) {
                guard let entry = lines.next() else { break }
                let fields = entry.split(separator: " ")
                if fields.count >= 3, fields[2].hasPrefix("n"), let at = Int(fields[0]) { entries[number] = at }
            }
        }
        return (entries, Self.dictionary(in: String(text[trailerAt.upperBound...])) ?? "")
    }

    /// Object `number`'s dictionary as text (the newest revision's).
    func object(_ number: Int) throws(SealingError) -> Object {
        try Self.object(number, bytes: bytes, offsets: offsets)
    }

    static func object(_ number: Int, bytes: [UInt8], offsets: [Int: Int]) throws(SealingError) -> Object {
        guard let at = offsets[number], at >= 0, at < bytes.count,
            bytes[at...].starts(with: Array("\(number) 0 obj".utf8)),
            let dictionary = Self.dictionary(
                in: String(decoding: bytes[at..<min(bytes.count, at + 131_072)], as: UTF8.self))
        else { throw SealingError("object \(number) cannot be read") }
        return Object(number: number, dictionary: dictionary)
    }

    /// The bytes of stream object `number` (a direct `/Length`; no filters: the ones we write).
    func stream(_ number: Int) throws(SealingError) -> [UInt8] {
        let object = try object(number)
        guard let length = Self.integer("/Length", in: object.dictionary), length >= 0,
            !object.dictionary.contains("/Filter"), let at = offsets[number],
            let keyword = bytes.firstRange(of: Array(">>".utf8), from: at).flatMap({
                bytes.firstRange(of: Array("stream".utf8), from: $0)
            })
        else { throw SealingError("stream \(number) cannot be read") }
        var start = keyword + 6
        if start < bytes.count, bytes[start] == 0x0D { start += 1 }
        guard start < bytes.count, bytes[start] == 0x0A, start + 1 + length <= bytes.count else {
            throw SealingError("stream \(number) cannot be read")
        }
        return Array(bytes[(start + 1)..<(start + 1 + length)])
    }

    /// The object numbers of an array value `key [a 0 R b 0 R …]` in `dictionary`.
    static func references(_ key: String, in dictionary: String) -> [Int] {
        guard let at = dictionary.range(of: key + " [") ?? dictionary.range(of: key + "["),
            let close = dictionary[at.upperBound...].firstIndex(of: "]")
        else { return [] }
        let parts = dictionary[at.upperBound..<close].split(separator: " ")
        var numbers: [Int] = []
        var index = 0
        while index + 2 < parts.count {
            if parts[index + 2] == "R", let number = Int(parts[index]) {
                numbers.append(number)
                index += 3
            } else {
                index += 1
            }
        }
        return numbers
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
