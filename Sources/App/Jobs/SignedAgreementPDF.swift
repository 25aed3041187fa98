import Database
import Documents
import Domain
import Foundation
import Templates

/// Renders the signed agreement of a version into a PDF and stores it once (with its SHA-256).
/// Both the PDF job and the confirmation email use it, so the email never waits for the other job.
enum SignedAgreementPDF {
    struct NotSigned: Error, CustomStringConvertible {
        let versionID: Int64
        var description: String { "quotation version \(versionID) has no signature and booking" }
    }

    /// The stored PDF, rendering and storing it first when needed.
    static func ensure(_ db: Connection, versionID: Int64) throws -> (inputs: SignedAgreementInputs, pdf: [UInt8]) {
        guard let inputs = try SignedAgreementStore.inputs(db, versionID: versionID) else { throw NotSigned(versionID: versionID) }
        if let stored = try SignedAgreementStore.pdf(db, versionID: versionID) { return (inputs, stored) }
        let pdf = try AgreementRenderer.render(try document(inputs))
        try SignedAgreementStore.storePDF(
            db, versionID: versionID, bookingID: inputs.bookingID, fileName: fileName(inputs),
            content: pdf, sha256: SHA256.hash(pdf))
        // Another worker may have stored one a moment earlier: the stored one is the document.
        return (inputs, try SignedAgreementStore.pdf(db, versionID: versionID) ?? pdf)
    }

    static func fileName(_ inputs: SignedAgreementInputs) -> String { "avtal-\(inputs.bookingNumber).pdf" }

    static func document(_ inputs: SignedAgreementInputs) throws -> AgreementDocument {
        let snapshot = try QuotationSnapshot(canonicalJSON: inputs.snapshotJSON)
        let language = Language(rawValue: inputs.customerLocale) ?? .default
        let sv = language == .sv
        let totals = snapshot.totals
        let money = { (amount: Money) in amount.formatted(language) }
        var totalRows = [AgreementTotal(label: sv ? "Summa artiklar" : "Items", amount: money(totals.linesSubtotal))]
        if !totals.discount.isZero { totalRows.append(.init(label: sv ? "Rabatt" : "Discount", amount: "−" + money(totals.discount))) }
        if !totals.shipping.isZero { totalRows.append(.init(label: sv ? "Frakt" : "Delivery", amount: money(totals.shipping))) }
        totalRows.append(.init(label: sv ? "Summa exkl. moms" : "Total excl. VAT", amount: money(totals.net)))
        totalRows.append(.init(label: (sv ? "Moms " : "VAT ") + totals.vatRate.formatted(language), amount: money(totals.vat)))
        totalRows.append(.init(label: sv ? "Att betala" : "Total to pay", amount: money(totals.total), emphasised: true))

        let customer = snapshot.customer
        var customerLines = [customer.displayName]
        if customer.kind == .company && !customer.name.isEmpty { customerLines.append(customer.name) }
        customerLines += customer.billingAddress.printedLines
        customerLines += [customer.email, customer.phone].filter { !$0.isEmpty }

        let signature: Documents.Signature
        if inputs.method == "drawn", let strokes = inputs.strokesJSON {
            signature = .drawn(drawing(fromJSON: strokes))
        } else {
            signature = .typed(name: inputs.typedText ?? inputs.signerName)
        }
        let period = "\(snapshot.period.start.iso) – \(snapshot.period.end.iso) (\(snapshot.period.days) \(sv ? "dagar" : "days"))"
        return AgreementDocument(
            language: language, company: snapshot.company, title: sv ? "Hyresavtal" : "Rental agreement",
            quotationNumber: snapshot.number.description, quotationVersion: snapshot.version,
            bookingNumber: inputs.bookingNumber, customerLines: customerLines, rentalPeriod: period,
            deliveryAddress: snapshot.deliveryAddress.printedLines,
            lines: totals.lines.map {
                AgreementLine(
                    name: $0.line.description, quantity: String($0.line.quantity), days: String($0.days),
                    unitPrice: money($0.line.unitPrice), lineTotal: money($0.total))
            },
            totals: totalRows, terms: TermsBlock.blocks(fromPlainText: plainText(fromSanitizedHTML: snapshot.termsHTML)),
            signature: signature,
            evidence: SigningEvidence(
                signerName: inputs.signerName, signerEmail: inputs.signerEmail,
                signedAtStockholm: DisplayFormat.dateTime(inputs.signedAt), signedAtUTC: utc(inputs.signedAt),
                ipAddress: inputs.ip, userAgent: inputs.userAgent, versionSHA256: inputs.snapshotSHA256,
                linkID: String(inputs.signingLinkID)))
    }

    /// Strokes as stored (`[[{"x":…,"y":…},…],…]`, coordinates 0…1) to the renderer's drawing.
    static func drawing(fromJSON json: String) -> SignatureDrawing {
        struct Point: Decodable { let x: Double; let y: Double }
        let strokes = (try? JSONDecoder().decode([[Point]].self, from: Data(json.utf8))) ?? []
        return SignatureDrawing(strokes: strokes.map { $0.map { SignaturePoint(x: $0.x, y: $0.y) } })
    }

    /// Our sanitised rich text (p, br, li, h2–h4, …) as the plain text `TermsBlock` reads:
    /// paragraphs separated by blank lines, list items as "- " lines, headings as "## ".
    static func plainText(fromSanitizedHTML html: String) -> String {
        var text = html
        for (pattern, replacement) in [
            ("<h[234][^>]*>", "\n\n## "), ("</h[234]>", "\n\n"), ("<li[^>]*>", "\n- "), ("</(p|ul|ol|blockquote|table|tr)>", "\n\n"),
            ("<br[^>]*>", "\n"), ("<[^>]+>", ""),
        ] {
            text = text.replacingOccurrences(of: pattern, with: replacement, options: .regularExpression)
        }
        for (entity, character) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&nbsp;", " "), ("&amp;", "&")] {
            text = text.replacingOccurrences(of: entity, with: character)
        }
        return text.replacingOccurrences(of: "\n{3,}", with: "\n\n", options: .regularExpression)
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    static func utc(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: date).replacingOccurrences(of: "T", with: " ").replacingOccurrences(of: "Z", with: " UTC")
    }
}
