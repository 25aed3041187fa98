/// A SQL statement with its parameters, built by string interpolation:
///
/// ```swift
/// let q: Query = "SELECT id, name FROM customers WHERE email = \(email) AND archived_at IS NULL"
/// // sql: "SELECT id, name FROM customers WHERE email = $1 AND archived_at IS NULL", one parameter
/// ```
///
/// Every interpolated value becomes a `$n` placeholder and a bound parameter, so input never becomes
/// SQL text. Raw text goes in only through the loudly named `init(unsafeSQL:)` and `\(unsafeRaw:)`;
/// grep for `unsafe` to review every place that does it. SQL text lives in store code only.
///
/// Queries compose: `\(fragment: other)` and `+` splice another `Query` in and renumber its
/// placeholders, for optional filters built in store code.
public struct Query: ExpressibleByStringInterpolation, Sendable, CustomStringConvertible {
    /// SQL text between placeholders: `pieces.count == parameters.count + 1`.
    private var pieces: [String]
    /// The bound values, in placeholder order.
    private(set) var parameters: [Parameter]

    /// One bound value: declared type and text form (`nil` is NULL).
    struct Parameter: Sendable {
        var type: PostgresType
        var text: String?
    }

    /// Raw SQL, taken as it is. Only for text that is a constant in the program (migrations, DDL in
    /// tests); never pass anything that came from input.
    public init(unsafeSQL: String) {
        pieces = [unsafeSQL]
        parameters = []
    }

    /// A literal without interpolations is a compile-time constant, so it is safe as SQL.
    public init(stringLiteral value: String) {
        self.init(unsafeSQL: value)
    }

    public init(stringInterpolation: StringInterpolation) {
        self = stringInterpolation.query
    }

    /// The SQL text with `$1`, `$2`, … placeholders, as sent to the server.
    public var sql: String {
        var text = pieces[0]
        for index in parameters.indices {
            text += "$\(index + 1)"
            text += pieces[index + 1]
        }
        return text
    }

    /// How many parameters are bound.
    public var parameterCount: Int { parameters.count }

    /// The SQL text only; parameters are never part of a description (they may hold personal data).
    public var description: String { sql }

    /// `lhs` followed directly by `rhs` (add the space yourself), with `rhs`'s placeholders renumbered.
    public static func + (lhs: Query, rhs: Query) -> Query {
        var result = lhs
        result += rhs
        return result
    }

    public static func += (lhs: inout Query, rhs: Query) {
        lhs.pieces[lhs.pieces.count - 1] += rhs.pieces[0]
        lhs.pieces.append(contentsOf: rhs.pieces.dropFirst())
        lhs.parameters.append(contentsOf: rhs.parameters)
    }

    /// Builds a `Query` from a string literal with interpolations.
    public struct StringInterpolation: StringInterpolationProtocol {
        fileprivate var query = Query(unsafeSQL: "")

        public init(literalCapacity: Int, interpolationCount: Int) {}

        public mutating func appendLiteral(_ literal: String) {
            query.pieces[query.pieces.count - 1] += literal
        }

        /// Binds `value` as the next `$n` parameter (`nil` is NULL).
        public mutating func appendInterpolation<Value: PostgresEncodable>(_ value: Value) {
            query.parameters.append(Parameter(type: Value.postgresType, text: value.postgresText))
            query.pieces.append("")
        }

        /// Binds an optional as the next `$n` parameter: `nil` is NULL, declared with `Value`'s type.
        /// (A separate overload so the compiler does not warn about interpolating an optional.)
        public mutating func appendInterpolation<Value: PostgresEncodable>(_ value: Value?) {
            query.parameters.append(Parameter(type: Value.postgresType, text: value?.postgresText))
            query.pieces.append("")
        }

        /// Splices in another query, renumbering its placeholders.
        public mutating func appendInterpolation(fragment: Query) {
            query += fragment
        }

        /// Inserts raw SQL text. Only for constants chosen by the program (a sort column picked from
        /// an enum, say); never for anything that came from input.
        public mutating func appendInterpolation(unsafeRaw sql: String) {
            appendLiteral(sql)
        }
    }
}
