// The `Encoder` behind `CanonicalJSON.encode`: builds a tree of nodes that `CanonicalJSON.write`
// serialises. Reference-typed nodes let nested containers fill their parent after they are handed out.

final class CanonicalNode {
    var value: CanonicalJSON.Value = .null
}

struct CanonicalEncoder: Encoder {
    let node: CanonicalNode
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if case .object = node.value {} else { node.value = .object([:]) }
        return KeyedEncodingContainer(CanonicalKeyedContainer<Key>(node: node, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        if case .array = node.value {} else { node.value = .array([]) }
        return CanonicalUnkeyedContainer(node: node, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        CanonicalSingleValueContainer(node: node, codingPath: codingPath)
    }
}

/// Turns a scalar into a canonical value, refusing what has no canonical form.
enum CanonicalScalar {
    static func integer(_ value: some BinaryInteger, _ codingPath: [any CodingKey]) throws -> CanonicalJSON.Value {
        guard let exact = Int64(exactly: value) else {
            throw EncodingError.invalidValue(
                value, .init(codingPath: codingPath, debugDescription: "Integer does not fit in Int64."))
        }
        return .integer(exact)
    }

    static func refuseFloatingPoint(_ value: some BinaryFloatingPoint, _ codingPath: [any CodingKey]) -> EncodingError {
        EncodingError.invalidValue(
            value, .init(codingPath: codingPath, debugDescription: "Canonical JSON has no floating-point numbers."))
    }

    static func encode(
        _ value: some Encodable, into node: CanonicalNode, codingPath: [any CodingKey]
    ) throws {
        switch value {
        case let text as String: node.value = .string(text)
        case let flag as Bool: node.value = .bool(flag)
        case let number as Int: node.value = try integer(number, codingPath)
        case let number as Int64: node.value = try integer(number, codingPath)
        case let number as Int32: node.value = try integer(number, codingPath)
        case let number as Int16: node.value = try integer(number, codingPath)
        case let number as Int8: node.value = try integer(number, codingPath)
        case let number as UInt: node.value = try integer(number, codingPath)
        case let number as UInt64: node.value = try integer(number, codingPath)
        case let number as UInt32: node.value = try integer(number, codingPath)
        case let number as UInt16: node.value = try integer(number, codingPath)
        case let number as UInt8: node.value = try integer(number, codingPath)
        case let number as Double: throw refuseFloatingPoint(number, codingPath)
        case let number as Float: throw refuseFloatingPoint(number, codingPath)
        default: try value.encode(to: CanonicalEncoder(node: node, codingPath: codingPath))
        }
    }
}

struct CanonicalKeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let node: CanonicalNode
    let codingPath: [any CodingKey]

    private func child(for key: Key) -> CanonicalNode {
        let child = CanonicalNode()
        if case .object(var members) = node.value {
            members[key.stringValue] = child
            node.value = .object(members)
        }
        return child
    }

    mutating func encodeNil(forKey key: Key) throws { child(for: key).value = .null }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        try CanonicalScalar.encode(value, into: child(for: key), codingPath: codingPath + [key])
    }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy keyType: NestedKey.Type, forKey key: Key
    ) -> KeyedEncodingContainer<NestedKey> {
        CanonicalEncoder(node: child(for: key), codingPath: codingPath + [key]).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        CanonicalEncoder(node: child(for: key), codingPath: codingPath + [key]).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder {
        CanonicalEncoder(node: child(for: Key(stringValue: "super")!), codingPath: codingPath)
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        CanonicalEncoder(node: child(for: key), codingPath: codingPath + [key])
    }
}

struct CanonicalUnkeyedContainer: UnkeyedEncodingContainer {
    let node: CanonicalNode
    let codingPath: [any CodingKey]

    var count: Int {
        if case .array(let elements) = node.value { return elements.count }
        return 0
    }

    private func appendChild() -> CanonicalNode {
        let child = CanonicalNode()
        if case .array(var elements) = node.value {
            elements.append(child)
            node.value = .array(elements)
        }
        return child
    }

    private var indexKey: IndexKey { IndexKey(intValue: count) }

    mutating func encodeNil() throws { appendChild().value = .null }

    mutating func encode<T: Encodable>(_ value: T) throws {
        let path = codingPath + [indexKey]
        try CanonicalScalar.encode(value, into: appendChild(), codingPath: path)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy keyType: NestedKey.Type
    ) -> KeyedEncodingContainer<NestedKey> {
        let path = codingPath + [indexKey]
        return CanonicalEncoder(node: appendChild(), codingPath: path).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let path = codingPath + [indexKey]
        return CanonicalEncoder(node: appendChild(), codingPath: path).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder {
        let path = codingPath + [indexKey]
        return CanonicalEncoder(node: appendChild(), codingPath: path)
    }

    struct IndexKey: CodingKey {
        let intValue: Int?
        var stringValue: String { "\(intValue ?? 0)" }
        init(intValue: Int) { self.intValue = intValue }
        init?(stringValue: String) { nil }
    }
}

struct CanonicalSingleValueContainer: SingleValueEncodingContainer {
    let node: CanonicalNode
    let codingPath: [any CodingKey]

    mutating func encodeNil() throws { node.value = .null }

    mutating func encode<T: Encodable>(_ value: T) throws {
        try CanonicalScalar.encode(value, into: node, codingPath: codingPath)
    }
}
