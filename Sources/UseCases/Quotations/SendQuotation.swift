public import Database
public import Domain
public import Foundation

/// What a staff member's "send for signing" came to.
public enum QuotationSendOutcome: Sendable {
    /// Sent: a version frozen, a link issued, the email queued. `shortages` were sent anyway, with a reason.
    case sent(SentQuotation, shortages: [StockCheck.Item])
    /// The page was based on an older version of the quotation.
    case conflict
    case notFound
    case notSendable(QuotationState)
    /// An empty quotation is not sent.
    case noLines
    case customerHasNoEmail
    /// Some product is short for the period and no reason was given: nothing was written.
    case shortageNeedsReason([StockCheck.Item])
    /// The customer's address is not the one the previous version's link went to, and no reason
    /// was given: nothing was written.
    case recipientChangeNeedsReason(from: String, to: String)
}

/// Sending a quotation for signing: freezing the next version (snapshot and SHA-256), issuing
/// its signing link and queueing the email, in one transaction.
public enum SendQuotation {
    /// Staff's "send for signing": checks in the same transaction that the page was current
    /// (`expectedVersion`), the state, the lines, the customer's address and the stock for the
    /// period (`SendingRules.sendRefusal`), then freezes and sends (`freeze`). A shortage sent
    /// with a non-blank `shortageReason` is recorded with the short items and the actor in a
    /// `sent_with_shortage` audit row. (Which roles may send short is the caller's rule.)
    ///
    /// - Throws: `QuotationError`, `QuotationStoreError`, `DatabaseError`.
    public static func run(
        _ connection: Connection, id: QuotationID, expectedVersion: Int, shortageReason: String?, actor: AuditActor,
        recipientChangeReason: String? = nil, now: Date = Date()
    ) throws -> QuotationSendOutcome {
        guard let user = actor.userID else { throw QuotationStoreError.corruptRow("sending needs a staff member") }
        return try connection.transaction { tx -> QuotationSendOutcome in
            guard let locked = try QuotationStore.lockState(tx, id: id) else { return .notFound }
            guard let record = try QuotationStore.load(tx, id: id) else { return .notFound }
            let check = try QuotationStore.stockCheck(tx, lines: record.content.lines, period: record.content.period)
            if let refusal = SendingRules.sendRefusal(
                state: locked.state, version: locked.version, expectedVersion: expectedVersion,
                lineCount: record.content.lines.count, customerEmail: record.customer.email, stock: check,
                shortageReason: shortageReason)
            {
                switch refusal {
                case .conflict: return .conflict
                case .notSendable(let state): return .notSendable(state)
                case .noLines: return .noLines
                case .customerHasNoEmail: return .customerHasNoEmail
                case .shortageNeedsReason(let items): return .shortageNeedsReason(items)
                }
            }
            let change = SendingRules.recipientChange(
                previous: try QuotationStore.lastRecipient(tx, id: id), current: record.customer.email)
            if let change, SendingRules.trimmedReason(recipientChangeReason).isEmpty {
                return .recipientChangeNeedsReason(from: change.from, to: change.to)
            }
            let sent = try freeze(tx, quotationID: id, sentBy: user.rawValue, now: now)
            if let change {
                try QuotationStore.recordRecipientChange(
                    tx, id: id, from: change.from, to: change.to,
                    reason: SendingRules.trimmedReason(recipientChangeReason), version: sent.versionNo, actor: actor)
            }
            if check.hasShortage {
                let names = Dictionary(
                    record.content.lines.compactMap { line -> (ProductID, String)? in
                        if case .product(let product) = line.item { return (product, line.description) }
                        return nil
                    }, uniquingKeysWith: { first, _ in first })
                let items = check.shortages.map { item in
                    "\(names[item.product] ?? "product \(item.product.rawValue)"): \(item.requested) requested, \(item.available) free of \(item.stock)"
                }
                try AuditStore.record(
                    tx, actor: actor, entity: "quotation", entityID: id.rawValue, action: "sent_with_shortage",
                    after: [
                        "reason": SendingRules.trimmedReason(shortageReason), "version": String(sent.versionNo),
                        "short": items.joined(separator: "; "),
                    ])
            }
            return .sent(sent, shortages: check.shortages)
        }
    }

    /// Freezes version `current_version + 1` from the stored rows (snapshot as canonical JSON text
    /// and its SHA-256), supersedes the older versions and voids their live links, issues a
    /// signing link bound to the new version (256-bit token, only its hash stored, expiring after
    /// `validityDays` — the settings' value when nil), marks the quotation sent, writes the audit
    /// row and queues `Job.signingLinkEmail` with the link's ID and token (the worker scrubs the
    /// token after sending). One transaction (a savepoint inside the caller's). No stock check:
    /// `run` is the staff action; this is its last step (and seed-demo's and the tests' way to send).
    ///
    /// - Throws: `QuotationStoreError` (`.quotationNotFound`, `.notSendable`, `.customerNotFound`,
    ///   `.customerHasNoEmail`), `QuotationError`, `DatabaseError`.
    public static func freeze(
        _ connection: Connection, quotationID: QuotationID, sentBy: Int64, validityDays: Int? = nil, now: Date = Date()
    ) throws -> SentQuotation {
        try connection.transaction { tx in
            guard let quotation = try QuotationStore.lockForSending(tx, id: quotationID) else {
                throw QuotationStoreError.quotationNotFound(quotationID)
            }
            guard quotation.state.isSendable else {
                throw QuotationStoreError.notSendable(state: quotation.state.rawValue)
            }
            guard let customer = try CustomerStore.details(tx, id: quotation.customerID) else {
                throw QuotationStoreError.customerNotFound(quotation.customerID)
            }
            guard !customer.email.isEmpty else { throw QuotationStoreError.customerHasNoEmail }
            let lines = try QuotationStore.storedLines(tx, quotationID: quotationID, period: quotation.period)
            let days = try validityDays ?? QuotationStore.signingLinkValidityDays(tx)
            let expiresAt = SendingRules.linkExpiry(now: now, validityDays: days)
            let validUntil = BusinessCalendar.day(of: expiresAt)
            let snapshot = try QuotationSnapshot(
                number: try DocumentNumber(parsing: quotation.number), version: quotation.currentVersion + 1,
                title: quotation.title, company: try CompanyStore.profile(tx), customer: customer,
                period: quotation.period,
                deliveryAddress: quotation.deliveryAddress, lines: lines, discount: quotation.discount,
                shipping: quotation.shipping, vatRate: quotation.vatRate, termsHTML: quotation.termsHTML,
                validUntil: validUntil,
                customFields: try CustomFieldStore.customerVisible(tx, quotationID: quotationID))

            // Older versions: superseded; their live links void.
            try QuotationStore.voidLiveLinks(tx, id: quotationID)
            try QuotationStore.setVersionStates(
                tx, id: quotationID, from: QuotationVersionState.supersededBySending, to: .superseded)
            let versionID = try QuotationStore.insertVersion(
                tx, id: quotationID, snapshot: snapshot, sentBy: sentBy, now: now)
            let token = SigningLinkToken.generate()
            let linkID = try QuotationStore.insertSigningLink(
                tx, versionID: versionID, token: token, recipient: customer.email, createdBy: sentBy, now: now,
                expiresAt: expiresAt)
            try QuotationStore.markSent(
                tx, id: quotationID, number: quotation.number, snapshot: snapshot, linkID: linkID, sentBy: sentBy)
            try JobStore.enqueue(tx, .signingLinkEmail(linkID: linkID, token: token.text))
            return SentQuotation(
                quotationID: quotationID, versionID: versionID, versionNo: snapshot.version, signingLinkID: linkID,
                token: token, snapshotSHA256: snapshot.sha256.hex, expiresAt: expiresAt, validUntil: validUntil)
        }
    }
}
