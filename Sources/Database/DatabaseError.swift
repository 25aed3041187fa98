/// A failure talking to PostgreSQL, or turning what it sent back into Swift values.
///
/// Shaped like swift-nio's `IOError` and postgres-nio's `PSQLError`: a closed `Kind` that callers
/// switch over (a unique violation becomes "this e-mail is already in use" next to the field),
/// the SQLSTATE as PostgreSQL sent it, a `message` for logs, and the call site.
///
/// `description` is safe to show and to log anywhere: it names the kind, the constraint or column
/// (schema identifiers) and the SQLSTATE, never a data value. `message` is PostgreSQL's own text
/// (primary message and detail) and may contain values from rows — such as
/// `Key (email)=(anna@example.se) already exists` — so it belongs in logs only, never on a page.
public struct DatabaseError: Error, CustomStringConvertible, Sendable {
    /// What went wrong, as far as a caller needs to decide what to do next.
    public enum Kind: Sendable, Hashable {
        /// No usable connection: PostgreSQL is down or restarting, the network dropped, or the
        /// connection was closed. The `Connection` has been marked for reset; the next request
        /// (or `ensureConnected()`) reconnects once PostgreSQL is back.
        case connectionUnavailable
        /// SQLSTATE 23505. `constraint` is the unique constraint or index name (e.g. `users_email_key`).
        case uniqueViolation(constraint: String?)
        /// SQLSTATE 23503.
        case foreignKeyViolation(constraint: String?)
        /// SQLSTATE 23514.
        case checkViolation(constraint: String?)
        /// SQLSTATE 23502. `column` is the column that was NULL.
        case notNullViolation(column: String?)
        /// SQLSTATE 40001: a serializable transaction lost; running the whole transaction again may succeed.
        case serializationFailure
        /// SQLSTATE 40P01: running the whole transaction again may succeed.
        case deadlock
        /// A value could not be decoded into the requested Swift type (NULL into a non-optional,
        /// text that does not parse, or a column that is not in the result).
        case decoding(column: String)
        /// Anything else: syntax errors, type errors, permission errors, bad input values, …
        case other
    }

    /// What went wrong.
    public var kind: Kind
    /// The five-character SQLSTATE PostgreSQL reported, if any (none for connection-level and decoding failures).
    public var sqlState: String?
    /// Text for logs: PostgreSQL's message and detail, or libpq's. May contain data values; never show it to a user.
    public var message: String
    /// A short explanation that holds no data values (used in `description`), e.g. "NULL for non-optional Int".
    public var safeDetail: String?
    /// The source file (`#fileID`) of the call that failed.
    public var file: String
    /// The source line of the call that failed.
    public var line: Int

    /// Makes an error. `message` goes to logs only; `safeDetail` must not contain data values.
    public init(
        _ kind: Kind,
        sqlState: String? = nil,
        message: String,
        safeDetail: String? = nil,
        file: String = #fileID,
        line: Int = #line
    ) {
        self.kind = kind
        self.sqlState = sqlState
        self.message = message
        self.safeDetail = safeDetail
        self.file = file
        self.line = line
    }

    /// A text over one of the database's own length limits (`<table>_<column>_length`, migration
    /// 0008): a form let through what it should have refused.
    public var isLengthLimit: Bool {
        if case .checkViolation(let constraint?) = kind { return constraint.hasSuffix("_length") }
        return false
    }

    /// True for failures where running the whole transaction again is the right response.
    public var isTransient: Bool {
        switch kind {
        case .serializationFailure, .deadlock, .connectionUnavailable: true
        default: false
        }
    }

    /// Safe to show and log: kind, constraint or column name, SQLSTATE and call site; no data values.
    public var description: String {
        var text = "database error: "
        switch kind {
        case .connectionUnavailable: text += "connection unavailable"
        case .uniqueViolation(let constraint): text += "unique violation" + Self.named("constraint", constraint)
        case .foreignKeyViolation(let constraint):
            text += "foreign key violation" + Self.named("constraint", constraint)
        case .checkViolation(let constraint): text += "check violation" + Self.named("constraint", constraint)
        case .notNullViolation(let column): text += "not-null violation" + Self.named("column", column)
        case .serializationFailure: text += "serialization failure"
        case .deadlock: text += "deadlock detected"
        case .decoding(let column): text += "cannot decode" + Self.named("column", column)
        case .other: text += "statement failed"
        }
        if let safeDetail { text += ": \(safeDetail)" }
        if let sqlState { text += " [SQLSTATE \(sqlState)]" }
        text += " at \(file):\(line)"
        return text
    }

    private static func named(_ what: String, _ name: String?) -> String {
        guard let name else { return "" }
        return " (\(what) \(name))"
    }
}

extension DatabaseError.Kind {
    /// The kind for a SQLSTATE. Class 08 (connection exception) and the shutdown / start-up / too-many-
    /// connections states (57P01–57P03, 53300) count as `.connectionUnavailable`.
    static func from(
        sqlState: String?,
        constraint: String?,
        column: String?
    ) -> DatabaseError.Kind {
        guard let sqlState else { return .other }
        switch sqlState {
        case "23505": return .uniqueViolation(constraint: constraint)
        case "23503": return .foreignKeyViolation(constraint: constraint)
        case "23514": return .checkViolation(constraint: constraint)
        case "23502": return .notNullViolation(column: column)
        case "40001": return .serializationFailure
        case "40P01": return .deadlock
        case "57P01", "57P02", "57P03", "53300": return .connectionUnavailable
        default: return sqlState.hasPrefix("08") ? .connectionUnavailable : .other
        }
    }
}
