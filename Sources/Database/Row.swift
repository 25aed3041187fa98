/// One result row, copied out of libpq's memory when the query returned, so it is a plain Swift
/// value that may outlive the query and cross threads.
///
/// Decode by column name or index into any `PostgresDecodable` type:
/// ```swift
/// let name = try row.decode("name", as: String.self)
/// let archivedAt: Date? = try row.decode("archived_at")
/// ```
public struct Row: Sendable {
    let columns: Columns
    /// Text form of each value; `nil` is SQL NULL.
    let values: [String?]

    /// The column names of a result, shared by all its rows.
    final class Columns: Sendable {
        let names: [String]
        let indexByName: [String: Int]

        init(names: [String]) {
            self.names = names
            var index: [String: Int] = [:]
            for (position, name) in names.enumerated() where index[name] == nil {
                index[name] = position  // the first of duplicate names wins, as in libpq's PQfnumber
            }
            indexByName = index
        }
    }

    /// The result's column names, in order.
    public var columnNames: [String] { columns.names }

    /// The number of columns.
    public var count: Int { values.count }

    /// Decodes the column named `column`.
    ///
    /// - Throws: `DatabaseError` of kind `.decoding(column:)` when there is no such column, the value
    ///   is NULL and `T` is not optional, or its text does not parse as `T`. The error names the
    ///   column and type, never the value.
    public func decode<T: PostgresDecodable>(
        _ column: String,
        as type: T.Type = T.self,
        file: String = #fileID,
        line: Int = #line
    ) throws(DatabaseError) -> T {
        guard let index = columns.indexByName[column] else {
            throw DatabaseError(
                .decoding(column: column),
                message: "no column \"\(column)\" in the result (columns: \(columns.names.joined(separator: ", ")))",
                safeDetail: "no such column",
                file: file,
                line: line
            )
        }
        return try decodeValue(at: index, as: type, file: file, line: line)
    }

    /// Decodes the column at `index` (0-based).
    ///
    /// - Throws: `DatabaseError` of kind `.decoding(column:)` as `decode(_:as:)` by name, and when
    ///   `index` is out of range.
    public func decode<T: PostgresDecodable>(
        _ index: Int,
        as type: T.Type = T.self,
        file: String = #fileID,
        line: Int = #line
    ) throws(DatabaseError) -> T {
        guard values.indices.contains(index) else {
            throw DatabaseError(
                .decoding(column: "#\(index)"),
                message: "column index \(index) out of range (\(values.count) columns)",
                safeDetail: "no such column",
                file: file,
                line: line
            )
        }
        return try decodeValue(at: index, as: type, file: file, line: line)
    }

    /// True when the named column is SQL NULL (false when there is no such column).
    public func isNull(_ column: String) -> Bool {
        guard let index = columns.indexByName[column] else { return false }
        return values[index] == nil
    }

    private func decodeValue<T: PostgresDecodable>(
        at index: Int,
        as type: T.Type,
        file: String,
        line: Int
    ) throws(DatabaseError) -> T {
        let name = columns.names[index]
        guard let text = values[index] else {
            if let null = T.postgresNull { return null }
            throw DatabaseError(
                .decoding(column: name),
                message: "column \"\(name)\" is NULL but \(T.self) is not optional",
                safeDetail: "NULL for non-optional \(T.self)",
                file: file,
                line: line
            )
        }
        guard let value = T(postgresText: text) else {
            throw DatabaseError(
                .decoding(column: name),
                message: "column \"\(name)\" does not decode as \(T.self)",
                safeDetail: "value does not decode as \(T.self)",
                file: file,
                line: line
            )
        }
        return value
    }
}
