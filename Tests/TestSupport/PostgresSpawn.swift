#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Runs a PostgreSQL tool to completion with `posix_spawn` + `waitpid`, for `TemporaryPostgres`.
///
/// Not Foundation's `Process`, on purpose: `pg_ctl start` leaves a daemon behind, and on Linux
/// `Process` hands every child one end of a socket pair and waits for it to close, so the daemon
/// inheriting it makes `waitUntilExit()` hang until the server stops (seen here). Likewise the
/// child gets no descriptor but stdin (`/dev/null`) and stdout/stderr (a file): everything else is
/// closed, so a server never holds another test's pipe open either.
enum PostgresSpawn {
    /// Spawns `executable` with `arguments`, output appended to `outputPath`, in `directory`;
    /// returns the exit status (or 128 + signal number).
    static func run(
        _ executable: String,
        _ arguments: [String],
        environment: [String: String],
        directory: String,
        outputPath: String
    ) throws -> Int32 {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        try check(posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0), "addopen stdin")
        try check(posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_APPEND, 0), "addopen stdout")
        try check(posix_spawn_file_actions_adddup2(&actions, 1, 2), "adddup2 stderr")
        try closeOtherDescriptors(&actions)
        if let addChdir = addChdir {
            try check(addChdir(&actions, directory), "addchdir")
        }

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        var allSignals = sigset_t()
        sigfillset(&allSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        posix_spawnattr_setsigdefault(&attributes, &allSignals)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            for argument in argv { free(argument) }
            for variable in envp { free(variable) }
        }
        var pid: pid_t = 0
        try check(posix_spawn(&pid, executable, &actions, &attributes, argv, envp), "posix_spawn \(executable)")

        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 {
            guard errno == EINTR else { throw TemporaryPostgresError("waitpid: \(String(cString: strerror(errno)))") }
        }
        let signal = status & 0x7f
        return signal == 0 ? (status >> 8) & 0xff : 128 + signal
    }

    private static func check(_ result: Int32, _ what: String) throws {
        guard result == 0 else { throw TemporaryPostgresError("\(what): \(String(cString: strerror(result)))") }
    }

    private typealias AddClosefrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32
    private typealias AddChdir =
        @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, UnsafePointer<CChar>) -> Int32

    /// glibc ≥ 2.34 / 2.29 have these, but Swift's Glibc module does not show them; look them up.
    private static let addClosefrom: AddClosefrom? = symbol("posix_spawn_file_actions_addclosefrom_np")
    private static let addChdir: AddChdir? = symbol("posix_spawn_file_actions_addchdir_np")

    private static func symbol<Function>(_ name: String) -> Function? {
        guard let address = dlsym(UnsafeMutableRawPointer(bitPattern: 0), name) else { return nil }  // RTLD_DEFAULT
        return unsafeBitCast(address, to: Function.self)
    }

    private static func closeOtherDescriptors(_ actions: inout posix_spawn_file_actions_t) throws {
        if let addClosefrom {
            try check(addClosefrom(&actions, 3), "addclosefrom")
            return
        }
        // Older C libraries: close what is open now (a descriptor opened concurrently may slip through).
        guard let directory = opendir("/proc/self/fd") else { return }
        var open: [Int32] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) {
                String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self)
            }
            if let fd = Int32(name), fd > 2, fd != dirfd(directory) { open.append(fd) }
        }
        closedir(directory)
        for fd in open { posix_spawn_file_actions_addclose(&actions, fd) }
    }
}
