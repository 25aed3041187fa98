import ArgumentParser
import Foundation
import Logging
import Webhooks
import Worker

/// `eventgaraget worker`: runs queued jobs (emails, PDFs, webhooks) from PostgreSQL.
struct WorkerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "worker",
        abstract: "Run background jobs from the database queue.",
        discussion: """
            Claims due jobs with FOR UPDATE SKIP LOCKED (any number of workers may run), retries \
            failures with backoff, and picks up jobs of a worker that died once their lease expires. \
            SIGTERM or SIGINT: the current job finishes, then the worker exits 0.
            """)

    @OptionGroup var options: ConfigurationOptions

    func run() throws {
        let configuration = try Bootstrap.configuration(options)
        let logger = Bootstrap.logger(configuration, label: "eventgaraget.worker")
        try ServeCommand.refuseWhilePendingMigrations(configuration, logger: logger)
        let dispatcher: JobDispatcher
        do {
            dispatcher = try JobDispatcher(configuration)
        } catch {
            throw CommandFailure("cannot set up the worker: \(error)")
        }

        var stopSignals = sigset_t()
        sigemptyset(&stopSignals)
        sigaddset(&stopSignals, SIGTERM)
        sigaddset(&stopSignals, SIGINT)
        pthread_sigmask(SIG_BLOCK, &stopSignals, nil)

        let runner = JobRunner(
            configuration: .init(
                databaseURL: configuration.databaseURL,
                workerID: "\(ProcessInfo.processInfo.hostName):\(getpid())",
                longestAttemptSeconds: dispatcher.longestAttemptSeconds),
            logger: logger)
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            runner.run(performer: dispatcher)
            done.signal()
        }
        thread.start()
        // The live pages' announcer, on its own thread so long jobs never delay it.
        let live =
            configuration.livePublish.isEmpty
            ? nil
            : LiveFeed(
                databaseURL: configuration.databaseURL,
                publisher: LivePublisher(socketPath: configuration.livePublish), logger: logger)
        let liveDone = DispatchSemaphore(value: 0)
        if let live {
            Thread {
                live.run()
                liveDone.signal()
            }.start()
        }
        // The IMAP poll, on its own thread too (a slow mail server never delays a job).
        let poller = configuration.imapURL.isEmpty ? nil : InboxPoller(configuration, logger: logger)
        let pollerDone = DispatchSemaphore(value: 0)
        if let poller {
            Thread {
                poller.run()
                pollerDone.signal()
            }.start()
        }
        var received: Int32 = 0
        sigwait(&stopSignals, &received)
        logger.info("stopping worker")
        runner.stop()
        live?.stop()
        poller?.stop()
        done.wait()
        if live != nil { liveDone.wait() }
        if poller != nil { pollerDone.wait() }
    }
}
