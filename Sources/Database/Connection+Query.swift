import CLibPQ
import Logging

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A prepared statement is specific to its SQL text and declared parameter types.
struct PreparedStatementKey: Hashable {
    var sql: String
    var types: [UInt32]
}

extension Connection {
    /// Beyond this many prepared statements in one session, they are all deallocated and the cache
    /// starts over. Store code has a bounded set of SQL texts; this only guards against a bug that
    /// builds endless distinct texts.
    static let preparedStatementLimit = 500

    /// Runs `query` and returns its rows, copied out of libpq's memory.
    ///
    /// - Throws: `DatabaseError` — `.connectionUnavailable` when the server is gone (the connection is
    ///   then marked for reset), a constraint kind for a constraint violation, `.other` for anything else.
    public func query(_ query: Query, file: String = #fileID, line: Int = #line) throws(DatabaseError) -> [Row] {
        try runPrepared(query, file: file, line: line) { result, statement in rows(of: result, statement: statement) }
    }

    /// Runs `query` and returns the number of rows it inserted, updated, deleted or returned.
    ///
    /// - Throws: `DatabaseError`, as `query(_:)`.
    @discardableResult
    public func execute(_ query: Query, file: String = #fileID, line: Int = #line) throws(DatabaseError) -> Int {
        try runPrepared(query, file: file, line: line) { result, _ in
            guard let tuples = PQcmdTuples(result) else { return 0 }
            return Int(String(cString: tuples)) ?? 0
        }
    }

    /// Runs one or more `;`-separated statements with no parameters (`PQexec`). For migrations and
    /// fixed setup only: the text is sent as it is, so it must never contain input.
    ///
    /// Outside a transaction the statements run in one implicit transaction.
    ///
    /// - Throws: `DatabaseError` for the first statement that fails.
    public func executeScript(unsafeSQL sql: String, file: String = #fileID, line: Int = #line) throws(DatabaseError) {
        let handle = try usableHandle(file: file, line: line)
        roundTrips += 1
        let result = PQexec(handle, sql)
        defer { PQclear(result) }
        try check(result, handle: handle, file: file, line: line)
    }

    // MARK: - Running prepared statements

    private func runPrepared<Value>(
        _ query: Query,
        file: String,
        line: Int,
        _ read: (OpaquePointer, _ statement: String) -> Value
    ) throws(DatabaseError) -> Value {
        let handle = try usableHandle(file: file, line: line)
        let parameters = query.parameters
        try Self.refuseNULBytes(query, file: file, line: line)
        let key = PreparedStatementKey(sql: query.sql, types: parameters.map(\.type.oid))
        var retried = false
        while true {
            let name = try preparedStatement(for: key, handle: handle, file: file, line: line)
            let values = parameters.map { $0.text.map { strdup($0) } ?? nil }
            defer { for value in values { free(value) } }
            roundTrips += 1
            let result = values.map { $0.map { UnsafePointer($0) } }.withUnsafeBufferPointer { pointers in
                PQexecPrepared(handle, name, Int32(parameters.count), pointers.baseAddress, nil, nil, 0)
            }
            defer { PQclear(result) }
            do {
                try check(result, handle: handle, file: file, line: line)
            } catch {
                // After DDL changed a table's columns, a plan prepared for `SELECT *` cannot be reused.
                // Drop it; outside a transaction, prepare it again and retry once.
                guard error.sqlState == "0A000", error.message.contains("cached plan") else { throw error }
                forgetPreparedStatement(key, name: name, handle: handle)
                guard !retried, transactionDepth == 0 else { throw error }
                retried = true
                continue
            }
            guard let result else { preconditionFailure("check(_:) lets no NULL result through") }
            return read(result, name)
        }
    }

    /// libpq takes C strings: a NUL byte would silently cut a value short, so it is refused.
    private static func refuseNULBytes(_ query: Query, file: String, line: Int) throws(DatabaseError) {
        for (index, parameter) in query.parameters.enumerated() where parameter.text?.utf8.contains(0) == true {
            throw DatabaseError(
                .other,
                message: "parameter $\(index + 1) contains a NUL byte",
                safeDetail: "parameter $\(index + 1) contains a NUL byte",
                file: file,
                line: line
            )
        }
    }

    // MARK: - Several statements in one round trip

    /// Runs independent queries in one round trip (libpq's pipeline mode) and returns each one's
    /// rows, in order. For reads that do not depend on each other's results, such as the parts of
    /// one page. They run in order; outside a transaction they form one implicit transaction up to
    /// the pipeline's end (as PostgreSQL runs a pipeline), each statement with its own snapshot.
    ///
    /// Statements are prepared on their first use (a round trip each, once per connection).
    ///
    /// - Throws: `DatabaseError`, as `query(_:)`, for the first query that failed; the later ones
    ///   did not run.
    public func pipeline(
        _ queries: [Query], file: String = #fileID, line: Int = #line
    ) throws(DatabaseError)
        -> [[Row]]
    {
        guard queries.count > 1 else { return try queries.map { q throws(DatabaseError) in try query(q) } }
        let handle = try usableHandle(file: file, line: line)
        // Preparing one of these must not deallocate the others' statements (at the limit, all go).
        if preparedStatements.count + queries.count > Self.preparedStatementLimit {
            try deallocateAll(handle: handle, file: file, line: line)
        }
        var retried = false
        while true {
            var names: [String] = []
            var keys: [PreparedStatementKey] = []
            for query in queries {
                try Self.refuseNULBytes(query, file: file, line: line)
                let key = PreparedStatementKey(sql: query.sql, types: query.parameters.map(\.type.oid))
                names.append(try preparedStatement(for: key, handle: handle, file: file, line: line))
                keys.append(key)
            }
            do {
                return try runPipeline(queries, names: names, handle: handle, file: file, line: line)
            } catch {
                // As in `runPrepared`: a plan made stale by DDL is prepared again, once.
                guard error.sqlState == "0A000", error.message.contains("cached plan") else { throw error }
                for (key, name) in zip(keys, names) { forgetPreparedStatement(key, name: name, handle: handle) }
                guard !retried, transactionDepth == 0 else { throw error }
                retried = true
            }
        }
    }

    private func runPipeline(
        _ queries: [Query], names: [String], handle: OpaquePointer, file: String, line: Int
    ) throws(DatabaseError) -> [[Row]] {
        guard PQenterPipelineMode(handle) == 1 else {
            throw DatabaseError(.other, message: Self.errorMessage(of: handle), file: file, line: line)
        }
        var sent = 0
        var failure: DatabaseError?
        for (query, name) in zip(queries, names) {
            let parameters = query.parameters
            let values = parameters.map { $0.text.map { strdup($0) } ?? nil }
            defer { for value in values { free(value) } }
            let queued = values.map { $0.map { UnsafePointer($0) } }.withUnsafeBufferPointer { pointers in
                PQsendQueryPrepared(handle, name, Int32(parameters.count), pointers.baseAddress, nil, nil, 0)
            }
            guard queued == 1 else {
                failure = DatabaseError(
                    PQstatus(handle) == CONNECTION_OK ? .other : .connectionUnavailable,
                    message: Self.errorMessage(of: handle), file: file, line: line)
                break
            }
            sent += 1
        }
        // The sync point ends the pipeline and sends it (the connection is in blocking mode).
        roundTrips += 1
        if PQpipelineSync(handle) != 1, failure == nil {
            failure = DatabaseError(
                .connectionUnavailable, message: Self.errorMessage(of: handle), file: file, line: line)
        }
        var results: [[Row]] = []
        results.reserveCapacity(sent)
        for index in 0..<sent {
            // Each query's result, then a NULL that ends it.
            let result = PQgetResult(handle)
            if failure == nil {
                if let result, PQresultStatus(result) == PGRES_PIPELINE_ABORTED {
                    failure = DatabaseError(.other, message: "pipeline aborted", file: file, line: line)
                } else {
                    do {
                        try check(result, handle: handle, file: file, line: line)
                        if let result { results.append(rows(of: result, statement: names[index])) }
                    } catch {
                        failure = error
                    }
                }
            }
            PQclear(result)
            while let extra = PQgetResult(handle) { PQclear(extra) }
        }
        // The sync's own result, then out of pipeline mode (which needs every result read).
        while let result = PQgetResult(handle) {
            let status = PQresultStatus(result)
            PQclear(result)
            if status == PGRES_PIPELINE_SYNC { break }
        }
        if PQexitPipelineMode(handle) != 1 {
            markBrokenAfterPipeline()
        }
        if let failure { throw failure }
        return results
    }

    /// The name of `key`'s prepared statement in this session, preparing it first if needed.
    private func preparedStatement(
        for key: PreparedStatementKey,
        handle: OpaquePointer,
        file: String,
        line: Int
    ) throws(DatabaseError) -> String {
        if let name = preparedStatements[key] { return name }
        if preparedStatements.count >= Self.preparedStatementLimit {
            try deallocateAll(handle: handle, file: file, line: line)
        }
        preparedStatementCounter += 1
        let name = "eg_\(preparedStatementCounter)"
        roundTrips += 1
        let result = key.types.withUnsafeBufferPointer { types in
            PQprepare(handle, name, key.sql, Int32(key.types.count), types.baseAddress)
        }
        defer { PQclear(result) }
        try check(result, handle: handle, file: file, line: line)
        preparedStatements[key] = name
        return name
    }

    private func deallocateAll(handle: OpaquePointer, file: String, line: Int) throws(DatabaseError) {
        logger.warning("too many distinct SQL texts; deallocating all prepared statements")
        roundTrips += 1
        let result = PQexec(handle, "DEALLOCATE ALL")
        defer { PQclear(result) }
        try check(result, handle: handle, file: file, line: line)
        preparedStatements.removeAll()
        resultColumns.removeAll()
    }

    private func forgetPreparedStatement(_ key: PreparedStatementKey, name: String, handle: OpaquePointer) {
        preparedStatements[key] = nil
        resultColumns[name] = nil
        if transactionDepth == 0 {
            roundTrips += 1
            PQclear(PQexec(handle, "DEALLOCATE \(name)"))  // name is ours ("eg_<n>"), not input
        }
    }

    // MARK: - Connection state and errors

    /// The `PGconn *` if the session is usable. Outside a transaction, a session marked broken is
    /// reset first; inside one it is not (the transaction is lost either way, and must fail).
    func usableHandle(file: String, line: Int) throws(DatabaseError) -> OpaquePointer {
        guard let handle else {
            throw DatabaseError(
                .connectionUnavailable,
                message: "the connection has been closed",
                file: file,
                line: line
            )
        }
        if needsReset || PQstatus(handle) != CONNECTION_OK {
            needsReset = true
            guard transactionDepth == 0, reset() else {
                throw DatabaseError(
                    .connectionUnavailable,
                    message: "no connection to PostgreSQL: \(Self.errorMessage(of: handle))",
                    file: file,
                    line: line
                )
            }
        }
        return handle
    }

    /// Throws unless `result` is a success. Marks the connection for reset when it is broken.
    func check(_ result: OpaquePointer?, handle: OpaquePointer, file: String, line: Int) throws(DatabaseError) {
        guard let result else {
            // NULL: out of memory, or libpq could not send the command at all.
            let connectionLost = PQstatus(handle) != CONNECTION_OK
            if connectionLost { markBroken() }
            throw DatabaseError(
                connectionLost ? .connectionUnavailable : .other,
                message: Self.errorMessage(of: handle),
                file: file,
                line: line
            )
        }
        switch PQresultStatus(result) {
        case PGRES_COMMAND_OK, PGRES_TUPLES_OK, PGRES_EMPTY_QUERY:
            return
        default:
            throw error(from: result, handle: handle, file: file, line: line)
        }
    }

    private func error(from result: OpaquePointer, handle: OpaquePointer, file: String, line: Int) -> DatabaseError {
        func field(_ code: Unicode.Scalar) -> String? {
            guard let value = PQresultErrorField(result, Int32(UInt8(ascii: code))) else { return nil }
            return String(cString: value)
        }
        let sqlState = field("C")  // PG_DIAG_SQLSTATE
        var kind = DatabaseError.Kind.from(sqlState: sqlState, constraint: field("n"), column: field("c"))
        if PQstatus(handle) != CONNECTION_OK { kind = .connectionUnavailable }
        var message: String
        if let primary = field("M") {  // PG_DIAG_MESSAGE_PRIMARY
            message = primary
            if let detail = field("D") { message += " — \(detail)" }  // PG_DIAG_MESSAGE_DETAIL
        } else if let text = PQresultErrorMessage(result), text.pointee != 0 {
            message = String(cString: text).trimmingTrailingNewlines()
        } else {
            message = "\(String(cString: PQresStatus(PQresultStatus(result)))) without a message"
        }
        if kind == .connectionUnavailable { markBroken() }
        return DatabaseError(kind, sqlState: sqlState, message: message, file: file, line: line)
    }

    /// A pipeline that could not be left cleanly leaves the session in an unknown state.
    private func markBrokenAfterPipeline() {
        logger.warning("could not leave pipeline mode; will reconnect on next use")
        needsReset = true
    }

    private func markBroken() {
        if !needsReset {
            logger.warning("lost the connection to PostgreSQL; will reconnect on next use")
        }
        needsReset = true
    }

    // MARK: - Results

    /// Copies every value out of `result` (libpq frees it right after). A prepared statement's
    /// columns never change, so their names and index are made once per statement and shared.
    private func rows(of result: OpaquePointer, statement: String) -> [Row] {
        let rowCount = Int(PQntuples(result))
        let columnCount = Int(PQnfields(result))
        guard rowCount > 0 else { return [] }
        let columns: Row.Columns
        if let known = resultColumns[statement], known.names.count == columnCount {
            columns = known
        } else {
            columns = Row.Columns(
                names: (0..<columnCount).map { column in
                    PQfname(result, Int32(column)).map { String(cString: $0) } ?? "?column?"
                }
            )
            resultColumns[statement] = columns
        }
        var rows: [Row] = []
        rows.reserveCapacity(rowCount)
        for row in 0..<Int32(rowCount) {
            var values: [String?] = []
            values.reserveCapacity(columnCount)
            for column in 0..<Int32(columnCount) {
                if PQgetisnull(result, row, column) != 0 {
                    values.append(nil)
                } else {
                    let bytes = UnsafeRawBufferPointer(
                        start: PQgetvalue(result, row, column),
                        count: Int(PQgetlength(result, row, column))
                    )
                    values.append(String(decoding: bytes, as: UTF8.self))
                }
            }
            rows.append(Row(columns: columns, values: values))
        }
        return rows
    }
}
