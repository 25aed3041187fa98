import CLibPQ
import Logging

extension Connection {
    /// Transaction isolation, for `transaction(isolation:_:)`.
    public enum IsolationLevel: String, Sendable {
        case readCommitted = "READ COMMITTED"
        case repeatableRead = "REPEATABLE READ"
        case serializable = "SERIALIZABLE"
    }

    /// Runs `body` in a transaction: `BEGIN`, then `COMMIT` when `body` returns, or `ROLLBACK` when it
    /// throws (the error is rethrown unchanged).
    ///
    /// Nested calls use savepoints: an inner transaction that throws rolls back only its own work,
    /// and the outer one may catch the error and carry on.
    ///
    /// If `body` swallows a database error, the transaction is still aborted on the server; the
    /// commit then fails with an error instead of pretending the work was saved.
    ///
    /// A lost connection inside the transaction fails it with `.connectionUnavailable`; it is never
    /// silently reconnected halfway (the work so far is gone, so the whole transaction must be rerun;
    /// `DatabaseError.isTransient` says when that is worth trying).
    ///
    /// - Parameter isolation: only for the outermost transaction; the server default (read committed) when nil.
    /// - Throws: whatever `body` throws, or a `DatabaseError` from `BEGIN` / `COMMIT`.
    @discardableResult
    public func transaction<T>(
        isolation: IsolationLevel? = nil,
        file: String = #fileID,
        line: Int = #line,
        _ body: (Connection) throws -> T
    ) throws -> T {
        let depth = transactionDepth
        let savepoint = "eg_savepoint_\(depth)"
        if depth == 0 {
            try command(isolation.map { "BEGIN ISOLATION LEVEL \($0.rawValue)" } ?? "BEGIN", file: file, line: line)
        } else {
            guard isolation == nil else {
                throw DatabaseError(
                    .other,
                    message: "an isolation level can only be set on the outermost transaction",
                    safeDetail: "isolation level on a nested transaction",
                    file: file,
                    line: line
                )
            }
            try command("SAVEPOINT \(savepoint)", file: file, line: line)
        }
        transactionDepth = depth + 1

        let value: T
        do {
            value = try body(self)
        } catch {
            transactionDepth = depth
            rollBack(depth: depth, savepoint: savepoint, after: error)
            throw error
        }

        transactionDepth = depth
        if depth == 0 {
            let status = try command("COMMIT", file: file, line: line)
            if status == "ROLLBACK" {
                throw DatabaseError(
                    .other,
                    message: "the transaction was aborted by an earlier error that was caught; it has been rolled back",
                    safeDetail: "transaction aborted by an earlier error; rolled back",
                    file: file,
                    line: line
                )
            }
        } else {
            do {
                try command("RELEASE SAVEPOINT \(savepoint)", file: file, line: line)
            } catch {
                rollBack(depth: depth, savepoint: savepoint, after: error)
                throw error
            }
        }
        return value
    }

    /// Undoes the current level after `error`. If that fails too, the session is in an unknown
    /// transaction state, so it is marked for reset rather than reused.
    private func rollBack(depth: Int, savepoint: String, after error: any Error) {
        if let error = error as? DatabaseError, error.kind == .connectionUnavailable {
            needsReset = true
            return
        }
        do {
            if depth == 0 {
                try command("ROLLBACK", file: #fileID, line: #line)
            } else {
                try command("ROLLBACK TO SAVEPOINT \(savepoint)", file: #fileID, line: #line)
                try command("RELEASE SAVEPOINT \(savepoint)", file: #fileID, line: #line)
            }
        } catch {
            logger.warning("rollback failed; the connection will be reset", metadata: ["error": "\(error.message)"])
            needsReset = true
        }
    }

    /// Runs a transaction-control statement (fixed text) and returns its command tag (`PQcmdStatus`).
    @discardableResult
    private func command(_ sql: String, file: String, line: Int) throws(DatabaseError) -> String {
        let handle = try usableHandle(file: file, line: line)
        roundTrips += 1
        let result = PQexec(handle, sql)
        defer { PQclear(result) }
        try check(result, handle: handle, file: file, line: line)
        return PQcmdStatus(result).map { String(cString: $0) } ?? ""
    }
}
