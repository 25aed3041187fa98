/// Why migrations cannot be loaded or applied. Every case names the file, so the fix is obvious.
public enum MigrationError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The migrations folder is missing from the resource bundle or cannot be read.
    case unreadableDirectory(path: String)
    /// A `.sql` file whose name is not `<number>_<name>.sql`.
    case invalidFileName(String)
    /// Two files with the same version number.
    case duplicateVersion(Int, fileNames: [String])
    /// A migration that has been applied was edited afterwards. Applied migrations are history:
    /// put the change in a new file (and restore this one).
    case checksumMismatch(version: Int, fileName: String, recorded: String, current: String)
    /// `migrate()` was called inside a transaction; it manages its own.
    case insideTransaction

    public var description: String {
        switch self {
        case .unreadableDirectory(let path):
            "cannot read the migrations folder \(path)"
        case .invalidFileName(let name):
            "migration file \(name) is not named <number>_<name>.sql"
        case .duplicateVersion(let version, let names):
            "migration version \(version) is used by more than one file: \(names.joined(separator: ", "))"
        case .checksumMismatch(let version, let fileName, let recorded, let current):
            "migration \(fileName) (version \(version)) was changed after it was applied "
                + "(recorded checksum \(recorded), file now \(current)); add a new migration instead"
        case .insideTransaction:
            "migrations cannot run inside a transaction; call migrate() outside one"
        }
    }
}
