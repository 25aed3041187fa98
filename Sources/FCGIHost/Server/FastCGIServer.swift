import CFastCGI
import Foundation
public import HTTP
public import Logging
import Synchronization

/// Errors that stop the server from starting.
public struct ServerError: Error, CustomStringConvertible {
    public let description: String
}

/// The accept loop: N OS threads, each looping `FCGX_Accept_r` with its own `FCGX_Request`
/// and its own `RequestResponder` (libfcgi's `examples/threaded.c`; libpq wants one connection
/// per thread). Blocking C is never called from async code.
///
/// Shutdown: SIGTERM and SIGINT are blocked in every thread and taken by `sigwait` on the
/// thread that called `run`; it then sets libfcgi's shutdown flag and shuts the listening
/// socket down, which makes every blocked `accept` fail with EINVAL so the threads leave
/// their loop. A thread in the middle of a request finishes and writes it first. `run`
/// returns when all threads are done or the timeout has passed.
public final class FastCGIServer: Sendable {
    public let configuration: ServerConfiguration
    let logger: Logger
    /// Set once a stop signal arrived; an accept failure before that is retried, not fatal.
    private let stopping = Atomic<Bool>(false)
    /// Refused connections not yet logged, and when (uptime seconds) the last warning was.
    private let refusedSinceLog = Atomic<Int>(0)
    private let lastRefusalLog = Atomic<Int64>(0)

    public init(configuration: ServerConfiguration, logger: Logger) {
        self.configuration = configuration
        self.logger = logger
    }

    /// Opens the socket, starts the threads and blocks until SIGTERM/SIGINT and the drain.
    /// - Returns: `true` when every in-flight request finished within the timeout.
    public func run(
        makeResponder: @escaping @Sendable (_ threadIndex: Int) -> any RequestResponder
    ) throws(ServerError) -> Bool {
        // Block the stop signals before any thread exists, so all threads inherit the mask and
        // only `sigwait` below sees them. A vanished nginx must not kill us with SIGPIPE.
        var stopSignals = sigset_t()
        sigemptyset(&stopSignals)
        sigaddset(&stopSignals, SIGTERM)
        sigaddset(&stopSignals, SIGINT)
        pthread_sigmask(SIG_BLOCK, &stopSignals, nil)
        signal(SIGPIPE, SIG_IGN)

        guard FCGX_Init() == 0 else { throw ServerError(description: "libfcgi failed to initialise") }
        let fd = try openSocket()
        logger.info(
            "listening", metadata: ["address": "\(configuration.listen)", "threads": "\(configuration.threads)"])

        let group = DispatchGroup()
        for index in 0..<configuration.threads {
            group.enter()
            let thread = Thread { [self] in
                self.workerLoop(index: index, socket: fd, makeResponder: makeResponder)
                group.leave()
            }
            thread.name = "fcgi-\(index)"
            thread.stackSize = 1 << 20
            thread.start()
        }

        var received: Int32 = 0
        sigwait(&stopSignals, &received)
        logger.info("stopping", metadata: ["signal": "\(received == SIGTERM ? "SIGTERM" : "SIGINT")"])
        stopping.store(true, ordering: .sequentiallyConsistent)
        FCGX_ShutdownPending()
        shutdown(fd, Int32(SHUT_RDWR))
        let drained = group.wait(timeout: .now() + configuration.shutdownTimeoutSeconds) == .success
        close(fd)
        if case .unix(let path) = configuration.listen { unlink(path) }
        if drained {
            logger.info("stopped")
        } else {
            logger.warning(
                "stopped with requests still running",
                metadata: ["timeout_s": "\(configuration.shutdownTimeoutSeconds)"])
        }
        return drained
    }

    private func openSocket() throws(ServerError) -> Int32 {
        let address = configuration.listen
        if case .unix(let path) = address {
            // libfcgi binds a fresh socket; a stale one from a crashed run would make bind fail.
            var info = stat()
            if lstat(path, &info) == 0 {
                guard (info.st_mode & S_IFMT) == S_IFSOCK else {
                    throw ServerError(description: "\(path) exists and is not a socket")
                }
                unlink(path)
            }
        }
        let fd = FCGX_OpenSocket(address.libfcgiPath, configuration.backlog)
        guard fd >= 0 else {
            throw ServerError(description: "cannot listen on \(address): \(String(cString: strerror(errno)))")
        }
        if case .unix(let path) = address, chmod(path, mode_t(configuration.socketMode)) != 0 {
            throw ServerError(description: "cannot set permissions of \(path): \(String(cString: strerror(errno)))")
        }
        return fd
    }

    /// One thread's loop. It accepts connections itself, so that a connection is checked before
    /// libfcgi reads a byte: the peer against `allowedPeers`, and a read deadline set on the socket
    /// (libfcgi has none, so an idle connection or a declared-but-unsent body would pin the thread
    /// for ever). libfcgi is then handed the open connection (`ipcFd`) and its listening socket is
    /// -1, so it can never accept one unchecked.
    private func workerLoop(index: Int, socket: Int32, makeResponder: @Sendable (Int) -> any RequestResponder) {
        let responder = makeResponder(index)
        defer { responder.close() }
        let request = UnsafeMutablePointer<FCGX_Request>.allocate(capacity: 1)
        defer { request.deallocate() }
        guard FCGX_InitRequest(request, -1, 0) == 0 else {
            logger.error("FCGX_InitRequest failed", metadata: ["thread": "\(index)"])
            return
        }
        while true {
            if request.pointee.ipcFd < 0 {
                guard let connection = acceptConnection(socket, thread: index) else {
                    if stopping.load(ordering: .sequentiallyConsistent) { break }
                    continue
                }
                request.pointee.ipcFd = connection
                // FCGX_Accept_r first "finishes the current request", which closes the connection
                // unless it is to be kept; nothing has been read on this one yet.
                request.pointee.keepConnection = 1
            }
            if FCGX_Accept_r(request) >= 0 {
                serve(request, responder: responder)
                continue
            }
            // The connection ended before a whole request arrived (the deadline passed, the peer
            // hung up or sent garbage): libfcgi has closed it. Back to accepting.
            if stopping.load(ordering: .sequentiallyConsistent) { break }
        }
        FCGX_Free(request, 1)
    }

    /// The next connection the allow-list admits, with its read and write deadlines set; nil
    /// when accepting failed (the loop tries again, or stops when stopping).
    private func acceptConnection(_ listener: Int32, thread: Int) -> Int32? {
        var peer = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        let fd = withUnsafeMutablePointer(to: &peer) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { accept(listener, $0, &length) }
        }
        guard fd >= 0 else {
            let error = errno
            if stopping.load(ordering: .sequentiallyConsistent) || error == EINTR || error == ECONNABORTED {
                return nil
            }
            // Out of file descriptors and the like: keep the thread, try again shortly.
            logger.warning("accept failed", metadata: ["thread": "\(thread)", "errno": "\(error)"])
            usleep(50_000)
            return nil
        }
        _ = fcntl(fd, F_SETFD, FD_CLOEXEC)  // the worker never spawns, but nothing should inherit a peer
        let family = Int32(peer.ss_family)
        if let allowed = configuration.allowedPeers, family != AF_UNIX {
            let address = Self.address(of: peer)
            guard let address, allowed.admits(address) else {
                close(fd)
                noteRefused(address)
                return nil
            }
        }
        var deadline = timeval(
            tv_sec: Int(configuration.readTimeoutSeconds),
            tv_usec: Int((configuration.readTimeoutSeconds.truncatingRemainder(dividingBy: 1)) * 1_000_000))
        let size = socklen_t(MemoryLayout<timeval>.size)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &deadline, size)
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &deadline, size)
        if family == AF_INET || family == AF_INET6 {
            var on: Int32 = 1
            setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &on, socklen_t(MemoryLayout<Int32>.size))
        }
        return fd
    }

    /// The peer's IPv4 (4 bytes) or IPv6 (16 bytes) address.
    private static func address(of peer: sockaddr_storage) -> [UInt8]? {
        let family = Int32(peer.ss_family)
        return withUnsafeBytes(of: peer) { raw -> [UInt8]? in
            switch family {
            case AF_INET:
                let v4 = raw.load(as: sockaddr_in.self)
                return withUnsafeBytes(of: v4.sin_addr) { Array($0) }
            case AF_INET6:
                let v6 = raw.load(as: sockaddr_in6.self)
                return withUnsafeBytes(of: v6.sin6_addr) { Array($0) }
            default:
                return nil
            }
        }
    }

    /// Logs refused connections at most every ten seconds, with how many there were, so a
    /// flood of them cannot flood the log.
    private func noteRefused(_ address: [UInt8]?) {
        let count = refusedSinceLog.add(1, ordering: .relaxed).newValue
        let now = Int64(DispatchTime.now().uptimeNanoseconds / 1_000_000_000)
        let last = lastRefusalLog.load(ordering: .relaxed)
        guard now - last >= 10 || last == 0,
            lastRefusalLog.compareExchange(expected: last, desired: now, ordering: .relaxed).exchanged
        else { return }
        refusedSinceLog.subtract(count, ordering: .relaxed)
        let shown = address.map(Self.text(of:)) ?? "unknown"
        logger.warning(
            "refused FastCGI connection: peer not in EG_FASTCGI_ALLOW",
            metadata: ["peer": "\(shown)", "refused": "\(count)"])
    }

    private static func text(of address: [UInt8]) -> String {
        var buffer = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN))
        let family = address.count == 4 ? AF_INET : AF_INET6
        return address.withUnsafeBytes { raw in
            inet_ntop(family, raw.baseAddress, &buffer, socklen_t(buffer.count)).map { String(cString: $0) } ?? "?"
        }
    }

    private func serve(_ raw: UnsafeMutablePointer<FCGX_Request>, responder: any RequestResponder) {
        let started = DispatchTime.now().uptimeNanoseconds
        let params = copyParams(raw.pointee.envp)
        let input = raw.pointee.in
        let bodyDeadline = started + UInt64(configuration.readTimeoutSeconds * 1_000_000_000)
        let request = Request.parse(params: params, limits: configuration.limits) { length in
            var body = [UInt8](repeating: 0, count: length)
            var filled = 0
            body.withUnsafeMutableBufferPointer { buffer in
                // Each read waits at most the socket's deadline; the whole body at most one more.
                while filled < length, DispatchTime.now().uptimeNanoseconds < bodyDeadline {
                    let got = buffer.baseAddress!.advanced(by: filled).withMemoryRebound(
                        to: CChar.self, capacity: length - filled
                    ) {
                        FCGX_GetStr($0, Int32(length - filled), input)
                    }
                    if got <= 0 { break }
                    filled += Int(got)
                }
            }
            return filled == length ? body : Array(body[..<filled])
        }

        var response = responder.respond(to: request)
        response.setHeader("X-Request-ID", request.requestID)
        let out = raw.pointee.out
        put(response.head(), to: out)
        if !request.isHead { put(response.body, to: out) }
        FCGX_Finish_r(raw)

        let micros = (DispatchTime.now().uptimeNanoseconds - started) / 1000
        let hundredths = (micros % 1000) / 10
        let elapsed = "\(micros / 1000).\(hundredths < 10 ? "0" : "")\(hundredths)"
        // One line per request. No query string, and the responder blanks tokens in the path.
        var metadata: Logger.Metadata = ["request_id": "\(request.requestID)"]
        for field in responder.logFields(for: request) { metadata[field.name] = "\(field.value)" }
        logger.info(
            "\(request.method) \(responder.loggablePath(for: request)) \(response.status.code) \(elapsed)ms",
            metadata: metadata)
    }

    private func put(_ bytes: [UInt8], to stream: UnsafeMutablePointer<FCGX_Stream>?) {
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            base.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                _ = FCGX_PutStr($0, Int32(buffer.count), stream)
            }
        }
    }

    private func copyParams(_ envp: FCGX_ParamArray?) -> [String: String] {
        var params: [String: String] = [:]
        params.reserveCapacity(48)
        guard var cursor = envp else { return params }
        while let entry = cursor.pointee {
            // "NAME=value": split on the C string, making the two Strings straight from its bytes.
            let length = strlen(entry)
            entry.withMemoryRebound(to: UInt8.self, capacity: length) { bytes in
                let pair = UnsafeBufferPointer(start: bytes, count: length)
                if let eq = pair.firstIndex(of: UInt8(ascii: "=")) {
                    params[String(decoding: UnsafeBufferPointer(rebasing: pair[..<eq]), as: UTF8.self)] = String(
                        decoding: UnsafeBufferPointer(rebasing: pair[(eq + 1)...]), as: UTF8.self)
                }
            }
            cursor = cursor.advanced(by: 1)
        }
        return params
    }
}
