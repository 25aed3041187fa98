import ArgumentParser
import Foundation
import Logging
import Templates

/// `eventgaraget error-pages`: renders the pages nginx answers itself (400, 413, 429 and 503)
/// into STATIC_DIR/errors from the responder's own templates. The files are committed; run it
/// again after changing the error texts, the layout or app.css (the pages link its fingerprint).
/// `--check` only compares, for the tests: exit status 1 names the files that are out of date.
struct ErrorPagesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "error-pages",
        abstract: "Render the error pages nginx sends itself (400, 413, 429, 503) into STATIC_DIR/errors.")

    @Option(name: .long, help: "The static folder (default: EG_STATIC_DIR, else ./static).")
    var staticDir: String?

    @Option(name: .long, help: "The body limit the 413 page names (default: EG_MAX_BODY_BYTES, else 8 MiB).")
    var maxBodyBytes: Int?

    @Flag(name: .long, help: "Write nothing; exit 1 if a page differs from what the templates render.")
    var check = false

    func run() throws {
        let directory = staticDir ?? ProcessInfo.processInfo.environment["EG_STATIC_DIR"] ?? "static"
        let assets = ServeCommand.loadAssets(from: directory, logger: Logger(label: "eventgaraget.error-pages"))
        let folder = directory + "/errors"
        let limit =
            maxBodyBytes ?? ProcessInfo.processInfo.environment["EG_MAX_BODY_BYTES"].flatMap { Int($0) }
            ?? Int(AppConfiguration.documentedDefault("EG_MAX_BODY_BYTES"))!
        var stale: [String] = []
        for status in ErrorPage.staticStatuses {
            let path = "\(folder)/\(status).html"
            let page = Data(ErrorPage.renderStatic(status: status, maxBodyBytes: limit, assets: assets))
            if check {
                if FileManager.default.contents(atPath: path) != page { stale.append(path) }
                continue
            }
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            try page.write(to: URL(fileURLWithPath: path), options: .atomic)
            print(path)
        }
        if !stale.isEmpty {
            throw CommandFailure(
                "out of date: \(stale.joined(separator: ", ")); run `eventgaraget error-pages --static-dir \(directory)`"
            )
        }
    }
}
