import Foundation
import Testing

/// Each module imports only the layers below it. The allowed imports live in one place, the module
/// table of `docs/ARCHITECTURE.md`; this test parses that table, so the document and the build
/// cannot disagree.
@Suite("Modules import only what docs/ARCHITECTURE.md allows")
struct ModuleLayerTests {
    /// Imports that break the table today, each with the change that removes it. An exception that
    /// no longer occurs fails the test too, so the list only shrinks.
    static let knownViolations: Set<Violation> = []

    /// Modules every Swift module may import, unless its row says "only".
    static let platform: Set<String> = [
        "Foundation", "FoundationEssentials", "Glibc", "Musl", "Darwin", "Dispatch", "Synchronization",
    ]

    @Test func everyModuleHasARowInTheTable() throws {
        let table = try LayerTable.load()
        let missing = try Self.modules().filter { table.rules[$0] == nil }
        #expect(missing.isEmpty, "add these modules to the table in docs/ARCHITECTURE.md: \(missing)")
    }

    @Test func noModuleImportsPastItsLayer() throws {
        let table = try LayerTable.load()
        var found: Set<Violation> = []
        var located: [Violation: [String]] = [:]
        for module in try Self.modules() {
            guard let rule = table.rules[module] else { continue }  // reported by the test above
            for file in try Self.swiftFiles(in: module) {
                for imported in try Self.imports(of: file) where imported != module && !rule.allows(imported) {
                    let violation = Violation(module: module, imports: imported)
                    found.insert(violation)
                    located[violation, default: []].append(file.lastPathComponent)
                }
            }
        }
        for violation in found.subtracting(Self.knownViolations).sorted() {
            Issue.record(
                "\(violation.module) imports \(violation.imports), which docs/ARCHITECTURE.md does not allow (in \(located[violation]!.sorted().joined(separator: ", ")))"
            )
        }
        for gone in Self.knownViolations.subtracting(found).sorted() {
            Issue.record("\(gone.module) no longer imports \(gone.imports): remove it from knownViolations")
        }
    }

    @Test func theTableReadsAsWritten() throws {
        let table = try LayerTable.load()
        // A few rows checked by hand, so a change to the document's format cannot empty the rules.
        #expect(table.rules["Domain"]?.allows("Foundation") == true)
        #expect(table.rules["Domain"]?.allows("Glibc") == false)
        #expect(table.rules["Domain"]?.allows("Database") == false)
        #expect(table.rules["Handlers"]?.allows("UseCases") == true)
        #expect(table.rules["Handlers"]?.allows("FCGIHost") == false)
        #expect(table.rules["CLibPQ"]?.allows("Domain") == false)
        #expect(table.rules["App"]?.allows("Handlers") == true)
        #expect(table.rules["Templates"]?.allows("Database") == false)
        #expect(table.rules.count >= 20)
    }

    @Test func importLinesAreRead() throws {
        let source = """
            public import Domain
            @testable import Routing
            import struct Foundation.Date
            @preconcurrency internal import Logging
            #if canImport(Glibc)
                import Glibc
            #endif
            // import Commented
            let text = "import NotAnImport"
            """
        #expect(Self.imports(ofSource: source) == ["Domain", "Routing", "Foundation", "Logging", "Glibc"])
    }

    // MARK: Reading the tree

    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The module directories under `Sources/`.
    static func modules() throws -> [String] {
        let sources = root.appendingPathComponent("Sources")
        return try FileManager.default.contentsOfDirectory(atPath: sources.path).filter { name in
            var isDirectory: ObjCBool = false
            return !name.hasPrefix(".")
                && FileManager.default.fileExists(
                    atPath: sources.appendingPathComponent(name).path, isDirectory: &isDirectory)
                && isDirectory.boolValue
        }.sorted()
    }

    static func swiftFiles(in module: String) throws -> [URL] {
        let directory = root.appendingPathComponent("Sources").appendingPathComponent(module)
        guard let walker = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: nil) else {
            return []
        }
        return walker.compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" }
    }

    static func imports(of file: URL) throws -> [String] {
        imports(ofSource: try String(contentsOf: file, encoding: .utf8))
    }

    /// The modules named by `import` declarations: optional attributes (`@testable`), an access
    /// level, a declaration kind (`import struct Foundation.Date`), then the module.
    static func imports(ofSource source: String) -> [String] {
        let modifiers: Set<Substring> = ["public", "package", "internal", "fileprivate", "private"]
        let kinds: Set<Substring> = ["struct", "class", "enum", "protocol", "typealias", "func", "var", "let"]
        var modules: [String] = []
        for line in source.split(separator: "\n") {
            var words = line.split(whereSeparator: { $0 == " " || $0 == "\t" })[...]
            while let first = words.first, first.hasPrefix("@") || modifiers.contains(first) {
                words = words.dropFirst()
            }
            guard words.first == "import", words.count >= 2 else { continue }
            words = words.dropFirst()
            if let kind = words.first, kinds.contains(kind), words.count >= 2 { words = words.dropFirst() }
            if let path = words.first, let name = path.split(separator: ".").first { modules.append(String(name)) }
        }
        return modules
    }
}

/// One module importing one it may not.
struct Violation: Hashable, Comparable, Sendable {
    let module: String
    let imports: String

    static func < (lhs: Violation, rhs: Violation) -> Bool { (lhs.module, lhs.imports) < (rhs.module, rhs.imports) }
}

/// The "may import" column of the module table in `docs/ARCHITECTURE.md`.
struct LayerTable {
    struct Rule {
        /// Modules named in the row.
        var named: Set<String>
        /// "anything": every module.
        var anything: Bool
        /// "… only": exactly the named modules, not even the platform.
        var only: Bool

        func allows(_ module: String) -> Bool {
            anything || named.contains(module) || (!only && ModuleLayerTests.platform.contains(module))
        }
    }

    var rules: [String: Rule] = [:]

    static func load() throws -> LayerTable {
        let url = ModuleLayerTests.root.appendingPathComponent("docs").appendingPathComponent("ARCHITECTURE.md")
        return try LayerTable(markdown: String(contentsOf: url, encoding: .utf8))
    }

    /// Reads the first table whose header is `| module | owns | may import |`: the modules are the
    /// backquoted names in the first cell, the allowed imports those in the last.
    init(markdown: String) throws {
        var inTable = false
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            let cells = line.split(separator: "|", omittingEmptySubsequences: false).map {
                $0.trimmingCharacters(in: .whitespaces)
            }
            if !inTable {
                inTable = cells.count >= 4 && cells[1] == "module" && cells[cells.count - 2] == "may import"
                continue
            }
            guard line.hasPrefix("|") else { break }
            if cells[1].hasPrefix("---") { continue }
            let allowed = cells[cells.count - 2]
            let rule = Rule(
                named: Set(Self.quoted(allowed)), anything: allowed == "anything", only: allowed.hasSuffix("only"))
            for module in Self.quoted(cells[1]) { rules[module] = rule }
        }
        guard !rules.isEmpty else { throw TableMissing() }
    }

    struct TableMissing: Error, CustomStringConvertible {
        var description: String { "docs/ARCHITECTURE.md has no table headed | module | owns | may import |" }
    }

    /// The `backquoted` words of a cell.
    static func quoted(_ cell: String) -> [String] {
        cell.split(separator: "`", omittingEmptySubsequences: false).enumerated()
            .compactMap { $0.offset % 2 == 1 ? String($0.element) : nil }
    }
}
