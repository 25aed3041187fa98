import Domain
import Foundation
import TestSupport
import Testing

/// BgMax import with real processes: invoices issued with `eventgaraget invoices`, a BgMax file
/// written for their OCR references and imported with `eventgaraget payments import-bgmax FILE`
/// (a file on disk, as an operator would): matched, partly paid and unmatched payments, the same
/// file twice and the same payment in a second file, and malformed files that store nothing.
@Suite("Payments from Bankgirot", .serialized)
struct PaymentImportTests {
    static func write(_ file: BgMaxWriter, _ name: String) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("eg-bgmax-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent(name).path
        try file.data.write(to: URL(fileURLWithPath: path))
        return path
    }

    /// What a payment import leaves in the database, to compare before and after a refused file.
    static func stored(_ demo: InvoicingTests.Demo) throws -> String {
        try demo.sql(
            """
            SELECT (SELECT count(*) FROM payment_imports) || '/' || (SELECT count(*) FROM invoice_payments) || '/'
                   || (SELECT count(*) FROM unmatched_payments) || '/' || (SELECT count(*) FROM bgmax_payments) || '/'
                   || (SELECT count(*) FROM audit_log)
            """)
    }

    @Test func aFileWithMatchedUnmatchedAndDuplicatePaymentsIsBookedOnce() throws {
        let demo = try InvoicingTests.Demo("payments_bgmax")
        let numbers = try demo.uninvoiced(2).map { try demo.invoice(booking: $0) }
        let ocr = try numbers.map { try demo.sql("SELECT ocr FROM invoices WHERE number = '\($0)'") }
        let payable = try numbers.map {
            Int64(try demo.sql("SELECT payable_ore FROM invoices WHERE number = '\($0)'"))!
        }
        let unknown = try #require(OCRReference(base: "99990042")).digits

        var first = BgMaxWriter(written: "20261207173000000001")
        first.open(bankgiro: "50501055")
        first.payment(reference: ocr[0], ore: payable[0], serial: 7001, sender: "56781234")
        first.name("Åsa Öberg")
        first.payment(reference: ocr[1], ore: 100_000, serial: 7002)
        first.payment(reference: unknown, ore: 42_000, serial: 7003, channel: 3)
        first.name("Okänd Betalare")
        first.information("Hyra av tält")
        first.deposit(date: "20261207")
        first.end()
        let path = try Self.write(first, "first.bgmax")

        let imported = try demo.eventgaraget(["payments", "import-bgmax", path])
        #expect(imported.status == 0, "\(imported.output)\(imported.errorOutput)")
        #expect(imported.output.contains("Matched:    2"), "\(imported.output)")
        #expect(imported.output.contains("Unmatched:  1") && imported.output.contains("Duplicates: 0"))
        let total = Money(ore: payable[0] + 100_000 + 42_000).formatted(.en)
        #expect(imported.output.contains("Total:      \(total)"), "\(imported.output)")

        // What a user sees: the first invoice paid, the second partly paid.
        #expect(try demo.eventgaraget(["invoices", "show", numbers[0]]).output.contains("Status: paid"))
        #expect(try demo.eventgaraget(["invoices", "show", numbers[1]]).output.contains("Status: partly_paid"))
        #expect(
            try demo.sql(
                "SELECT string_agg(method || ':' || source || ':' || paid_on, ',') FROM invoice_payments p JOIN invoices i ON i.id = p.invoice_id WHERE i.number = '\(numbers[0])'"
            ) == "bankgiro:bgmax:2026-12-07")
        // Each booked payment has its audit row and its event, and the import has its own.
        let firstID = try demo.sql("SELECT id FROM invoices WHERE number = '\(numbers[0])'")
        #expect(
            try demo.sql(
                "SELECT count(*) FROM events WHERE type = 'invoice.payment_registered' AND entity_id = \(firstID)")
                == "1")
        #expect(
            try demo.sql(
                "SELECT payload->'object'->>'matched' FROM events WHERE type = 'payment_import.imported' AND payload->'object'->>'file_name' = 'first.bgmax'"
            )
                == "2")

        // The unknown reference waits in the queue, with the payer's name as written in ISO-8859-1.
        let queue = try demo.eventgaraget(["payments", "unmatched"])
        #expect(queue.status == 0)
        #expect(queue.output.contains(unknown) && queue.output.contains("unknown_reference"), "\(queue.output)")
        #expect(queue.output.contains("Okänd Betalare"))

        // The same file again: nothing is done, and it says so.
        let before = try Self.stored(demo)
        let again = try demo.eventgaraget(["payments", "import-bgmax", path])
        #expect(again.status == 0 && again.output.contains("Already imported"), "\(again.output)")
        #expect(try Self.stored(demo) == before)

        // A second file with one payment of the first (the same BGC serial and day) and the rest
        // of the second invoice: the repeated payment is skipped, the new one booked.
        var second = BgMaxWriter(written: "20261208073000000002")
        second.open(bankgiro: "50501055")
        second.payment(reference: ocr[1], ore: 100_000, serial: 7002)
        second.deposit(date: "20261207", serial: 1)
        second.open(bankgiro: "50501055")
        second.payment(reference: ocr[1], ore: payable[1] - 100_000, serial: 8001)
        second.deposit(date: "20261208", serial: 2)
        second.end()
        let next = try demo.eventgaraget(["payments", "import-bgmax", try Self.write(second, "BgMax-20261208.txt")])
        #expect(next.status == 0, "\(next.errorOutput)")
        #expect(next.output.contains("Matched:    1") && next.output.contains("Duplicates: 1"), "\(next.output)")
        #expect(try demo.eventgaraget(["invoices", "show", numbers[1]]).output.contains("Status: paid"))
        #expect(
            try demo.sql(
                "SELECT count(*) FROM invoice_payments p JOIN invoices i ON i.id = p.invoice_id WHERE i.number = '\(numbers[1])'"
            ) == "2")
    }

    @Test func aMalformedOrForeignFileStoresNothing() throws {
        let demo = try InvoicingTests.Demo("payments_bgmax_refused")
        let number = try demo.invoice(booking: try #require(try demo.uninvoiced(1).first))
        let ocr = try demo.sql("SELECT ocr FROM invoices WHERE number = '\(number)'")
        let before = try Self.stored(demo)

        // A miscounted end record: the file may be cut or changed.
        var miscounted = BgMaxWriter()
        miscounted.open(bankgiro: "50501055")
        miscounted.payment(reference: ocr, ore: 1000, serial: 1)
        miscounted.deposit(date: "20261207")
        miscounted.end(payments: 2)
        let refused = try demo.eventgaraget(["payments", "import-bgmax", try Self.write(miscounted, "bad.txt")])
        #expect(refused.status != 0)
        #expect(
            refused.errorOutput.contains("line 5: TK70 says 2 payments, the file holds 1"), "\(refused.errorOutput)")

        // A line cut short in the middle of its amount.
        var cut = BgMaxWriter()
        cut.open(bankgiro: "50501055")
        cut.raw("20" + String(repeating: "0", count: 10) + String(repeating: " ", count: 15) + ocr + "00000X")
        cut.deposit(date: "20261207")
        cut.end()
        let broken = try demo.eventgaraget(["payments", "import-bgmax", try Self.write(cut, "cut.txt")])
        #expect(
            broken.status != 0 && broken.errorOutput.contains("line 3: TK20 has an invalid amount"),
            "\(broken.errorOutput)")

        // Another company's bankgiro.
        var foreign = BgMaxWriter()
        foreign.open(bankgiro: "9912346")
        foreign.payment(reference: ocr, ore: 1000, serial: 1)
        foreign.deposit(date: "20261207")
        foreign.end()
        let other = try demo.eventgaraget(["payments", "import-bgmax", try Self.write(foreign, "other.txt")])
        #expect(other.status != 0 && other.errorOutput.contains("bankgiro 9912346"), "\(other.errorOutput)")

        let missing = try demo.eventgaraget(["payments", "import-bgmax", "/nonexistent/bgmax.txt"])
        #expect(missing.status != 0 && missing.errorOutput.contains("cannot read"))
        #expect(try Self.stored(demo) == before, "nothing of a refused file is stored")
    }
}
