import ArgumentParser
import Database
import Documents
import Domain
import Foundation
import UseCases

/// `eventgaraget invoices …`: invoices for operators and scripts, through the same store and use
/// case as the pages. Issued documents are read by number.
struct InvoicesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "invoices",
        abstract: "Create, issue and read invoices.",
        subcommands: [
            Create.self, Credit.self, Issue.self, List.self, Show.self, UBL.self, PDF.self, Remind.self,
            ReferenceRate.self,
        ])

    static let actor = AuditActor(kind: .system)

    /// The first active admin: a draft is made in a staff member's name.
    static func operatorID(_ connection: Connection) throws -> UserID {
        guard
            let id: Int64 = try connection.query(
                "SELECT id FROM users WHERE role = 'admin' AND active ORDER BY id LIMIT 1"
            ).first?.decode("id")
        else { throw CommandFailure("no active admin to act for") }
        return UserID(rawValue: id)
    }

    /// A `--date` option's day, or nil when not given.
    static func date(_ text: String?) throws -> CalendarDate? {
        try text.map { text -> CalendarDate in
            guard let day = try? CalendarDate(iso: text) else { throw CommandFailure("--date must be YYYY-MM-DD") }
            return day
        }
    }

    static func issued(_ connection: Connection, _ number: String) throws -> Int64 {
        guard let id = try InvoiceStore.id(connection, number: number) else {
            throw CommandFailure("no issued invoice \(number)")
        }
        return id
    }

    struct Create: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "A draft invoice for a booking's signed version, or an empty one for a customer; prints its id.")
        @Option(help: "The booking's number (EG-2026-0001).") var booking: String?
        @Option(
            help:
                "full (the default), deposit (the settings' percentage), final (less the deposits) or security_deposit (with --amount)."
        )
        var purpose: String = "full"
        @Option(help: "A security deposit's amount in kronor (no VAT).") var amount: String?
        @Option(help: "A customer's id: a stand-alone draft without lines (write them on its page).")
        var customer: Int64?
        @OptionGroup var options: ConfigurationOptions

        func validate() throws {
            guard (booking == nil) != (customer == nil) else {
                throw ValidationError("give either --booking or --customer")
            }
        }

        func run() throws {
            let connection = try Bootstrap.connection(options, label: "eventgaraget.invoices")
            defer { connection.close() }
            let operatorID = try InvoicesCommand.operatorID(connection)
            if let customer {
                guard
                    let id = try InvoiceStore.draftStandalone(
                        connection, customerID: CustomerID(rawValue: customer), createdBy: operatorID,
                        actor: InvoicesCommand.actor)
                else { throw CommandFailure("no customer \(customer)") }
                print("Draft: \(id)")
                return
            }
            let booking = booking ?? ""
            guard
                let id: Int64 = try connection.query("SELECT id FROM bookings WHERE number = \(booking)").first?
                    .decode("id")
            else { throw CommandFailure("no booking \(booking)") }
            guard let purpose = InvoicePurpose(rawValue: purpose), purpose != .standalone else {
                throw CommandFailure("--purpose must be full, deposit, final or security_deposit")
            }
            if purpose == .securityDeposit {
                guard let amount = try? Money(parsing: amount ?? ""), amount.ore > 0 else {
                    throw CommandFailure("a security deposit needs --amount in kronor, above zero")
                }
                switch try InvoiceStore.draftSecurityDeposit(
                    connection, bookingID: BookingID(rawValue: id), amount: amount, createdBy: operatorID,
                    actor: InvoicesCommand.actor)
                {
                case .created(let invoice): print("Draft: \(invoice)")
                case .exists(let invoice): print("Draft: \(invoice) (the booking's security deposit already)")
                case .refused, .notFound: throw CommandFailure("no booking \(booking)")
                }
                return
            }
            switch try InvoiceStore.draftFromBooking(
                connection, bookingID: BookingID(rawValue: id), purpose: purpose, createdBy: operatorID,
                actor: InvoicesCommand.actor)
            {
            case .created(let invoice): print("Draft: \(invoice)")
            case .exists(let invoice): print("Draft: \(invoice) (the booking's invoice already)")
            case .refused(let refusal): throw CommandFailure("refused: \(refusal.rawValue)")
            case .notFound: throw CommandFailure("no booking \(booking)")
            }
        }
    }

    struct Credit: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "A draft credit note for what is left of an issued invoice; prints its id.")
        @Argument(help: "The invoice's number (F-2026-0001).") var number: String
        @OptionGroup var options: ConfigurationOptions

        func run() throws {
            let connection = try Bootstrap.connection(options, label: "eventgaraget.invoices")
            defer { connection.close() }
            switch try InvoiceStore.draftCredit(
                connection, invoiceID: try InvoicesCommand.issued(connection, number),
                createdBy: try InvoicesCommand.operatorID(connection), actor: InvoicesCommand.actor)
            {
            case .created(let id): print("Draft: \(id)")
            case .exists(let id): print("Draft: \(id) (the invoice is credited already)")
            case .notCreditable: throw CommandFailure("\(number) is not an issued invoice")
            case .depositInFinal:
                throw CommandFailure("\(number) is a deposit the booking's final invoice subtracts: credit that first")
            case .notFound: throw CommandFailure("no issued invoice \(number)")
            }
        }
    }

    struct Issue: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Issue a draft; prints its number.")
        @Argument(help: "The draft's id.") var id: Int64
        @Option(help: "The issue date (YYYY-MM-DD); today by default.") var date: String?
        @OptionGroup var options: ConfigurationOptions

        func run() throws {
            let connection = try Bootstrap.connection(options, label: "eventgaraget.invoices")
            defer { connection.close() }
            let day = try InvoicesCommand.date(date)
            let configuration = try Bootstrap.configuration(options)
            switch try IssueInvoice.run(
                connection, id: id, issuedBy: try InvoicesCommand.operatorID(connection), actor: InvoicesCommand.actor,
                today: day,
                validator: configuration.ublValidator.isEmpty ? nil : UBLValidator(command: configuration.ublValidator),
                renderPDF: InvoiceRenderer.render)
            {
            case .issued(let number): print("Issued: \(number)")
            case .alreadyIssued(let number): throw CommandFailure("already issued as \(number ?? "?")")
            case .notFound: throw CommandFailure("no invoice \(id)")
            case .refused(let problems):
                throw CommandFailure("cannot be issued yet: \(problems.map(\.rawValue).joined(separator: ", "))")
            case .invalid(let error): throw CommandFailure("cannot be issued: \(error)")
            case .notValid(let problems): throw CommandFailure("the validator refused it, not issued:\n\(problems)")
            case .exceedsInvoice(let excess):
                throw CommandFailure(
                    "the credit exceeds what is left at VAT \(excess.rate.formatted(.en)): \(excess.left.formatted(.en))"
                )
            }
        }
    }

    struct Remind: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "A reminder of an overdue invoice now (the worker emails it); prints what it claims.")
        @Argument(help: "The invoice's number (F-2026-0001).") var number: String
        @Option(help: "The reminder's date (YYYY-MM-DD); today by default.") var date: String?
        @OptionGroup var options: ConfigurationOptions

        func run() throws {
            let connection = try Bootstrap.connection(options, label: "eventgaraget.invoices")
            defer { connection.close() }
            let day = try InvoicesCommand.date(date)
            let id = try InvoicesCommand.issued(connection, number)
            switch try InvoiceStore.remind(
                connection, invoiceID: id, today: day ?? BusinessCalendar.today(), force: true, by: nil,
                actor: InvoicesCommand.actor)
            {
            case .sent(_, let sequence):
                let reminder = try InvoiceStore.reminders(connection, invoiceID: id).last { $0.sequence == sequence }
                print(
                    [
                        "Reminder \(sequence)", "left \(reminder?.outstanding.formatted(.en) ?? "-")",
                        "fee \(reminder?.fee.formatted(.en) ?? "-")",
                        "compensation \(reminder?.compensation.formatted(.en) ?? "-")",
                        "interest \(reminder?.interest.formatted(.en) ?? "-")",
                        "to pay \(reminder?.total.formatted(.en) ?? "-")",
                    ].joined(separator: "\t"))
            case .notDue: throw CommandFailure("\(number) was reminded on that day already")
            case .notOverdue: throw CommandFailure("\(number) is not overdue with something left to pay")
            case .notFound: throw CommandFailure("no issued invoice \(number)")
            }
        }
    }

    struct ReferenceRate: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "reference-rate",
            abstract: "The Riksbank's reference rates late interest is computed from: list them, or set one.")
        @Option(help: "The half-year it applies from: YYYY-01-01 or YYYY-07-01.") var from: String?
        @Option(help: "The rate in per cent (2.25).") var percent: String?
        @OptionGroup var options: ConfigurationOptions

        func run() throws {
            let connection = try Bootstrap.connection(options, label: "eventgaraget.invoices")
            defer { connection.close() }
            if let from, let percent {
                guard let day = try? CalendarDate(iso: from), day.day == 1, day.month == 1 || day.month == 7 else {
                    throw CommandFailure("--from must be 1 January or 1 July (YYYY-01-01, YYYY-07-01)")
                }
                guard let bp = try? Percent.basisPoints(parsing: percent), (-1000...3000).contains(bp) else {
                    throw CommandFailure("--percent must be a rate such as 2.25")
                }
                try InvoiceStore.setReferenceRate(
                    connection, validFrom: day, basisPoints: bp, source: "eventgaraget invoices reference-rate",
                    actor: InvoicesCommand.actor)
            } else if from != nil || percent != nil {
                throw CommandFailure("give both --from and --percent to set a rate")
            }
            for rate in try InvoiceStore.referenceRates(connection) {
                print("\(rate.validFrom.iso)\t\(String(format: "%.2f", Double(rate.basisPoints) / 100))")
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Every invoice, newest first.")
        @OptionGroup var options: ConfigurationOptions

        func run() throws {
            let connection = try Bootstrap.connection(options, label: "eventgaraget.invoices")
            defer { connection.close() }
            let today = BusinessCalendar.today()
            for invoice in try InvoiceStore.list(connection) {
                print(
                    [
                        invoice.number ?? "draft \(invoice.id)", invoice.kind.rawValue,
                        invoice.status(today: today).rawValue,
                        invoice.issueDate?.iso ?? "-", invoice.customerName,
                        invoice.payable.map { $0.formatted(.en) } ?? "-",
                    ].joined(separator: "\t"))
            }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "One issued invoice's facts.")
        @Argument(help: "The invoice's number (F-2026-0001).") var number: String
        @OptionGroup var options: ConfigurationOptions

        func run() throws {
            let connection = try Bootstrap.connection(options, label: "eventgaraget.invoices")
            defer { connection.close() }
            guard let invoice = try InvoiceStore.find(connection, id: try InvoicesCommand.issued(connection, number))
            else { throw CommandFailure("no issued invoice \(number)") }
            print("Number: \(invoice.number ?? "")")
            print("Kind: \(invoice.kind.rawValue)")
            print("Customer: \(invoice.customerName)")
            print("Booking: \(invoice.bookingNumber ?? "-")")
            print("Issued: \(invoice.issueDate?.iso ?? "-")")
            print("Due: \(invoice.dueDate?.iso ?? "-")")
            print("OCR: \(invoice.ocr ?? "-")")
            print("To pay: \(invoice.payable.map { $0.formatted(.en) } ?? "-")")
            print("Paid: \(invoice.paid.formatted(.en))")
            print("Status: \(invoice.status(today: BusinessCalendar.today()).rawValue)")
        }
    }

    struct UBL: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "ubl", abstract: "The stored Peppol UBL XML of an issued invoice, on standard output.")
        @Argument(help: "The invoice's number (F-2026-0001).") var number: String
        @OptionGroup var options: ConfigurationOptions

        func run() throws {
            let connection = try Bootstrap.connection(options, label: "eventgaraget.invoices")
            defer { connection.close() }
            guard let xml = try InvoiceStore.ubl(connection, id: try InvoicesCommand.issued(connection, number)) else {
                throw CommandFailure("no issued invoice \(number)")
            }
            FileHandle.standardOutput.write(Data(xml.utf8))
        }
    }

    struct PDF: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "pdf", abstract: "The archived PDF of an issued invoice, on standard output.")
        @Argument(help: "The invoice's number (F-2026-0001).") var number: String
        @OptionGroup var options: ConfigurationOptions

        func run() throws {
            let connection = try Bootstrap.connection(options, label: "eventgaraget.invoices")
            defer { connection.close() }
            guard let pdf = try InvoiceStore.pdf(connection, id: try InvoicesCommand.issued(connection, number)) else {
                throw CommandFailure("no issued invoice \(number)")
            }
            FileHandle.standardOutput.write(Data(pdf))
        }
    }
}
