/// Percent-decoding shared by paths, query strings and urlencoded forms.
enum PercentDecoding {
    enum Failure: Error { case invalidEscape, invalidUTF8 }

    /// Decodes `%XX` escapes (and `+` as space when `plusIsSpace`) and checks that the result is UTF-8.
    static func decode(_ input: Substring.UTF8View, plusIsSpace: Bool) throws(Failure) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(input.count)
        var index = input.startIndex
        while index != input.endIndex {
            let byte = input[index]
            if byte == UInt8(ascii: "%") {
                let first = input.index(after: index)
                guard first != input.endIndex else { throw .invalidEscape }
                let second = input.index(after: first)
                guard second != input.endIndex, let high = hexValue(input[first]), let low = hexValue(input[second])
                else {
                    throw .invalidEscape
                }
                bytes.append(high << 4 | low)
                index = input.index(after: second)
                continue
            }
            bytes.append(plusIsSpace && byte == UInt8(ascii: "+") ? UInt8(ascii: " ") : byte)
            index = input.index(after: index)
        }
        guard let string = String(validating: bytes, as: UTF8.self) else { throw .invalidUTF8 }
        return string
    }

    static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
