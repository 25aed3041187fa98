import Foundation
import TestSupport
import Testing

/// Invoices with real processes and the offline validation kit (`../shared/invoicing-oracles`):
/// the demo's bookings invoiced and issued with `eventgaraget invoices`, every UBL file through
/// `validate-ubl` (business buyers with every layer, private persons with XSD and EN 16931, as
/// the kit says), every OCR reference through `check-ocr`, an issued invoice that the database
/// will not let anyone change, and issuing at the same time from several processes without a gap.
@Suite("Invoicing", .serialized)
struct InvoicingTests {
    /// The kit: `EG_INVOICING_ORACLES`, else `shared/invoicing-oracles` beside the checkout (or
    /// beside one of its parent folders). Without it these tests fail and say where they looked.
    static let oracles: String = {
        if let configured = ProcessInfo.processInfo.environment["EG_INVOICING_ORACLES"] { return configured }
        var folder = URL(fileURLWithPath: repositoryRoot).deletingLastPathComponent()
        while folder.path != "/" {
            let candidate = folder.appendingPathComponent("shared/invoicing-oracles").path
            if FileManager.default.isExecutableFile(atPath: candidate + "/validate-ubl") { return candidate }
            folder.deleteLastPathComponent()
        }
        return URL(fileURLWithPath: repositoryRoot).deletingLastPathComponent()
            .appendingPathComponent("shared/invoicing-oracles").path
    }()

    struct Demo {
        let database: String
        let env: [String: String]

        init(_ name: String) throws {
            let url = TemporaryPostgres.shared.createDatabase(named: name)
            database = databaseName(fromURL: url)
            env = productEnvironment(["DATABASE_URL": url, "EG_MAIL_DIR": "/tmp/eg-invoicing-\(name)"])
            guard try run(productBinary, ["migrate"], environment: env).status == 0,
                try run(productBinary, ["seed-demo"], environment: env).status == 0
            else { throw TestFailure("migrate or seed-demo failed") }
        }

        func sql(_ text: String) throws -> String {
            try TemporaryPostgres.shared.psql(text, database: database).trimmingCharacters(in: .whitespacesAndNewlines)
        }

        /// Bookings the demo did not invoice (it invoices those behind us), oldest first.
        func uninvoiced(_ count: Int = 1000, company: Bool = false) throws -> [String] {
            try sql(
                """
                SELECT string_agg(number, ',' ORDER BY id) FROM (
                    SELECT b.id, b.number FROM bookings b JOIN customers c ON c.id = b.customer_id
                     WHERE NOT EXISTS (SELECT FROM invoices i WHERE i.booking_id = b.id)
                       AND (NOT \(company) OR c.kind = 'company')
                     ORDER BY b.id LIMIT \(count)) b
                """
            ).split(separator: ",").map(String.init)
        }

        func eventgaraget(_ arguments: [String]) throws -> CommandResult {
            try run(productBinary, arguments, environment: env)
        }

        /// A draft for the booking, issued: its number.
        func invoice(booking: String, date: String = "2026-12-07") throws -> String {
            let created = try eventgaraget(["invoices", "create", "--booking", booking])
            guard created.status == 0,
                let id = created.output.split(whereSeparator: { $0 == " " || $0 == "\n" }).dropFirst().first
            else {
                throw TestFailure("create: \(created.output) \(created.errorOutput)")
            }
            let issued = try eventgaraget(["invoices", "issue", String(id), "--date", date])
            guard issued.status == 0, issued.output.hasPrefix("Issued: ") else {
                throw TestFailure("issue: \(issued.output) \(issued.errorOutput)")
            }
            return issued.output.dropFirst(8).trimmingCharacters(in: .whitespacesAndNewlines)
        }
    }

    static func validate(_ files: [String], layers: String? = nil) throws -> CommandResult {
        try run(
            Self.oracles + "/validate-ubl",
            (layers.map { ["--layers", $0] } ?? []) + files)
    }

    @Test func everyDemoBookingsInvoicePassesTheValidatorsToTheOre() throws {
        #expect(
            FileManager.default.isExecutableFile(atPath: Self.oracles + "/validate-ubl"),
            "the invoicing kit is at \(Self.oracles) (or set EG_INVOICING_ORACLES)")
        let demo = try Demo("invoicing_ubl")
        // The demo invoiced the bookings behind us (paid, partly paid, overdue, one credited);
        // the rest are invoiced here, and then every issued document is checked.
        let bookings = try demo.uninvoiced()
        #expect(bookings.count >= 15)
        for booking in bookings { _ = try demo.invoice(booking: booking) }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("eg-ubl-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var business: [String] = []
        var people: [String] = []
        let documents = try demo.sql(
            """
            SELECT string_agg(i.number || ':' || c.kind, ',' ORDER BY i.id) FROM invoices i
              JOIN customers c ON c.id = i.customer_id WHERE i.state = 'issued'
            """
        ).split(separator: ",")
        var numbers: [String] = []
        for document in documents {
            let parts = document.split(separator: ":")
            let number = String(parts[0])
            numbers.append(number)
            let ubl = try demo.eventgaraget(["invoices", "ubl", number])
            #expect(ubl.status == 0)
            let path = folder + "/\(number).xml"
            try Data(ubl.output.utf8).write(to: URL(fileURLWithPath: path))
            if parts[1] == "company" { business.append(path) } else { people.append(path) }
            // The stored hash is the XML's, and the command prints exactly what is stored.
            #expect(
                try demo.sql(
                    "SELECT ubl_sha256 = encode(sha256(convert_to(ubl_xml, 'UTF8')), 'hex') FROM invoices WHERE number = '\(number)'"
                )
                    == "t")
        }
        #expect(
            try demo.sql("SELECT count(*) FROM invoices WHERE kind = 'credit_note'") == "1",
            "the demo's credit note is checked too")
        // Gap-free: F-2026-0001 … in issue order.
        #expect(numbers == (1...numbers.count).map { String(format: "F-2026-%04d", $0) })
        #expect(!business.isEmpty && !people.isEmpty)
        let peppol = try Self.validate(business)
        #expect(peppol.status == 0, "\(peppol.output)\(peppol.errorOutput)")
        let en16931 = try Self.validate(people, layers: "xsd,cen")
        #expect(en16931.status == 0, "\(en16931.output)\(en16931.errorOutput)")

        // The document agrees with the database and the quotation to the öre.
        let mismatch = try demo.sql(
            """
            SELECT count(*) FROM invoices i JOIN bookings b ON b.id = i.booking_id
             WHERE i.net_ore <> b.total_ore - b.vat_ore OR i.vat_ore <> b.vat_ore
                OR i.payable_ore - i.rounding_ore <> b.total_ore OR abs(i.rounding_ore) > 50
            """)
        #expect(mismatch == "0")
        let first = try String(contentsOfFile: folder + "/F-2026-0001.xml", encoding: .utf8)
        let payable = try demo.sql("SELECT payable_ore FROM invoices WHERE number = 'F-2026-0001'")
        let kronor = (Int(payable) ?? 0) / 100
        #expect(first.contains("<cbc:PayableAmount currencyID=\"SEK\">\(kronor).00</cbc:PayableAmount>"))
        #expect(first.contains("<cbc:CompanyID>Godkänd för F-skatt</cbc:CompanyID>"))
        #expect(first.contains("<cac:InvoicePeriod>"))

        // Every OCR reference passes Bankgirot's check with the length digit.
        let ocrs = try demo.sql("SELECT string_agg(ocr, ' ' ORDER BY id) FROM invoices").split(separator: " ").map(
            String.init)
        let checked = try run(Self.oracles + "/check-ocr", ["--length-digit"] + ocrs)
        #expect(checked.status == 0, "\(checked.output)\(checked.errorOutput)")
    }

    @Test func anIssuedInvoiceCannotBeChangedAndAnIncompleteOneIsNotIssued() throws {
        let demo = try Demo("invoicing_rules")
        let bookings = try demo.uninvoiced(2)
        let number = try demo.invoice(booking: bookings[0])
        for statement in [
            "UPDATE invoices SET payable_ore = 1 WHERE number = '\(number)'",
            "UPDATE invoices SET ubl_xml = replace(ubl_xml, 'F-skatt', 'X') WHERE number = '\(number)'",
            "DELETE FROM invoices WHERE number = '\(number)'",
        ] {
            #expect(throws: (any Error).self, "\(statement)") { try demo.sql(statement) }
        }
        #expect(try demo.sql("SELECT count(*) FROM invoices WHERE number = '\(number)' AND state = 'issued'") == "1")
        // The booking has its invoice: a second "create" hands back the same one.
        let again = try demo.eventgaraget(["invoices", "create", "--booking", bookings[0]])
        #expect(again.output.contains("already"))

        // Without a bankgiro the company cannot be paid: refused with the reason, no number taken.
        _ = try demo.sql("UPDATE settings SET bankgiro = NULL")
        let numbersBefore = try demo.sql("SELECT last_number FROM number_sequences WHERE kind = 'invoice'")
        let created = try demo.eventgaraget(["invoices", "create", "--booking", bookings[1]])
        let id =
            created.output.split(whereSeparator: { $0 == " " || $0 == "\n" }).dropFirst().first.map(String.init) ?? ""
        let refused = try demo.eventgaraget(["invoices", "issue", id])
        #expect(refused.status != 0 && refused.errorOutput.contains("payment_account"))
        #expect(try demo.sql("SELECT last_number FROM number_sequences WHERE kind = 'invoice'") == numbersBefore)
        #expect(try demo.sql("SELECT state FROM invoices WHERE id = \(id)") == "draft")
    }

    /// A full credit note: the same lines, referring to the invoice (BT-25 with its date), its own
    /// number from the series, valid for the validators; an invoice is credited once.
    @Test func aCreditNoteRefersToItsInvoiceAndPassesTheValidators() throws {
        let demo = try Demo("invoicing_credit")
        let booking = try #require(try demo.uninvoiced(1, company: true).first)
        let invoice = try demo.invoice(booking: booking, date: "2026-12-01")
        let credited = try demo.eventgaraget(["invoices", "credit", invoice])
        #expect(credited.status == 0 && credited.output.hasPrefix("Draft: "))
        let id =
            credited.output.split(whereSeparator: { $0 == " " || $0 == "\n" }).dropFirst().first.map(String.init) ?? ""
        let issued = try demo.eventgaraget(["invoices", "issue", id, "--date", "2026-12-05"])
        #expect(issued.status == 0)
        let note = issued.output.dropFirst(8).trimmingCharacters(in: .whitespacesAndNewlines)
        let sequence = Int(invoice.suffix(4)) ?? 0
        #expect(note == String(format: "F-2026-%04d", sequence + 1), "the next number of the same series")
        let xml = try demo.eventgaraget(["invoices", "ubl", note]).output
        #expect(xml.contains("<CreditNote ") && xml.contains("<cbc:CreditNoteTypeCode>381</cbc:CreditNoteTypeCode>"))
        #expect(
            xml.contains(
                "<cac:InvoiceDocumentReference>\n      <cbc:ID>\(invoice)</cbc:ID>\n      <cbc:IssueDate>2026-12-01</cbc:IssueDate>"
            ))
        #expect(!xml.contains("<cac:PaymentMeans>"), "a credit note is not paid")
        #expect(
            try demo.sql(
                "SELECT (c.payable_ore = i.payable_ore)::text FROM invoices c JOIN invoices i ON i.id = c.credited_invoice_id WHERE c.number = '\(note)'"
            ) == "true")
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("eg-credit-\(UUID().uuidString).xml")
            .path
        try Data(xml.utf8).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let validated = try Self.validate([path])
        #expect(validated.status == 0, "\(validated.output)\(validated.errorOutput)")
        // Once: crediting again hands back the credit note; a credit note is not credited.
        #expect(try demo.eventgaraget(["invoices", "credit", invoice]).output.contains("credited already"))
        let again = try demo.eventgaraget(["invoices", "credit", note])
        #expect(again.status != 0 && again.errorOutput.contains("not an issued invoice"))
    }

    /// A business in Germany: without its VAT number the invoice is refused (it could be right
    /// neither with nor without Swedish VAT); with it, no Swedish VAT and "Omvänd
    /// betalningsskyldighet", valid with every layer. The draft's buyer is moved abroad in SQL:
    /// the demo has no foreign customer.
    @Test func aBusinessElsewhereInTheEUIsInvoicedWithReverseCharge() throws {
        let demo = try Demo("invoicing_reverse")
        let booking = try #require(try demo.uninvoiced(1, company: true).first)
        let created = try demo.eventgaraget(["invoices", "create", "--booking", booking])
        let id =
            created.output.split(whereSeparator: { $0 == " " || $0 == "\n" }).dropFirst().first.map(String.init) ?? ""
        _ = try demo.sql(
            """
            UPDATE invoices SET buyer = jsonb_set(jsonb_set(buyer, '{address,country}', '"DE"'), '{vatNumber}', '""')
             WHERE id = \(id)
            """)
        let refused = try demo.eventgaraget(["invoices", "issue", id])
        #expect(refused.status != 0 && refused.errorOutput.contains("buyer_vat_number"))
        _ = try demo.sql(
            "UPDATE invoices SET buyer = jsonb_set(buyer, '{vatNumber}', '\"DE123456789\"') WHERE id = \(id)")
        let issued = try demo.eventgaraget(["invoices", "issue", id])
        #expect(issued.status == 0)
        let number = issued.output.dropFirst(8).trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(try demo.sql("SELECT vat_ore FROM invoices WHERE id = \(id)") == "0")
        let xml = try demo.eventgaraget(["invoices", "ubl", number]).output
        #expect(xml.contains("<cbc:Note>Omvänd betalningsskyldighet</cbc:Note>") && xml.contains("<cbc:ID>AE</cbc:ID>"))
        #expect(xml.contains("<cbc:EndpointID schemeID=\"9930\">DE123456789</cbc:EndpointID>"))
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("eg-ae-\(UUID().uuidString).xml").path
        try Data(xml.utf8).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let validated = try Self.validate([path])
        #expect(validated.status == 0, "\(validated.output)\(validated.errorOutput)")
    }

    /// A customer who receives e-invoices at another Peppol address than its organisation
    /// number: the address on the customer is the invoice's EndpointID, valid with every layer.
    @Test func theCustomersPeppolAddressIsTheInvoicesEndpoint() throws {
        let demo = try Demo("invoicing_peppol")
        let booking = try #require(try demo.uninvoiced(1, company: true).first)
        _ = try demo.sql(
            "UPDATE customers SET peppol_id = '0007:5567890123' WHERE id = (SELECT customer_id FROM bookings WHERE number = '\(booking)')"
        )
        let number = try demo.invoice(booking: booking)
        let xml = try demo.eventgaraget(["invoices", "ubl", number]).output
        #expect(
            xml.contains(
                "<cac:AccountingCustomerParty>\n    <cac:Party>\n      <cbc:EndpointID schemeID=\"0007\">5567890123</cbc:EndpointID>"
            ),
            "\(xml.prefix(3000))")
        let validated = try Self.validateStored(demo, number)
        #expect(validated.status == 0, "\(validated.output)\(validated.errorOutput)")
    }

    /// A security deposit: outside VAT (category O, no VAT numbers, by EN 16931 BR-O-*), valid
    /// with every layer; the PDF says it is not subject to VAT; paid back, it is credited with a
    /// credit note that is outside VAT too.
    @Test func aSecurityDepositIsOutsideVATAndSettlesADamageInvoice() throws {
        let demo = try Demo("invoicing_security")
        let booking = try #require(try demo.uninvoiced(1, company: true).first)
        let missing = try demo.eventgaraget([
            "invoices", "create", "--booking", booking, "--purpose", "security_deposit",
        ])
        #expect(missing.status != 0 && missing.errorOutput.contains("--amount"))
        let created = try demo.eventgaraget([
            "invoices", "create", "--booking", booking, "--purpose", "security_deposit", "--amount", "5000",
        ])
        #expect(created.status == 0, "\(created.errorOutput)")
        let issued = try demo.eventgaraget(["invoices", "issue", Self.draftID(created), "--date", "2026-12-01"])
        #expect(issued.status == 0, "\(issued.errorOutput)")
        let number = issued.output.dropFirst(8).trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(
            try demo.sql(
                "SELECT net_ore || ':' || vat_ore || ':' || payable_ore FROM invoices WHERE number = '\(number)'")
                == "500000:0:500000")
        let xml = try demo.eventgaraget(["invoices", "ubl", number]).output
        #expect(
            xml.contains("<cbc:ID>O</cbc:ID>") && xml.contains("VATEX-EU-O")
                && !xml.contains("<cbc:ID>VAT</cbc:ID>\n        </cac:TaxScheme>\n      </cac:PartyTaxScheme>"))
        let validated = try Self.validateStored(demo, number)
        #expect(validated.status == 0, "\(validated.output)\(validated.errorOutput)")
        let pdf = FileManager.default.temporaryDirectory.appendingPathComponent("eg-sd-\(UUID().uuidString).pdf").path
        try (try demo.eventgaraget(["invoices", "pdf", number])).stdout.write(to: URL(fileURLWithPath: pdf))
        defer { try? FileManager.default.removeItem(atPath: pdf) }
        let text = try run("/usr/bin/pdftotext", ["-layout", pdf, "-"])
        #expect(
            text.output.contains("Deposition: ej föremål för moms")
                || text.output.contains("Security deposit: not subject to VAT"))
        // Paid, and after the rental paid back: the deposit is credited.
        let depositID = try demo.sql("SELECT id FROM invoices WHERE number = '\(number)'")
        _ = try demo.sql(
            "INSERT INTO invoice_payments (invoice_id, paid_on, amount_ore, method, reference) VALUES (\(depositID), '2026-12-02', 500000, 'bankgiro', 'test')"
        )
        let credit = try demo.eventgaraget(["invoices", "credit", number])
        let note = try demo.eventgaraget(["invoices", "issue", Self.draftID(credit), "--date", "2026-12-10"])
        #expect(note.status == 0, "\(note.errorOutput)")
        let noteNumber = note.output.dropFirst(8).trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(try Self.validateStored(demo, noteNumber).status == 0, "the deposit's credit note is outside VAT too")
        #expect(
            try demo.sql(
                "SELECT count(*) FROM invoices WHERE booking_id = (SELECT id FROM bookings WHERE number = '\(booking)') AND purpose = 'security_deposit' AND kind = 'credit_note' AND state = 'issued'"
            ) == "1")
    }

    /// With `EG_UBL_VALIDATOR` (here the kit's validate-ubl) every document is validated before it
    /// is issued: a company's and a person's pass; a Peppol address with a wrong GLN check digit
    /// is refused with the rule's words, the draft stays a draft and no number is used.
    @Test func theConfiguredValidatorBlocksAnInvalidDocumentWithTheRulesWords() throws {
        let demo = try Demo("invoicing_validator")
        var env = demo.env
        env["EG_UBL_VALIDATOR"] = Self.oracles + "/validate-ubl"
        func issue(_ id: String) throws -> CommandResult {
            try run(productBinary, ["invoices", "issue", id], environment: env)
        }
        let company = try #require(try demo.uninvoiced(1, company: true).first)
        let person = try #require(
            try demo.uninvoiced().first { booking in
                (try? demo.sql(
                    "SELECT c.kind FROM bookings b JOIN customers c ON c.id = b.customer_id WHERE b.number = '\(booking)'"
                ))
                    == "person"
            })
        for booking in [company, person] {
            let draft = Self.draftID(try demo.eventgaraget(["invoices", "create", "--booking", booking]))
            let issued = try issue(draft)
            #expect(issued.status == 0 && issued.output.hasPrefix("Issued: "), "\(issued.output)\(issued.errorOutput)")
        }
        let other = try #require(try demo.uninvoiced(1, company: true).first)
        _ = try demo.sql(
            "UPDATE customers SET peppol_id = '0088:1234567890123' WHERE id = (SELECT customer_id FROM bookings WHERE number = '\(other)')"
        )
        let draft = Self.draftID(try demo.eventgaraget(["invoices", "create", "--booking", other]))
        let numbers = try demo.sql("SELECT last_number FROM number_sequences WHERE kind = 'invoice'")
        let refused = try issue(draft)
        #expect(
            refused.status != 0 && refused.errorOutput.contains("the validator refused it"), "\(refused.errorOutput)")
        #expect(
            refused.errorOutput.contains("PEPPOL-COMMON-R040") || refused.errorOutput.contains("GLN"),
            "\(refused.errorOutput)")
        #expect(try demo.sql("SELECT state FROM invoices WHERE id = \(draft)") == "draft")
        #expect(try demo.sql("SELECT last_number FROM number_sequences WHERE kind = 'invoice'") == numbers)
    }

    /// A plusgiro and an IBAN beside the bankgiro: one payment means each (SE:PLUSGIRO as the
    /// Swedish rules want it, the IBAN with its BIC), valid with every layer; the PDF says all.
    @Test func everyPaymentAccountIsAPaymentMeansAndOnThePDF() throws {
        let demo = try Demo("invoicing_accounts")
        _ = try demo.sql(
            "UPDATE settings SET plusgiro = '12345-5', iban = 'SE4550000000058398257466', bic = 'ESSESESS'")
        let booking = try #require(try demo.uninvoiced(1, company: true).first)
        let number = try demo.invoice(booking: booking)
        let xml = try demo.eventgaraget(["invoices", "ubl", number]).output
        #expect(xml.contains("<cbc:ID>SE:BANKGIRO</cbc:ID>") && xml.contains("<cbc:ID>SE:PLUSGIRO</cbc:ID>"))
        #expect(xml.contains("<cbc:ID>SE4550000000058398257466</cbc:ID>") && xml.contains("<cbc:ID>ESSESESS</cbc:ID>"))
        let validated = try Self.validateStored(demo, number)
        #expect(validated.status == 0, "\(validated.output)\(validated.errorOutput)")
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("eg-\(UUID().uuidString).pdf").path
        try (try demo.eventgaraget(["invoices", "pdf", number])).stdout.write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let text = try run("/usr/bin/pdftotext", [path, "-"]).output.replacingOccurrences(of: "\n", with: " ")
        #expect(text.contains("Plusgiro 12345-5") && text.contains("IBAN SE4550000000058398257466"), "\(text)")
    }

    /// The year's bookkeeping as SIE 4I: accepted by `check-sie --strict` (CP437, balanced
    /// vouchers, #KSUMMA), and read back to the same balances as the database.
    @Test func theSIEExportPassesTheCheckerAndBalancesToTheDatabase() throws {
        let demo = try Demo("invoicing_sie")
        let year = try demo.sql("SELECT extract(year FROM now() AT TIME ZONE 'Europe/Stockholm')::int")
        let exported = try demo.eventgaraget(["export", "sie", "--from", "\(year)-01-01", "--to", "\(year)-12-31"])
        #expect(exported.status == 0, "\(exported.errorOutput)")
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("eg-\(UUID().uuidString).si").path
        try exported.stdout.write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let checked = try run(Self.oracles + "/check-sie", ["--strict", path])
        #expect(checked.status == 0 && checked.output.contains("KSUMMA ok"), "\(checked.output)")
        #expect(
            !exported.stdout.starts(with: [0xEF, 0xBB, 0xBF]) && exported.stdout.contains(0x94), "CP437: ö is 0x94")

        // Read back with Python, independent of our writer: the balance of each account.
        let read = try run(
            "/usr/bin/python3",
            [
                "-c",
                """
                import sys, collections
                totals = collections.Counter()
                for line in open(sys.argv[1], encoding="cp437", newline="").read().split(chr(13) + chr(10)):
                    if line.startswith("#TRANS "):
                        parts = line.split()
                        totals[parts[1]] += round(float(parts[3]) * 100)
                print(" ".join("%s=%d" % (k, v) for k, v in sorted(totals.items())))
                """, path,
            ])
        let balances = Dictionary(
            uniqueKeysWithValues: read.output.split(whereSeparator: \.isWhitespace).map { pair -> (String, Int) in
                let parts = pair.split(separator: "=")
                return (String(parts[0]), Int(parts[1]) ?? 0)
            })
        let receivable = try demo.sql(
            """
            SELECT (SELECT coalesce(sum(CASE kind WHEN 'invoice' THEN payable_ore ELSE -payable_ore END), 0) FROM invoices WHERE state = 'issued')
                 - (SELECT coalesce(sum(amount_ore), 0) FROM invoice_payments)
            """)
        let vat25 = try demo.sql(
            """
            SELECT coalesce(sum(CASE i.kind WHEN 'invoice' THEN -(r->>'vat_ore')::bigint ELSE (r->>'vat_ore')::bigint END), 0)
              FROM invoices i, jsonb_array_elements(i.vat_breakdown) r WHERE i.state = 'issued' AND (r->>'rate_bp')::int = 2500
            """)
        #expect(balances["1510"] == Int(receivable), "\(balances)")
        #expect(balances["2611"] == Int(vat25))
        #expect(balances["1930"] == Int(try demo.sql("SELECT sum(amount_ore) FROM invoice_payments")))
        #expect(balances.values.reduce(0, +) == 0, "every voucher balances")

        let twoYears = try demo.eventgaraget(["export", "sie", "--from", "2025-12-01", "--to", "2026-01-31"])
        #expect(twoYears.status != 0 && twoYears.errorOutput.contains("one fiscal year at a time"))
    }

    /// The archived PDF, read back with pdftotext, says what the UBL says: number, dates, OCR,
    /// the amount to pay, how to pay, and the seller's legal facts; its SHA-256 is stored.
    @Test func theArchivedPDFSaysWhatTheUBLSays() throws {
        let demo = try Demo("invoicing_pdf")
        let number = try demo.sql("SELECT min(number) FROM invoices WHERE kind = 'invoice' AND rounding_ore <> 0")
        let pdf = try demo.eventgaraget(["invoices", "pdf", number])
        #expect(pdf.status == 0 && pdf.stdout.starts(with: Array("%PDF-".utf8)))
        #expect(
            try demo.sql(
                "SELECT pdf_sha256 = encode(sha256(pdf), 'hex') AND octet_length(pdf) = \(pdf.stdout.count) FROM invoices WHERE number = '\(number)'"
            )
                == "t")
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("eg-\(UUID().uuidString).pdf").path
        try pdf.stdout.write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let text = try run("/usr/bin/pdftotext", ["-layout", path, "-"]).output
        let facts = try demo.sql(
            """
            SELECT ocr || '|' || issue_date || '|' || due_date || '|' || payable_ore || '|' || rounding_ore
              FROM invoices WHERE number = '\(number)'
            """
        ).split(separator: "|").map(String.init)
        #expect(text.contains("Faktura \(number)"))
        #expect(text.contains(facts[0]) && text.contains(facts[1]) && text.contains(facts[2]))
        let kronor = (Int(facts[3]) ?? 0) / 100
        let grouped = kronor >= 1000 ? "\(kronor / 1000) \(String(format: "%03d", kronor % 1000))" : String(kronor)
        #expect(text.contains("Att betala") && text.contains("\(grouped),00 kr"), "\(text)")
        #expect(text.contains("Öresavrundning"))
        #expect(text.contains("Bankgiro 5050-1055") && text.contains("Godkänd för F-skatt"))
        #expect(text.contains("Momsreg.nr SE559123456101") && text.contains("Säte Göteborg"))
        let xml = try demo.eventgaraget(["invoices", "ubl", number]).output
        #expect(xml.contains("<cbc:PayableAmount currencyID=\"SEK\">\(kronor).00</cbc:PayableAmount>"), "PDF = UBL")
    }

    /// The company's logo from the settings heads the PDF: a PNG drawn by cairo, a JPEG embedded as
    /// it is (pdfimages lists it with its pixel size and encoding).
    @Test func theCompanysLogoHeadsTheInvoicePDF() throws {
        let demo = try Demo("invoicing_logo")
        let bookings = try demo.uninvoiced(2)
        #expect(bookings.count == 2)
        for (index, (image, mime)) in [
            (TestImages.png(width: 24, height: 6), "image/png"), (TestImages.jpeg, "image/jpeg"),
        ]
        .enumerated() {
            let hex = image.map { String(format: "%02x", $0) }.joined()
            _ = try demo.sql(
                """
                UPDATE settings SET logo = decode('\(hex)', 'hex'), logo_mime = '\(mime)',
                       logo_sha256 = sha256(decode('\(hex)', 'hex'))
                """)
            let number = try demo.invoice(booking: bookings[index])
            let path = FileManager.default.temporaryDirectory.appendingPathComponent("eg-\(UUID().uuidString).pdf").path
            try (try demo.eventgaraget(["invoices", "pdf", number])).stdout.write(to: URL(fileURLWithPath: path))
            defer { try? FileManager.default.removeItem(atPath: path) }
            let listed = try run("/usr/bin/pdfimages", ["-list", path]).output
            let rows = listed.split(separator: "\n").dropFirst(2).map { $0.split(separator: " ").map(String.init) }
            #expect(rows.count == 1, "\(listed)")
            if mime == "image/png" {
                #expect(rows.first?[3] == "24" && rows.first?[4] == "6", "\(listed)")
            } else {
                #expect(rows.first?.contains("jpeg") == true, "the JPEG is embedded as it is: \(listed)")
            }
        }
    }

    /// Five processes issue at the same moment: five numbers, no gap, no duplicate.
    @Test func concurrentIssuesShareNoNumberAndSkipNone() throws {
        let demo = try Demo("invoicing_concurrent")
        var ids: [String] = []
        let before = Int(try demo.sql("SELECT last_number FROM number_sequences WHERE kind = 'invoice'")) ?? 0
        for booking in try demo.uninvoiced(5) {
            let created = try demo.eventgaraget(["invoices", "create", "--booking", booking])
            ids.append(
                created.output.split(whereSeparator: { $0 == " " || $0 == "\n" }).dropFirst().first.map(String.init)
                    ?? "")
        }
        let processes = try ids.map { id -> Process in
            let process = Process()
            process.executableURL = URL(fileURLWithPath: productBinary)
            process.arguments = ["invoices", "issue", id]
            process.environment = demo.env
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            return process
        }
        for process in processes { process.waitUntilExit() }
        #expect(processes.allSatisfy { $0.terminationStatus == 0 })
        #expect(
            try demo.sql(
                "SELECT string_agg(number, ',' ORDER BY number) FROM invoices WHERE id IN (\(ids.joined(separator: ",")))"
            )
                == (before + 1...before + 5).map { String(format: "F-2026-%04d", $0) }.joined(separator: ","))
    }

    /// The draft's id from `Draft: N …`.
    static func draftID(_ result: CommandResult) -> String {
        result.output.split(whereSeparator: { $0 == " " || $0 == "\n" }).dropFirst().first.map(String.init) ?? ""
    }

    /// Writes the stored UBL of `number` to a temporary file and validates it.
    static func validateStored(_ demo: Demo, _ number: String, layers: String? = nil) throws -> CommandResult {
        let xml = try demo.eventgaraget(["invoices", "ubl", number]).output
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("eg-\(UUID().uuidString).xml").path
        try Data(xml.utf8).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        return try validate([path], layers: layers)
    }

    /// A deposit of the settings' 30 % and the final invoice for the balance: each passes every
    /// layer; per VAT rate the deposit and the final add up to the whole booking to the öre; a
    /// full invoice after the deposit is refused (the balance is the final invoice).
    @Test func aDepositAndItsFinalInvoiceAddUpToTheBookingAndPassTheValidators() throws {
        let demo = try Demo("invoicing_deposit")
        let booking = try #require(try demo.uninvoiced(1, company: true).first)
        let final = try demo.eventgaraget(["invoices", "create", "--booking", booking, "--purpose", "final"])
        #expect(final.status != 0 && final.errorOutput.contains("no_issued_deposit"), "no deposit yet")
        let deposit = try demo.eventgaraget(["invoices", "create", "--booking", booking, "--purpose", "deposit"])
        #expect(deposit.status == 0, "\(deposit.errorOutput)")
        let depositID = Self.draftID(deposit)
        #expect(try demo.sql("SELECT purpose FROM invoices WHERE id = \(depositID)") == "deposit")
        let issuedDeposit = try demo.eventgaraget(["invoices", "issue", depositID, "--date", "2026-11-20"])
        #expect(issuedDeposit.status == 0, "\(issuedDeposit.errorOutput)")
        let depositNumber = issuedDeposit.output.dropFirst(8).trimmingCharacters(in: .whitespacesAndNewlines)
        let full = try demo.eventgaraget(["invoices", "create", "--booking", booking])
        #expect(full.status != 0 && full.errorOutput.contains("use_final"))
        let finalDraft = try demo.eventgaraget(["invoices", "create", "--booking", booking, "--purpose", "final"])
        #expect(finalDraft.status == 0, "\(finalDraft.errorOutput)")
        let finalIssued = try demo.eventgaraget(["invoices", "issue", Self.draftID(finalDraft), "--date", "2026-12-07"])
        #expect(finalIssued.status == 0, "\(finalIssued.errorOutput)")
        let finalNumber = finalIssued.output.dropFirst(8).trimmingCharacters(in: .whitespacesAndNewlines)
        for number in [depositNumber, finalNumber] {
            let validated = try Self.validateStored(demo, number)
            #expect(validated.status == 0, "\(number): \(validated.output)\(validated.errorOutput)")
        }
        let finalXML = try demo.eventgaraget(["invoices", "ubl", finalNumber]).output
        #expect(finalXML.contains("Avgår förskottsfaktura \(depositNumber)"), "the final invoice names the deposit")
        // Per rate: deposit + final = the booking's lines less its discount (the signed totals).
        let sums = try demo.sql(
            """
            SELECT (SELECT sum(net_ore) FROM invoices WHERE number IN ('\(depositNumber)', '\(finalNumber)'))
                   || ':' || (b.subtotal_ore - b.discount_ore + b.shipping_ore)
                   || ':' || (SELECT sum(vat_ore) FROM invoices WHERE number IN ('\(depositNumber)', '\(finalNumber)'))
                   || ':' || b.vat_ore
              FROM bookings b WHERE b.number = '\(booking)'
            """
        ).split(separator: ":").map(String.init)
        #expect(sums.count == 4 && sums[0] == sums[1], "\(sums)")
        // VAT once per document: at most an öre of difference per document against the signed VAT.
        if sums.count == 4, let paid = Int(sums[2]), let signed = Int(sums[3]) { #expect(abs(paid - signed) <= 2) }
        let ratio = try demo.sql(
            """
            SELECT round(100.0 * d.net_ore / (d.net_ore + f.net_ore)) FROM invoices d, invoices f
             WHERE d.number = '\(depositNumber)' AND f.number = '\(finalNumber)'
            """)
        #expect(ratio == "30")
    }

    /// A stand-alone invoice with 25, 12 and 6 % lines and a discount at 12 %, written on the
    /// draft (here in SQL, as the page's editor stores it), passes every layer with its VAT per
    /// rate; a draft without lines or with nothing to pay is not issued.
    @Test func aStandaloneInvoiceWithMixedRatesPassesTheValidators() throws {
        let demo = try Demo("invoicing_standalone")
        let customer = try demo.sql(
            "SELECT min(id) FROM customers WHERE kind = 'company' AND org_number IS NOT NULL AND archived_at IS NULL")
        let created = try demo.eventgaraget(["invoices", "create", "--customer", customer])
        #expect(created.status == 0, "\(created.errorOutput)")
        let id = Self.draftID(created)
        let empty = try demo.eventgaraget(["invoices", "issue", id])
        #expect(empty.status != 0 && empty.errorOutput.contains("at least one line"), "\(empty.errorOutput)")
        _ = try demo.sql(
            """
            UPDATE invoices SET lines = '[{"description":"Städning","quantity":1,"unit":"EA","unitPrice":150000,"discount":0,"vatRate":2500},
                                          {"description":"Lunch","quantity":40,"unit":"EA","unitPrice":12990,"discount":0,"vatRate":1200},
                                          {"description":"Program","quantity":40,"unit":"EA","unitPrice":3333,"discount":0,"vatRate":600}]',
                                allowances = '[{"reason":"Rabatt lunch","amount":10000,"vatRate":1200}]'
             WHERE id = \(id)
            """)
        let issued = try demo.eventgaraget(["invoices", "issue", id, "--date", "2026-12-07"])
        #expect(issued.status == 0, "\(issued.errorOutput)")
        let number = issued.output.dropFirst(8).trimmingCharacters(in: .whitespacesAndNewlines)
        // 25 %: 1 500.00 → 375.00; 12 %: 5 196.00 − 100.00 = 5 096.00 → 611.52; 6 %: 1 333.20 → 79.99.
        #expect(
            try demo.sql("SELECT vat_breakdown::text FROM invoices WHERE id = \(id)")
                == #"[{"rate_bp": 2500, "vat_ore": 37500, "taxable_ore": 150000}, {"rate_bp": 1200, "vat_ore": 61152, "taxable_ore": 509600}, {"rate_bp": 600, "vat_ore": 7999, "taxable_ore": 133320}]"#
        )
        let validated = try Self.validateStored(demo, number)
        #expect(validated.status == 0, "\(validated.output)\(validated.errorOutput)")
    }

    /// A partial credit (one line, fewer pieces) and then the rest: both pass the validators;
    /// together they take back exactly the invoice; the invoice reads as credited; a credit beyond
    /// what is left is refused and nothing is stored.
    @Test func partialCreditNotesNeverExceedTheInvoice() throws {
        let demo = try Demo("invoicing_partial")
        let booking = try #require(try demo.uninvoiced(1, company: true).first)
        let invoice = try demo.invoice(booking: booking, date: "2026-12-01")
        let invoiceID = try demo.sql("SELECT id FROM invoices WHERE number = '\(invoice)'")
        let first = Self.draftID(try demo.eventgaraget(["invoices", "credit", invoice]))
        // Staff keep only the first line, with one piece (or day) of it.
        _ = try demo.sql(
            """
            UPDATE invoices SET lines = jsonb_build_array(jsonb_set(lines->0, '{quantity}', '1')), allowances = '[]'
             WHERE id = \(first)
            """)
        let issuedFirst = try demo.eventgaraget(["invoices", "issue", first, "--date", "2026-12-03"])
        #expect(issuedFirst.status == 0, "\(issuedFirst.errorOutput)")
        let firstNumber = issuedFirst.output.dropFirst(8).trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(try Self.validateStored(demo, firstNumber).status == 0)
        let status = try demo.eventgaraget(["invoices", "list"]).output.split(separator: "\n")
            .first { $0.hasPrefix(invoice + "\t") }
        #expect(status?.contains("\tcredited\t") == false, "partly credited is not credited")

        // The rest: what the first did not take.
        let second = Self.draftID(try demo.eventgaraget(["invoices", "credit", invoice]))
        #expect(second != first)
        let firstLine = try demo.sql("SELECT (lines->0->>'quantity')::int FROM invoices WHERE id = \(invoiceID)")
        #expect(
            try demo.sql("SELECT coalesce((lines->0->>'quantity')::int, 0) FROM invoices WHERE id = \(second)")
                == String((Int(firstLine) ?? 0) - 1) || firstLine == "1")
        // One more piece than is left, at the first line's rate: refused, nothing stored.
        _ = try demo.sql(
            "UPDATE invoices SET lines = jsonb_set(lines, '{0,quantity}', to_jsonb((lines->0->>'quantity')::int + 1)) WHERE id = \(second)"
        )
        let refused = try demo.eventgaraget(["invoices", "issue", second])
        #expect(refused.status != 0 && refused.errorOutput.contains("exceeds what is left"), "\(refused.errorOutput)")
        #expect(try demo.sql("SELECT state FROM invoices WHERE id = \(second)") == "draft")
        _ = try demo.sql(
            "UPDATE invoices SET lines = jsonb_set(lines, '{0,quantity}', to_jsonb((lines->0->>'quantity')::int - 1)) WHERE id = \(second)"
        )
        let issuedSecond = try demo.eventgaraget(["invoices", "issue", second, "--date", "2026-12-04"])
        #expect(issuedSecond.status == 0, "\(issuedSecond.errorOutput)")
        let secondNumber = issuedSecond.output.dropFirst(8).trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(try Self.validateStored(demo, secondNumber).status == 0)
        #expect(
            try demo.sql(
                "SELECT (sum(net_ore) = (SELECT net_ore FROM invoices WHERE id = \(invoiceID)))::text FROM invoices WHERE credited_invoice_id = \(invoiceID)"
            ) == "true")
        let after = try demo.eventgaraget(["invoices", "list"]).output.split(separator: "\n")
            .first { $0.hasPrefix(invoice + "\t") }
        #expect(after?.contains("\tcredited\t") == true, "\(after ?? "")")
        #expect(try demo.eventgaraget(["invoices", "credit", invoice]).output.contains("credited already"))
    }
}
