import Domain
public import Foundation

/// One schema migration: a numbered `.sql` file from `Sources/Database/Migrations`, such as
/// `0001_initial.sql` (version 1, name `initial`).
///
/// A migration runs in one transaction together with its `schema_migrations` row, so it must not
/// contain `BEGIN`/`COMMIT` or statements that cannot run in a transaction (`CREATE INDEX CONCURRENTLY`,
/// `VACUUM`). Once applied, a file is history: change the schema with a new file.
public struct Migration: Sendable, Hashable {
    /// The number the file name starts with; migrations apply in ascending order.
    public let version: Int
    /// The rest of the file name, without the extension (`initial`).
    public let name: String
    /// The file name (`0001_initial.sql`), for messages.
    public let fileName: String
    /// The script, run with `Connection.executeScript(unsafeSQL:)`.
    public let sql: String
    /// Lower-case hex SHA-256 of the script's UTF-8 bytes, recorded when applied and checked ever after.
    public let checksum: String

    /// A migration from its parts. `fileName` defaults to `<version as 4 digits>_<name>.sql`.
    public init(version: Int, name: String, sql: String, fileName: String? = nil) {
        self.version = version
        self.name = name
        self.sql = sql
        self.fileName =
            fileName ?? "\(String(repeating: "0", count: max(0, 4 - String(version).count)))\(version)_\(name).sql"
        self.checksum = SHA256.hexDigest(sql.utf8)
    }

    /// The migrations shipped in this module's resource bundle, in version order.
    ///
    /// - Throws: `MigrationError` when the folder is missing or a file name or version is wrong.
    public static func bundled() throws(MigrationError) -> [Migration] {
        try load(from: bundledDirectory())
    }

    /// Where the shipped `.sql` files are: `EG_MIGRATIONS_DIR` when set, else the resource bundle
    /// SwiftPM builds next to the executable (`EventGaraget_Database.resources/Migrations`; an
    /// installation copies it beside the binary), else SwiftPM's own lookup. The last one traps
    /// when nothing is found, so the first two are tried without it.
    static func bundledDirectory() -> URL {
        let manager = FileManager.default
        if let override = ProcessInfo.processInfo.environment["EG_MIGRATIONS_DIR"], !override.isEmpty {
            return URL(fileURLWithPath: override)
        }
        var candidates = [Bundle.main.bundleURL]
        if let executable = Bundle.main.executableURL?.resolvingSymlinksInPath() {
            candidates.append(executable.deletingLastPathComponent())
        }
        for base in candidates {
            let directory = base.appendingPathComponent("EventGaraget_Database.resources/Migrations")
            if manager.fileExists(atPath: directory.path) { return directory }
        }
        return Bundle.module.url(forResource: "Migrations", withExtension: nil)
            ?? Bundle.module.bundleURL.appendingPathComponent("Migrations")
    }

    /// Every `*.sql` file in `directory`, in version order.
    ///
    /// - Throws: `MigrationError` when the folder cannot be read or a file name or version is wrong.
    public static func load(from directory: URL) throws(MigrationError) -> [Migration] {
        let fileNames: [String]
        do {
            fileNames = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        } catch {
            throw .unreadableDirectory(path: directory.path)
        }
        var migrations: [Migration] = []
        for fileName in fileNames.sorted() where fileName.hasSuffix(".sql") {
            let stem = fileName.dropLast(4)
            guard let underscore = stem.firstIndex(of: "_"),
                let version = Int(stem[..<underscore]), version > 0,
                stem[..<underscore].allSatisfy(\.isASCII),
                !stem[stem.index(after: underscore)...].isEmpty
            else { throw .invalidFileName(fileName) }
            guard let data = FileManager.default.contents(atPath: directory.appendingPathComponent(fileName).path)
            else {
                throw .unreadableDirectory(path: directory.appendingPathComponent(fileName).path)
            }
            migrations.append(
                Migration(
                    version: version,
                    name: String(stem[stem.index(after: underscore)...]),
                    sql: String(decoding: data, as: UTF8.self),
                    fileName: fileName
                )
            )
        }
        migrations.sort { $0.version < $1.version }
        for (previous, next) in zip(migrations, migrations.dropFirst()) where previous.version == next.version {
            throw .duplicateVersion(next.version, fileNames: [previous.fileName, next.fileName])
        }
        return migrations
    }
}
