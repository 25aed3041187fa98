import Domain
import TestSupport
import Testing

/// What a BgMax import decides, without a database: whether the file is the company's to book, and
/// where each payment goes.
@Suite("Payment import rules")
struct PaymentImportRulesTests {
    static func file(
        bankgiro: String = "50501055", test: Bool = false, _ add: (inout BgMaxWriter) -> Void
    ) throws
        -> BgMaxFile
    {
        var file = BgMaxWriter(test: test)
        file.open(bankgiro: bankgiro)
        add(&file)
        file.deposit(date: "20261207")
        file.end()
        return try BgMaxFile.parse(file.bytes)
    }

    @Test func onlyTheCompanysProductionFileIsBooked() throws {
        let ours = try Self.file { $0.payment(reference: "2026000104", ore: 100, serial: 1) }
        #expect(PaymentImportRules.refusal(ours, bankgiro: "5050-1055") == nil)
        #expect(PaymentImportRules.refusal(ours, bankgiro: "") == .noBankgiro)
        #expect(
            PaymentImportRules.refusal(ours, bankgiro: "991-2346")
                == .otherBankgiro(file: "50501055", settings: "9912346"))
        let test = try Self.file(test: true) { $0.payment(reference: "2026000104", ore: 100, serial: 1) }
        #expect(PaymentImportRules.refusal(test, bankgiro: "5050-1055") == .testFile)
        #expect(PaymentImportRules.digits("0505-1055") == "5051055")
    }

    @Test func eachPaymentIsBookedOrQueuedWithItsReason() throws {
        let ocr = try #require(OCRReference(base: "20260001"))
        let file = try Self.file {
            $0.payment(reference: ocr.digits, ore: 100, serial: 1)
            $0.payment(reference: "2026 0001 05", ore: 100, serial: 2)  // as typed, with spaces
            $0.payment(reference: "2026000109", ore: 100, serial: 3)  // a wrong check digit
            $0.payment(reference: "", ore: 100, serial: 4)
            $0.payment(reference: ocr.digits, ore: 0, serial: 5)
            $0.payment(reference: ocr.digits, ore: 100, serial: 6)
            $0.extraReference("2026000203", ore: 50, serial: 6)
            $0.payment(reference: ocr.digits, ore: 10, serial: 7, deduction: 0)
        }
        let payments = file.sections[0].payments
        let invoice = PaymentImportRules.Invoice(id: 7, credited: false)
        #expect(PaymentImportRules.decide(payments[0], invoice: invoice) == .book(invoiceID: 7, ocr: ocr))
        #expect(PaymentImportRules.decide(payments[1], invoice: invoice) == .book(invoiceID: 7, ocr: ocr))
        #expect(PaymentImportRules.decide(payments[0], invoice: nil) == .queue(.unknownReference))
        #expect(
            PaymentImportRules.decide(payments[0], invoice: .init(id: 7, credited: true)) == .queue(.credited))
        #expect(PaymentImportRules.decide(payments[2], invoice: nil) == .queue(.invalidReference))
        #expect(PaymentImportRules.decide(payments[3], invoice: nil) == .queue(.invalidReference))
        #expect(PaymentImportRules.decide(payments[4], invoice: invoice) == .queue(.zeroAmount))
        #expect(PaymentImportRules.decide(payments[5], invoice: invoice) == .queue(.severalReferences))
        #expect(PaymentImportRules.decide(payments[6], invoice: invoice) == .queue(.deduction))
        // The same payment in another file has the same identity.
        #expect(PaymentImportRules.key(payments[0], in: file.sections[0]) == "50501055/2026-12-07/000000000001")
    }
}
