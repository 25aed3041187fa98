/// A deterministic JSON encoding for values whose bytes are hashed (quotation snapshots):
/// - object keys sorted by their UTF-8 bytes; no whitespace anywhere;
/// - integers only (money is öre), no floating point: encoding a `Double`/`Float` throws;
/// - strings as UTF-8, escaping only `"`, `\` and control characters (`\n`, `\t`, …, else `\u00XX`);
/// - `nil` optionals are left out (`encodeIfPresent`), dates are `YYYY-MM-DD` strings.
///
/// The same value always gives the same bytes, on every platform and Swift version, because this
/// is our code rather than `JSONEncoder`'s. The output is valid JSON (PostgreSQL `::jsonb` reads it).
/// Note that Swift `String` equality ignores Unicode normalisation while the bytes do not: `é`
/// precomposed and decomposed compare equal but hash differently.
public enum CanonicalJSON {
    /// Encodes `value` canonically. Throws `EncodingError.invalidValue` for floating-point numbers
    /// and unsigned integers above `Int64.max`, and whatever `value`'s own `encode(to:)` throws.
    public static func encode(_ value: some Encodable) throws -> [UInt8] {
        let root = CanonicalNode()
        try value.encode(to: CanonicalEncoder(node: root, codingPath: []))
        var output: [UInt8] = []
        write(root.value, to: &output)
        return output
    }

    enum Value {
        case null
        case bool(Bool)
        case integer(Int64)
        case string(String)
        case array([CanonicalNode])
        case object([String: CanonicalNode])
    }

    static func write(_ value: Value, to output: inout [UInt8]) {
        switch value {
        case .null: output += Array("null".utf8)
        case .bool(let flag): output += Array((flag ? "true" : "false").utf8)
        case .integer(let number): output += Array(String(number).utf8)
        case .string(let text): writeString(text, to: &output)
        case .array(let elements):
            output.append(UInt8(ascii: "["))
            for (index, element) in elements.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                write(element.value, to: &output)
            }
            output.append(UInt8(ascii: "]"))
        case .object(let members):
            output.append(UInt8(ascii: "{"))
            let keys = members.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
            for (index, key) in keys.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                writeString(key, to: &output)
                output.append(UInt8(ascii: ":"))
                write(members[key]!.value, to: &output)
            }
            output.append(UInt8(ascii: "}"))
        }
    }

    static func writeString(_ text: String, to output: inout [UInt8]) {
        let hex = Array("0123456789abcdef".utf8)
        output.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): output += [UInt8(ascii: "\\"), UInt8(ascii: "\"")]
            case UInt8(ascii: "\\"): output += [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
            case 0x0A: output += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
            case 0x0D: output += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
            case 0x09: output += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
            case 0x08: output += [UInt8(ascii: "\\"), UInt8(ascii: "b")]
            case 0x0C: output += [UInt8(ascii: "\\"), UInt8(ascii: "f")]
            case 0x00..<0x20:
                output += Array("\\u00".utf8) + [hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
            default: output.append(byte)
            }
        }
        output.append(UInt8(ascii: "\""))
    }
}
