import Foundation
import TestSupport
import Testing

/// Bookkeeping with real processes: the demo's SIE export with a changed account mapping passes
/// `check-sie --strict`, read back by Python (not our code) to the balances the test computes from
/// the tables itself, and the reconciliation command agrees; an exported period locked with
/// `--lock` refuses an invoice issued on one of its days from the command and from a hand-written
/// UPDATE, and a payment dated in it.
@Suite("Bookkeeping", .serialized)
struct BookkeepingTests {
    typealias Demo = InvoicingTests.Demo

    /// The SIE file's `#TRANS` totals per account and its `#KONTO` names, read by Python.
    static func readBack(_ file: Data) throws -> (balances: [String: Int], names: [String: String]) {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("eg-\(UUID().uuidString).si").path
        try file.write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let read = try run(
            "/usr/bin/python3",
            [
                "-c",
                """
                import sys, json, shlex, collections
                totals = collections.Counter()
                names = {}
                for line in open(sys.argv[1], encoding="cp437", newline="").read().split(chr(13) + chr(10)):
                    if line.startswith("#TRANS "):
                        parts = line.split()
                        totals[parts[1]] += round(float(parts[3]) * 100)
                    elif line.startswith("#KONTO "):
                        parts = shlex.split(line)
                        names[parts[1]] = parts[2]
                print(json.dumps({"balances": totals, "names": names}))
                """, path,
            ])
        struct Read: Decodable {
            let balances: [String: Int]
            let names: [String: String]
        }
        let decoded = try JSONDecoder().decode(Read.self, from: Data(read.output.utf8))
        return (decoded.balances, decoded.names)
    }

    static func check(_ file: Data) throws -> CommandResult {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("eg-\(UUID().uuidString).si").path
        try file.write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        return try run(InvoicingTests.oracles + "/check-sie", ["--strict", path])
    }

    @Test func aChangedMappingMovesTheBalancesAndStillPassesTheCheckerAndTheReconciliation() throws {
        let demo = try Demo("bookkeeping_mapping")
        let year = try demo.sql("SELECT extract(year FROM now() AT TIME ZONE 'Europe/Stockholm')::int")
        let period = ["--from", "\(year)-01-01", "--to", "\(year)-12-31"]

        // With the standard mapping the demo year reconciles.
        let standard = try demo.eventgaraget(["export", "reconcile"] + period)
        #expect(standard.status == 0, "\(standard.output)\(standard.errorOutput)")
        #expect(standard.output.contains("1510\tKundfordringar\t") && standard.output.contains("3041\t"))
        #expect(standard.output.split(separator: "\n").allSatisfy { $0.hasSuffix("\tmatches") }, "\(standard.output)")

        _ = try demo.sql(
            """
            UPDATE account_mapping SET account = CASE key WHEN 'receivables' THEN 1511 WHEN 'bank' THEN 1940
                   WHEN 'vat_25' THEN 2610 WHEN 'revenue_25' THEN 3001 END,
                   name = CASE key WHEN 'receivables' THEN 'Kundfordringar EventGaraget' WHEN 'bank' THEN 'Bank Öresund'
                   WHEN 'vat_25' THEN 'Utgående moms 25 %' WHEN 'revenue_25' THEN 'Uthyrning 25 %' END
             WHERE key IN ('receivables', 'bank', 'vat_25', 'revenue_25')
            """)
        let exported = try demo.eventgaraget(["export", "sie"] + period)
        #expect(exported.status == 0, "\(exported.errorOutput)")
        let checked = try Self.check(exported.stdout)
        #expect(checked.status == 0 && checked.output.contains("KSUMMA ok"), "\(checked.output)")

        // The balances per account, from the tables by the test's own SQL.
        let receivable = try demo.sql(
            """
            SELECT (SELECT coalesce(sum(CASE kind WHEN 'invoice' THEN payable_ore ELSE -payable_ore END), 0) FROM invoices
                     WHERE state = 'issued' AND extract(year FROM issue_date) = \(year))
                 - (SELECT coalesce(sum(amount_ore), 0) FROM invoice_payments WHERE extract(year FROM paid_on) = \(year))
            """)
        func byRate(_ field: String) throws -> String {
            try demo.sql(
                """
                SELECT coalesce(sum(CASE i.kind WHEN 'invoice' THEN -(r->>'\(field)')::bigint ELSE (r->>'\(field)')::bigint END), 0)
                  FROM invoices i, jsonb_array_elements(i.vat_breakdown) r
                 WHERE i.state = 'issued' AND (r->>'rate_bp')::int = 2500 AND extract(year FROM i.issue_date) = \(year)
                """)
        }
        let paid = try demo.sql(
            "SELECT coalesce(sum(amount_ore), 0) FROM invoice_payments WHERE extract(year FROM paid_on) = \(year)")
        let file = try Self.readBack(exported.stdout)
        #expect(file.balances["1511"] == Int(receivable), "\(file.balances)")
        #expect(file.balances["2610"] == Int(try byRate("vat_ore")))
        #expect(file.balances["3001"] == Int(try byRate("taxable_ore")))
        #expect(file.balances["1940"] == Int(paid))
        let rounding = try demo.sql(
            """
            SELECT coalesce(sum(CASE kind WHEN 'invoice' THEN -rounding_ore ELSE rounding_ore END), 0) FROM invoices
             WHERE state = 'issued' AND extract(year FROM issue_date) = \(year)
            """)
        #expect((file.balances["3740"] ?? 0) == Int(rounding))
        #expect(
            Set(file.balances.keys).isSubset(of: [
                "1511", "1940", "2610", "2621", "2631", "3001", "3042", "3043", "3044", "3308", "3740",
            ]))
        for old in ["1510", "1930", "2611", "3041"] {
            #expect(file.balances[old] == nil, "\(old) is not used any more")
        }
        #expect(file.balances.values.reduce(0, +) == 0, "every voucher balances")
        #expect(file.names["1511"] == "Kundfordringar EventGaraget" && file.names["1940"] == "Bank Öresund")

        // Recorded: the file's SHA-256 and the balances it wrote, with the audit row and the event.
        let sha = try run("/usr/bin/sha256sum", ["-"], input: exported.stdout).output.prefix(64)
        #expect(try demo.sql("SELECT file_sha256 FROM bookkeeping_exports") == String(sha))
        #expect(exported.errorOutput.contains(String(sha)))
        #expect(try demo.sql("SELECT (balances->>'1511')::bigint FROM bookkeeping_exports") == receivable)
        #expect(
            try demo.sql("SELECT count(*) FROM audit_log WHERE entity_type = 'bookkeeping' AND action = 'exported'")
                == "1")
        #expect(
            try demo.sql("SELECT payload->'details'->>'sha256' FROM events WHERE type = 'bookkeeping.exported'")
                == String(sha))

        // The reconciliation follows the mapping and still matches.
        let moved = try demo.eventgaraget(["export", "reconcile"] + period)
        #expect(moved.status == 0, "\(moved.output)")
        #expect(moved.output.contains("1511\tKundfordringar EventGaraget\t") && !moved.output.contains("1510\t"))
        #expect(
            moved.output.contains("\(Self.kronor(Int(receivable) ?? 0))\t\(Self.kronor(Int(receivable) ?? 0))\tmatches")
        )

    }

    /// A reminder's fee or förseningsersättning and its late interest are booked on the day it was
    /// sent (reminder fees 3930, interest 8313, against receivables), a security deposit as a
    /// liability (2890) with no revenue and no VAT; the file passes `check-sie --strict`, Python
    /// reads back the reminders' and the deposit's sums from the tables, and everything reconciles.
    @Test func remindersAndSecurityDepositsAreBookedAndReconcile() throws {
        let demo = try Demo("bookkeeping_reminders")
        let year = try demo.sql("SELECT extract(year FROM now() AT TIME ZONE 'Europe/Stockholm')::int")
        let period = ["--from", "\(year)-01-01", "--to", "\(year)-12-31"]
        let overdue = try demo.sql(
            """
            SELECT number FROM invoices i
             WHERE kind = 'invoice' AND state = 'issued' AND due_date < (now() AT TIME ZONE 'Europe/Stockholm')::date
               AND NOT EXISTS (SELECT FROM invoice_payments p WHERE p.invoice_id = i.id) ORDER BY id LIMIT 1
            """)
        let reminded = try demo.eventgaraget(["invoices", "remind", overdue])
        #expect(reminded.status == 0 && reminded.output.hasPrefix("Reminder 1\t"), "\(reminded.errorOutput)")
        let booking = try #require(try demo.uninvoiced(1).first)
        let deposit = try demo.eventgaraget([
            "invoices", "create", "--booking", booking, "--purpose", "security_deposit", "--amount", "3000",
        ])
        #expect(try demo.eventgaraget(["invoices", "issue", InvoicingTests.draftID(deposit)]).status == 0)

        let exported = try demo.eventgaraget(["export", "sie"] + period)
        #expect(exported.status == 0, "\(exported.errorOutput)")
        let checked = try Self.check(exported.stdout)
        #expect(checked.status == 0, "\(checked.output)")
        let file = try Self.readBack(exported.stdout)
        let fees = Int(try demo.sql("SELECT sum(fee_ore + compensation_ore) FROM invoice_reminders")) ?? -1
        let interest = Int(try demo.sql("SELECT sum(interest_ore) FROM invoice_reminders")) ?? -1
        #expect(fees > 0 && interest > 0, "the demo's overdue invoice is charged")
        #expect(file.balances["3930"] == -fees && file.balances["8313"] == -interest, "\(file.balances)")
        #expect(file.balances["2890"] == -300_000, "the deposit is a liability")
        #expect(file.balances.values.reduce(0, +) == 0)
        let reconciled = try demo.eventgaraget(["export", "reconcile"] + period)
        #expect(reconciled.status == 0, "\(reconciled.output)")
        #expect(
            reconciled.output.split(separator: "\n").allSatisfy { $0.hasSuffix("\tmatches") }, "\(reconciled.output)")
        #expect(reconciled.output.contains("3930\t") && reconciled.output.contains("2890\t"))
    }

    static func kronor(_ ore: Int) -> String {
        let sign = ore < 0 ? "-" : ""
        return "\(sign)\(abs(ore) / 100).\(String(format: "%02d", abs(ore) % 100))"
    }

    @Test func anExportedAndLockedPeriodRefusesIssuesAndPaymentsDatedInIt() throws {
        let demo = try Demo("bookkeeping_lock")
        let day = try demo.sql("SELECT (now() AT TIME ZONE 'Europe/Stockholm')::date - 7")
        let today = try demo.sql("SELECT (now() AT TIME ZONE 'Europe/Stockholm')::date")
        let first = try demo.sql("SELECT date_trunc('year', '\(day)'::date)::date")

        // Locking needs an export covering the day, and never a day after today.
        let future = try demo.eventgaraget([
            "export", "sie", "--from", first, "--to", "\(day.prefix(4))-12-31", "--lock",
        ])
        #expect(future.status != 0 && future.errorOutput.contains("after today"), "\(future.errorOutput)")
        #expect(try demo.sql("SELECT count(*) FROM bookkeeping_exports") == "0", "a refused lock records no export")
        #expect(throws: (any Error).self) { try demo.sql("UPDATE bookkeeping_lock SET locked_through = '\(day)'") }

        // Exporting only the last day with --lock would close the rest of the year, never exported.
        let partial = try demo.eventgaraget(["export", "sie", "--from", day, "--to", day, "--lock"])
        #expect(partial.status != 0 && partial.errorOutput.contains("no export covers"), "\(partial.errorOutput)")
        #expect(try demo.sql("SELECT locked_through IS NULL FROM bookkeeping_lock") == "t")

        let locked = try demo.eventgaraget(["export", "sie", "--from", first, "--to", day, "--lock"])
        #expect(locked.status == 0 && locked.errorOutput.contains("locked through \(day)"), "\(locked.errorOutput)")
        #expect(try demo.sql("SELECT locked_through FROM bookkeeping_lock") == day)
        #expect(try demo.sql("SELECT count(*) FROM events WHERE type = 'bookkeeping.locked'") == "1")

        // An invoice dated in the locked period: refused by the command, nothing stored, no number used.
        let booking = try #require(try demo.uninvoiced(1).first)
        let created = try demo.eventgaraget(["invoices", "create", "--booking", booking])
        let id = try #require(created.output.split(whereSeparator: { $0 == " " || $0 == "\n" }).dropFirst().first)
        let numbers = try demo.sql("SELECT last_number FROM number_sequences WHERE kind = 'invoice'")
        let refused = try demo.eventgaraget(["invoices", "issue", String(id), "--date", day])
        #expect(refused.status != 0 && refused.errorOutput.contains("locked through \(day)"), "\(refused.errorOutput)")
        #expect(try demo.sql("SELECT state FROM invoices WHERE id = \(id)") == "draft")
        #expect(try demo.sql("SELECT last_number FROM number_sequences WHERE kind = 'invoice'") == numbers)

        // And by the database itself, whoever writes.
        do {
            _ = try demo.sql("UPDATE invoices SET state = 'issued', issue_date = '\(day)' WHERE id = \(id)")
            Issue.record("the database let an invoice be issued in a locked period")
        } catch {
            #expect("\(error)".contains("the books are locked through \(day)"), "\(error)")
        }
        let invoice = try demo.sql("SELECT min(id) FROM invoices WHERE state = 'issued' AND kind = 'invoice'")
        do {
            _ = try demo.sql(
                "INSERT INTO invoice_payments (invoice_id, paid_on, amount_ore, method) VALUES (\(invoice), '\(day)', 100, 'bankgiro')"
            )
            Issue.record("the database took a payment dated in a locked period")
        } catch {
            #expect("\(error)".contains("a payment dated \(day) is refused"), "\(error)")
        }
        #expect(throws: (any Error).self, "the lock moves back only with a reason") {
            try demo.sql("UPDATE bookkeeping_lock SET locked_through = NULL")
        }

        // After the lock, today is open.
        let issued = try demo.eventgaraget(["invoices", "issue", String(id), "--date", today])
        #expect(issued.status == 0 && issued.output.hasPrefix("Issued: "), "\(issued.errorOutput)")
        _ = try demo.sql(
            "INSERT INTO invoice_payments (invoice_id, paid_on, amount_ore, method) VALUES (\(invoice), '\(today)', 100, 'bankgiro')"
        )
        // The locked period exports again as it was (its vouchers are the same), and `--lock` is no error.
        let again = try demo.eventgaraget(["export", "sie", "--from", first, "--to", day, "--lock"])
        #expect(again.status == 0, "\(again.errorOutput)")
        #expect(
            try demo.sql("SELECT count(DISTINCT balances) FROM bookkeeping_exports") == "1",
            "the same balances both times")
    }
}
