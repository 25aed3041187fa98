/// Writes the sanitiser's output. Every byte of text and every attribute value goes through
/// `HTMLEscape`; tag and attribute names come only from `AllowList`, never from the input.
/// libxml2's own serialiser is never used (CVE-2018-8048: Loofah trusted it and let `"` through).
struct HTMLWriter {
    /// An attribute to write; the name comes from `AllowList`, the value is escaped on writing.
    typealias Attribute = (name: String, value: String)

    private(set) var bytes: [UInt8] = []

    init(capacity: Int) {
        bytes.reserveCapacity(capacity)
    }

    /// `<name a="v" ...>`; values are escaped, attributes are always double-quoted.
    mutating func startTag(_ element: AllowList.Element, attributes: [Attribute]) {
        bytes.append(UInt8(ascii: "<"))
        bytes.append(contentsOf: element.rawValue.utf8)
        for (name, value) in attributes {
            bytes.append(UInt8(ascii: " "))
            bytes.append(contentsOf: name.utf8)
            bytes.append(contentsOf: "=\"".utf8)
            HTMLEscape.append(Self.withoutControls(value), to: &bytes)
            bytes.append(UInt8(ascii: "\""))
        }
        bytes.append(UInt8(ascii: ">"))
    }

    mutating func endTag(_ element: AllowList.Element) {
        bytes.append(contentsOf: "</".utf8)
        bytes.append(contentsOf: element.rawValue.utf8)
        bytes.append(UInt8(ascii: ">"))
    }

    mutating func text(_ text: String) {
        HTMLEscape.append(Self.withoutControls(text), to: &bytes)
    }

    /// `text` without C0 controls other than tab, line feed and carriage return, and without DEL.
    /// They are parse errors in HTML, invisible, and libxml2 drops most of them from text anyway;
    /// removing them here keeps attribute values and text alike free of them.
    static func withoutControls(_ text: String) -> String {
        func isControl(_ byte: UInt8) -> Bool {
            (byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D) || byte == 0x7F
        }
        guard text.utf8.contains(where: isControl) else { return text }
        // Dropping ASCII bytes from valid UTF-8 leaves valid UTF-8.
        return String(decoding: text.utf8.filter { !isControl($0) }, as: UTF8.self)
    }
}
