import Database
import Documents
import Domain
import Foundation
import Sanitizer
import Sealing
import Templates

/// Renders the signed agreement of a version into a PDF and stores it once (with its SHA-256).
/// Both the PDF job and the confirmation email use it, so the email never waits for the other job.
enum SignedAgreementPDF {
    struct NotSigned: Error, CustomStringConvertible {
        let versionID: Int64
        var description: String { "quotation version \(versionID) has no signature and booking" }
    }

    /// The stored PDF, rendering (and, with a `sealer`, sealing) and storing it first when needed.
    /// The seal's network calls (the time-stamp authority) happen outside any transaction.
    static func ensure(
        _ db: Connection, versionID: Int64, sealer: PDFSealer? = nil
    ) throws
        -> (inputs: SignedAgreementInputs, pdf: [UInt8])
    {
        guard let inputs = try SigningStore.agreementInputs(db, versionID: versionID) else {
            throw NotSigned(versionID: versionID)
        }
        if let stored = try SigningStore.agreementPDF(db, versionID: versionID) { return (inputs, stored) }
        var pdf = try AgreementRenderer.render(try document(inputs))
        if let sealer {
            pdf = try sealer.seal(
                pdf, reason: "Sealed by EventGaraget. Agreement version SHA-256: \(inputs.snapshotSHA256)")
        }
        try SigningStore.storeAgreementPDF(
            db, versionID: versionID, bookingID: inputs.bookingID, fileName: fileName(inputs),
            content: pdf, sha256: SHA256.hash(pdf))
        // Another worker may have stored one a moment earlier: the stored one is the document.
        return (inputs, try SigningStore.agreementPDF(db, versionID: versionID) ?? pdf)
    }

    static func fileName(_ inputs: SignedAgreementInputs) -> String { "avtal-\(inputs.bookingNumber).pdf" }

    static func document(_ inputs: SignedAgreementInputs) throws -> AgreementDocument {
        let signature: Documents.Signature
        if inputs.method == "drawn", let strokes = inputs.strokesJSON {
            signature = .drawn(drawing(fromJSON: strokes))
        } else {
            signature = .typed(name: inputs.typedText ?? inputs.signerName)
        }
        let evidence = SigningEvidence(
            signerName: inputs.signerName, signerEmail: inputs.signerEmail,
            signedAtStockholm: DisplayFormat.dateTime(inputs.signedAt), signedAtUTC: utc(inputs.signedAt),
            ipAddress: inputs.ip, userAgent: inputs.userAgent, versionSHA256: inputs.snapshotSHA256,
            linkID: String(inputs.signingLinkID), sentTo: inputs.sentTo,
            recipientChanges: inputs.recipientChanges.map {
                "\(DisplayFormat.dateTime($0.at)): \($0.from) → \($0.to) (\($0.by)): \($0.reason)"
            },
            auditTrail: inputs.events.map { event in
                let signer =
                    "\(inputs.signerName)\(inputs.signerEmail.isEmpty ? "" : " <\(inputs.signerEmail)>") · \(inputs.userAgent)"
                return .init(
                    stockholm: stockholm(event.at), utc: utc(event.at),
                    event: SigningEvidence.AuditEntry.describe(
                        action: event.action, recipient: event.recipient, by: event.by, version: event.version,
                        signer: signer, language: Language(rawValue: inputs.customerLocale) ?? .default),
                    ip: event.ip)
            })
        let snapshot = try QuotationSnapshot(canonicalJSON: inputs.snapshotJSON)
        // The terms as the signing page showed them: the same sanitised markup, read into blocks.
        let terms = RichTextReader.blocks((try? HTMLSanitizer.sanitize(snapshot.termsHTML)) ?? .empty)
        return AgreementDocument(
            snapshot: snapshot, terms: terms,
            language: Language(rawValue: inputs.customerLocale) ?? .default, bookingNumber: inputs.bookingNumber,
            signed: (signature, evidence))
    }

    /// Strokes as stored (`[[{"x":…,"y":…},…],…]`, coordinates 0…1) to the renderer's drawing.
    static func drawing(fromJSON json: String) -> SignatureDrawing {
        struct Point: Decodable {
            let x: Double
            let y: Double
        }
        let strokes = (try? JSONDecoder().decode([[Point]].self, from: Data(json.utf8))) ?? []
        return SignatureDrawing(strokes: strokes.map { $0.map { SignaturePoint(x: $0.x, y: $0.y) } })
    }

    /// `2026-06-01 14:03:12 CEST`: Stockholm's time with the zone's abbreviation.
    static func stockholm(_ date: Date) -> String {
        let time = BusinessCalendar.timeOfDay(date)
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }
        return "\(BusinessCalendar.day(of: date).iso) \(two(time.hour)):\(two(time.minute)):\(two(time.second)) "
            + BusinessCalendar.zoneAbbreviation(at: date)
    }

    static func utc(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: date).replacingOccurrences(of: "T", with: " ").replacingOccurrences(
            of: "Z", with: " UTC")
    }
}
