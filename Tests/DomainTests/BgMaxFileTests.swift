import Domain
import Foundation
import TestSupport
import Testing

/// Bankgirot's BgMax file read by the technical manual's layouts: a file with two deposits, a
/// deduction, extra references and a payer named in ISO-8859-1; every way a file can be cut,
/// miscounted or malformed is refused with its line.
@Suite("BgMax files")
struct BgMaxFileTests {
    /// Two deposits: three payments (one with extra references and an information text, one from
    /// Åsa Öberg with her address and organisation number) and a deduction.
    static func sample() -> BgMaxWriter {
        var file = BgMaxWriter(written: "20261208073012345678")
        file.open(bankgiro: "50501055")
        file.payment(reference: "2026000104", ore: 1_250_000, serial: 101, sender: "56781234")
        file.name("Åsa Öberg", extra: "Ängsgården")
        file.address("Storgatan 2", postalCode: "41101")
        file.city("Göteborg", country: "Sverige", code: "SE")
        file.organisationNumber("5560123456")
        file.payment(reference: "12345", ore: 50_000, serial: 102, referenceCode: 3, channel: 2, deduction: 0)
        file.deposit(date: "20261207", serial: 11)
        file.open(bankgiro: "50501055")
        file.payment(reference: "2026000203 2026000302", ore: 300_000, serial: 201, referenceCode: 3, channel: 3)
        file.extraReference("2026000203", ore: 100_000, serial: 201)
        file.extraReference("2026000302", ore: 200_000, serial: 201)
        file.information("Fakturor 2 och 3")
        file.deposit(date: "20261208", serial: 12)
        file.end()
        return file
    }

    static func parse(_ file: BgMaxWriter) throws(BgMaxError) -> BgMaxFile { try BgMaxFile.parse(file.bytes) }

    @Test func aFileIsReadRecordByRecord() throws {
        let file = try Self.parse(Self.sample())
        #expect(file.header.layoutName == "BGMAX" && file.header.version == 1 && !file.header.isTest)
        #expect(file.header.writtenAt == "20261208073012345678")
        #expect(file.sections.count == 2)
        let first = file.sections[0]
        #expect(first.receivingBankgiro == "50501055" && first.currency == "SEK")
        #expect(first.paymentDate.iso == "2026-12-07" && first.depositSerial == 11)
        #expect(first.depositAmount.ore == 1_250_000 - 50_000, "the payments less the deduction")
        #expect(first.bankAccount == "99001234567")
        let paid = first.payments[0]
        #expect(paid.kind == .payment && paid.line == 3)
        #expect(paid.senderBankgiro == "56781234" && paid.reference == "2026000104")
        #expect(paid.amount.ore == 1_250_000 && paid.referenceCode == 2 && paid.channel == 1)
        #expect(paid.bgcSerial == "000000000101" && !paid.hasImage)
        #expect(paid.name == "Åsa Öberg" && paid.extraName == "Ängsgården")
        #expect(paid.address == "Storgatan 2" && paid.postalCode == "41101")
        #expect(paid.city == "Göteborg" && paid.country == "Sverige" && paid.countryCode == "SE")
        #expect(paid.organisationNumber == "005560123456")
        let deduction = first.payments[1]
        #expect(deduction.kind == .deduction(code: 0) && deduction.amount.ore == 50_000)
        #expect(deduction.senderBankgiro == "" && deduction.reference == "12345" && deduction.channel == 2)
        let several = file.sections[1].payments[0]
        #expect(several.extraReferences.map(\.reference) == ["2026000203", "2026000302"])
        #expect(several.extraReferences.map(\.amount.ore) == [100_000, 200_000])
        #expect(several.information == ["Fakturor 2 och 3"])
        #expect(file.counts.payments == 2 && file.counts.deductions == 1)
        #expect(file.counts.extraReferences == 2 && file.counts.deposits == 2)
        #expect(file.entries.count == 3)
    }

    /// A record of Bankgirot's own example file (the manual's layout, written out by hand):
    /// bankgiro 378-3511 paid 1 000.00 kr with the OCR reference 655969, by LB, serial 10.
    @Test func bankgirotsExampleRecordReadsAsTheManualSays() throws {
        var file = BgMaxWriter()
        file.open(bankgiro: "9912346")
        file.raw("200003783511                   655969000000000000100000220000000000100          ")
        file.deposit(date: "20040525", ore: 100_000, count: 1)
        file.end(payments: 1)
        let payment = try Self.parse(file).sections[0].payments[0]
        #expect(payment.senderBankgiro == "3783511" && payment.reference == "655969")
        #expect(payment.amount.ore == 100_000 && payment.referenceCode == 2 && payment.channel == 2)
        #expect(payment.bgcSerial == "000000000010")
    }

    @Test func lineEndsTrailingSpacesAndUnknownRecordsAreTolerated() throws {
        let crlf = try BgMaxFile.parse(Self.sample().bytes)
        // LF only, the records' trailing spaces cut (as an editor would), no final line end.
        let lf = Self.sample().lines.map { $0.replacingOccurrences(of: " +$", with: "", options: .regularExpression) }
            .joined(separator: "\n")
        #expect(try BgMaxFile.parse(lf.unicodeScalars.map { UInt8($0.value) }) == crlf)
        // A record of a code the manual does not define is skipped…
        var unknown = Self.sample()
        unknown.lines.insert("99 a record of a code the manual does not define", at: 3)
        #expect(try Self.parse(unknown).entries.count == 3)
        // …but nothing may follow the end record.
        var after = Self.sample()
        after.raw("99 after the end")
        #expect(throws: BgMaxError.unexpectedRecord(line: 17, code: "99", context: .afterEnd)) {
            try Self.parse(after)
        }
    }

    @Test func wrongCountsAreRefused() throws {
        // Each count of the end record, one too many or too few.
        let cases: [(BgMaxError.CountField, (inout BgMaxWriter) -> Void, Int, Int)] = [
            (.payments, { $0.end(payments: 3) }, 3, 2), (.deductions, { $0.end(deductions: 0) }, 0, 1),
            (.extraReferences, { $0.end(extraReferences: 1) }, 1, 2), (.deposits, { $0.end(deposits: 1) }, 1, 2),
        ]
        for (field, end, stated, found) in cases {
            var file = Self.sample()
            file.lines.removeLast()
            end(&file)
            #expect(throws: BgMaxError.countMismatch(line: 16, field: field, stated: stated, found: found)) {
                try Self.parse(file)
            }
        }
        // A deposit that does not add up: its amount, or its number of payments.
        var deposit = BgMaxWriter()
        deposit.open(bankgiro: "50501055")
        deposit.payment(reference: "2026000104", ore: 100, serial: 1)
        deposit.deposit(date: "20261207", ore: 101)
        deposit.end()
        #expect(
            throws: BgMaxError.depositMismatch(line: 4, statedOre: 101, foundOre: 100, statedCount: 1, foundCount: 1)
        ) { try Self.parse(deposit) }
    }

    @Test func malformedFilesAreRefusedWithTheirLine() throws {
        #expect(throws: BgMaxError.empty) { try BgMaxFile.parse([]) }
        #expect(throws: BgMaxError.notBgMax) { try BgMaxFile.parse(Array("hello, world\n".utf8)) }
        #expect(throws: BgMaxError.notBgMax) { try BgMaxFile.parse(Array("01AUTOGIRO\n".utf8)) }

        var cut = Self.sample()
        cut.lines.removeLast()
        #expect(throws: BgMaxError.missingEndRecord) { try Self.parse(cut) }

        var long = Self.sample()
        long.lines[2] += String(repeating: "0", count: 81 - long.lines[2].count)
        #expect(throws: BgMaxError.lineTooLong(line: 3, length: 81)) { try Self.parse(long) }

        var amount = Self.sample()
        amount.lines[2] = amount.lines[2].replacingCharacter(at: 40, with: "X")
        #expect(throws: BgMaxError.invalidField(line: 3, code: "20", field: .amount)) { try Self.parse(amount) }

        var date = Self.sample()
        date.lines[8] = date.lines[8].replacingCharacter(at: 41, with: "9")  // month 19
        #expect(throws: BgMaxError.invalidField(line: 9, code: "15", field: .paymentDate)) { try Self.parse(date) }

        var code = Self.sample()
        code.lines[3] = "X6" + code.lines[3].dropFirst(2)
        #expect(throws: BgMaxError.invalidField(line: 4, code: "X6", field: .transactionCode)) { try Self.parse(code) }

        var orphan = BgMaxWriter()
        orphan.payment(reference: "1", ore: 1, serial: 1)
        #expect(throws: BgMaxError.unexpectedRecord(line: 2, code: "20", context: .outsideSection)) {
            try Self.parse(orphan)
        }
        var nameFirst = BgMaxWriter()
        nameFirst.open(bankgiro: "50501055")
        nameFirst.name("Åsa Öberg")
        #expect(throws: BgMaxError.unexpectedRecord(line: 3, code: "26", context: .withoutPayment)) {
            try Self.parse(nameFirst)
        }
        var unclosed = BgMaxWriter()
        unclosed.open(bankgiro: "50501055")
        unclosed.payment(reference: "1", ore: 1, serial: 1)
        unclosed.end()
        #expect(throws: BgMaxError.unexpectedRecord(line: 4, code: "70", context: .sectionNotClosed)) {
            try Self.parse(unclosed)
        }
        var marker = Self.sample()
        marker.lines[0] = marker.lines[0].replacingCharacter(at: 44, with: "X")
        #expect(throws: BgMaxError.invalidField(line: 1, code: "01", field: .testMarker)) { try Self.parse(marker) }
        // The description names the line and the field, for the command line.
        #expect(
            BgMaxError.invalidField(line: 3, code: "20", field: .amount).description
                == "line 3: TK20 has an invalid amount")
    }

    @Test func aTestFileIsMarked() throws {
        var file = BgMaxWriter(test: true)
        file.open(bankgiro: "50501055")
        file.payment(reference: "2026000104", ore: 100, serial: 1)
        file.deposit(date: "20261207")
        file.end()
        #expect(try Self.parse(file).header.isTest)
    }
}

extension String {
    /// The text with the character at `offset` (from 0) replaced.
    func replacingCharacter(at offset: Int, with replacement: Character) -> String {
        var characters = Array(self)
        characters[offset] = replacement
        return String(characters)
    }
}
