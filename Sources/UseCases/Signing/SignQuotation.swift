public import Database
public import Domain
public import Foundation

/// The customer signs a sent version through its link: one transaction.
///
/// Reads the link (quotation, then version, locked), decides with `SigningRules` whether the
/// link may be signed now and whether the frozen product lines still fit in stock (the product
/// rows locked in id order, so concurrent signers for the last unit serialise), and writes: when
/// short, only an audit row and the team's `teamUnavailableEmail` job; otherwise the signature
/// and its evidence, version and quotation `signed`, the booking (`EG-YYYY-NNNN`, Stockholm
/// year) with its lines, the audit rows and the jobs `signedAgreementPDF`,
/// `signedConfirmationEmail` and `teamNewBookingEmail`. A double submit gets the first answer.
public enum SignQuotation {
    /// The state a booking made from a signature starts in.
    public static let newBookingState = BookingState.confirmed

    /// - Throws: `SnapshotError` (stored snapshot unreadable), `QuotationStoreError`,
    ///   `StateTransitionError` (a stored state the machines do not allow), `DatabaseError`.
    public static func run(
        _ connection: Connection, tokenHash: [UInt8], signature: SignatureInput, evidence: SigningEvidenceInput,
        now: Date = Date()
    ) throws -> SigningOutcome {
        try connection.transaction { tx in
            guard let link = try SigningStore.lockLink(tx, tokenHash: tokenHash) else { return .notFound }
            switch SigningRules.step(for: link.state(at: now)) {
            case .proceed: break
            case .alreadySigned:
                let signed = try SigningStore.signature(tx, versionID: link.versionID)
                return .alreadySigned(bookingNumber: signed.bookingNumber, signedAt: signed.signedAt)
            case .alreadyDeclined: return .declined
            case .expired: return .expired
            case .voided: return .voided
            }

            let snapshot = try QuotationSnapshot(canonicalJSON: link.snapshotJSON)
            let availability = try StockStore.availability(
                tx, products: SigningRules.products(of: snapshot), period: snapshot.period, locking: true)
            let short = SigningRules.shortages(snapshot, availability: availability)
            if !short.isEmpty {
                try SigningStore.recordRefusedUnavailable(
                    tx, link: link, items: short, ipAddress: evidence.ipAddress, now: now)
                try SigningStore.queueUnavailableNotice(
                    tx, .teamUnavailableEmail(quotationID: link.quotationID, versionID: link.versionID, items: short),
                    quotationID: link.quotationID, at: now)
                return .unavailable(items: short)
            }

            var version = link.versionState
            try version.transition(to: .signed)
            var quotation = link.quotationState
            try quotation.transition(to: .signed)
            try SigningStore.insertSignature(tx, link: link, signature: signature, evidence: evidence, now: now)
            try SigningStore.setStates(tx, link: link, version: version, quotation: quotation)

            // The booking, with the next gap-free number for the signing instant's Stockholm year.
            let number = try NumberStore.allocate(tx, kind: .booking, at: now)
            let booking = try SigningStore.insertBooking(
                tx, link: link, snapshot: snapshot, number: number, state: newBookingState, now: now)
            try SigningStore.recordSigned(
                tx, link: link, method: signature.method, booking: booking, number: number, state: newBookingState,
                ipAddress: evidence.ipAddress, now: now)
            // A deposit draft when the settings ask for one. Its own savepoint: should drafting it
            // fail, the signature and the booking still stand (staff can draft it from the booking).
            _ = try? InvoiceStore.draftDepositOnSigning(tx, bookingID: booking)
            try JobStore.enqueue(
                tx,
                [
                    .signedAgreementPDF(bookingID: booking, versionID: link.versionID),
                    .signedConfirmationEmail(bookingID: booking, versionID: link.versionID),
                    .teamNewBookingEmail(bookingID: booking, versionID: link.versionID),
                ])
            return .signed(bookingID: booking, bookingNumber: number.description, signedAt: now)
        }
    }
}
