import Database
import Domain
import Foundation

/// The demo's BgMax import: yesterday's file from Bankgirot with one payment whose OCR reference
/// was mistyped by the payer, so a fresh `scripts/run` shows the unmatched queue on the payments
/// page. Imported through the same store as the command and the page.
enum DemoPayments {
    static func seed(_ tx: Connection, staff: UserID) throws {
        let today = BusinessCalendar.today()
        let day = try today.adding(days: -1).iso.replacingOccurrences(of: "-", with: "")
        let bankgiro = try InvoiceStore.settings(tx).seller.bankgiro.filter { $0.isASCII && $0.isNumber }
        func pad(_ text: String, _ width: Int, _ fill: Character = "0") -> String {
            String(repeating: String(fill), count: max(0, width - text.count)) + text
        }
        // The manual's layouts: TK01, TK05, TK20, TK26, TK15, TK70.
        let records = [
            "01BGMAX               01\(day)073000000000P",
            "05\(pad(bankgiro, 10))          SEK",
            "20\(pad("56781234", 10))\(pad("2026000109", 25, " "))\(pad("1250000", 18))21\(pad("4711", 12))0",
            "26Åsa Öberg",
            "15\(pad("99001234567", 35))\(day)00001\(pad("1250000", 18))SEK\(pad("1", 8))K",
            "70\(pad("1", 8))\(pad("0", 8))\(pad("0", 8))\(pad("1", 8))",
        ]
        let bytes: [UInt8] = records.flatMap { line -> [UInt8] in
            let padded = line + String(repeating: " ", count: 80 - line.count)
            return padded.unicodeScalars.map { UInt8(truncatingIfNeeded: $0.value) } + [13, 10]
        }
        _ = try PaymentImportStore.importFile(
            tx, file: try BgMaxFile.parse(bytes), bytes: bytes, fileName: "BgMax-\(day).txt", importedBy: staff,
            actor: AuditActor(kind: .user, userID: staff))
    }
}
