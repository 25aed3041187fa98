import CLibPQ
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// PostgreSQL's LISTEN/NOTIFY on this connection: what lets an idle worker wake the moment a job
/// is committed instead of at its next poll. A notification is only delivered after its
/// transaction commits, so a rolled-back change wakes nobody.
extension Connection {
    /// `LISTEN channel` for this session (again after a reconnect: the caller listens anew).
    public func listen(_ channel: String) throws(DatabaseError) {
        guard channel.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) else {
            throw DatabaseError(.other, message: "bad channel name", safeDetail: "LISTEN")
        }
        try execute(Query(unsafeSQL: "LISTEN \(channel)"))
    }

    /// Waits until a notification arrives or `milliseconds` pass, whichever is first; drains every
    /// notification that came. - Returns: whether one came (false on timeout or a broken connection,
    /// which the next query notices and reconnects).
    @discardableResult
    public func waitForNotification(milliseconds: Int) -> Bool {
        guard let handle, PQstatus(handle) == CONNECTION_OK else { return false }
        if drainNotifications(handle) { return true }
        let socket = PQsocket(handle)
        guard socket >= 0 else { return false }
        var descriptor = pollfd(fd: socket, events: Int16(POLLIN), revents: 0)
        let ready = poll(&descriptor, 1, Int32(max(0, milliseconds)))
        guard ready > 0 else { return false }
        return drainNotifications(handle)
    }

    private func drainNotifications(_ handle: OpaquePointer) -> Bool {
        guard PQconsumeInput(handle) == 1 else { return false }
        var any = false
        while let notification = PQnotifies(handle) {
            any = true
            PQfreemem(notification)
        }
        return any
    }
}
