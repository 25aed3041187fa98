import Database
import Domain
import Foundation
import Logging
import UseCases

/// What each schedule (`schedules.name`) does when its run comes up.
enum ScheduledWork {
    struct UnknownSchedule: Error, CustomStringConvertible {
        let name: String
        var description: String { "no work for schedule \(name)" }
    }

    static func run(
        _ name: String, retentionDays: Int, connection: Connection, logger: Logger, now: Date = Date()
    ) throws {
        switch name {
        case "quotations.expire":
            // Each in its own transaction (ExpireQuotation), so one failure does not hold the rest.
            var expired = 0
            for id in try ScheduleStore.expiredQuotations(connection, now: now) {
                if try ExpireQuotation.run(connection, id: id, now: now) { expired += 1 }
            }
            if expired > 0 { logger.info("quotations expired", metadata: ["count": "\(expired)"]) }
        case "bookings.tomorrow":
            let written = try ScheduleStore.emitDayBeforeEvents(connection)
            if written > 0 { logger.info("day-before events written", metadata: ["count": "\(written)"]) }
        case "invoices.remind":
            // Each invoice in its own transaction, so one failure does not hold the rest.
            let today = BusinessCalendar.today(at: now)
            var sent = 0
            for id in try InvoiceStore.overdue(connection, today: today) {
                do {
                    if case .sent = try InvoiceStore.remind(
                        connection, invoiceID: id, today: today, by: nil, actor: AuditActor(kind: .system))
                    {
                        sent += 1
                    }
                } catch {
                    // The next invoice still gets its reminder; this one is tried again next hour.
                    logger.warning("invoice reminder failed", metadata: ["invoice_id": "\(id)", "error": "\(error)"])
                }
            }
            if sent > 0 { logger.info("invoice reminders sent", metadata: ["count": "\(sent)"]) }
        case "tasks.remind":
            let written = try TaskStore.emitReminders(connection, today: BusinessCalendar.today(at: now))
            if written > 0 { logger.info("task reminders emitted", metadata: ["count": "\(written)"]) }
        case "automation.prune":
            let removed = try ScheduleStore.prune(connection, olderThanDays: retentionDays)
            logger.info("automation history pruned", metadata: ["rows": "\(removed)", "days": "\(retentionDays)"])
        default:
            throw UnknownSchedule(name: name)
        }
    }
}
