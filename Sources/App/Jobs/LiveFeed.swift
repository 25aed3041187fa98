import Database
import Foundation
import Logging
import Synchronization
import Webhooks

/// The live pages' announcer: its own thread and connection in the worker process, so a long job
/// never delays it. Woken by every committed event (LISTEN eventgaraget_events, a poll every
/// 200 ms as the fallback), it posts what is new to nchan; with several workers, whichever holds
/// the cursor row announces (LiveStore).
final class LiveFeed: Sendable {
    let databaseURL: String
    let publisher: LivePublisher
    let logger: Logger
    private let stopping = Atomic<Bool>(false)

    init(databaseURL: String, publisher: LivePublisher, logger: Logger) {
        self.databaseURL = databaseURL
        self.publisher = publisher
        self.logger = logger
    }

    func stop() { stopping.store(true, ordering: .sequentiallyConsistent) }

    func run() {
        var connection: Connection?
        var nextListen = Date.distantPast
        while !stopping.load(ordering: .sequentiallyConsistent) {
            do {
                if connection == nil || connection?.ensureConnected() == false {
                    connection = try Connection(url: databaseURL, logger: logger)
                    nextListen = .distantPast
                }
                guard let db = connection else { continue }
                if Date() >= nextListen {
                    try db.listen("eventgaraget_events")
                    nextListen = Date().addingTimeInterval(10)
                }
                do {
                    try LiveStore.publishPending(db) { try publisher.publish($0) }
                } catch let error as LivePublisher.Failed {
                    logger.debug("live pages not told yet", metadata: ["error": "\(error)"])
                }
                db.waitForNotification(milliseconds: 200)
            } catch {
                logger.warning("live feed: database unavailable; retrying", metadata: ["error": "\(error)"])
                connection = nil
                usleep(1_000_000)
            }
        }
        connection?.close()
    }
}
