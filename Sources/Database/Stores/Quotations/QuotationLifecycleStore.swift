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
}

/// What "resend" came to.
public enum QuotationResendOutcome: Sendable, Equatable {
    /// A new link for the same version; the old one no longer works.
    case resent(linkID: SigningLinkID, expiresAt: Date)
    case notFound
    /// Only a sent quotation waiting for its signature has a link to renew.
    case notResendable(QuotationState)
    /// The offer's link has run out: send a new version instead (with a new validity).
    case linkExpired
    case customerHasNoEmail
}

/// The outcome of void, and of reopening a sent quotation for editing.
public enum QuotationChangeOutcome: Sendable, Equatable {
    case done
    case conflict
    case notFound
    case notAllowed(QuotationState)
}

/// The changes of a quotation's state that staff make: send (with the stock rule), resend, void,
/// reopen for editing, duplicate. Each is one transaction with its audit row (and its email job).
public enum QuotationLifecycleStore {
    /// Sends the quotation for signing through `QuotationStore.send` (freezes the next version,
    /// issues the link, queues the email), after checking in the same transaction that the page
    /// was current (`expectedVersion`), that there are lines, that the customer has an email
    /// address and that every product fits in stock for the period. When something is short, a
    /// non-blank `shortageReason` is needed; it is recorded with the short items and the actor in
    /// a `sent_with_shortage` audit row. (Which roles may send short is the caller's rule.)
    ///
    /// - Throws: `QuotationError`, `QuotationStoreError`, `DatabaseError`.
    public static func send(
        _ connection: Connection, id: QuotationID, expectedVersion: Int, shortageReason: String?, actor: AuditActor,
        now: Date = Date()
    ) throws -> QuotationSendOutcome {
        guard let user = actor.userID else { throw QuotationStoreError.corruptRow("sending needs a staff member") }
        return try connection.transaction { tx -> QuotationSendOutcome in
            guard let locked = try lock(tx, id) else { return .notFound }
            guard locked.version == expectedVersion else { return .conflict }
            guard [.draft, .sent, .declined, .expired].contains(locked.state) else { return .notSendable(locked.state) }
            guard let record = try QuotationEditorStore.load(tx, id: id) else { return .notFound }
            guard !record.content.lines.isEmpty else { return .noLines }
            guard !record.customer.email.isEmpty else { return .customerHasNoEmail }
            let check = try QuotationStockStore.check(tx, lines: record.content.lines, period: record.content.period)
            let reason = (shortageReason ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            if check.hasShortage, reason.isEmpty { return .shortageNeedsReason(check.shortages) }
            let sent = try QuotationStore.send(tx, quotationID: id, sentBy: user.rawValue, now: now)
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
                    after: ["reason": reason, "version": String(sent.versionNo), "short": items.joined(separator: "; ")])
            }
            return .sent(sent, shortages: check.shortages)
        }
    }

    /// Issues a new link for the version waiting for its signature and voids the old one, in one
    /// transaction with the audit row and the `email.signing_link` job. The new link is addressed
    /// to the customer's email as it is now and expires when the old one would have (the offer's
    /// validity is part of the frozen version); a link that has already expired is not renewed.
    ///
    /// - Throws: `DatabaseError`.
    public static func resend(_ connection: Connection, id: QuotationID, actor: AuditActor, now: Date = Date()) throws
        -> QuotationResendOutcome
    {
        try connection.transaction { tx -> QuotationResendOutcome in
            guard let locked = try lock(tx, id) else { return .notFound }
            guard locked.state == .sent else { return .notResendable(locked.state) }
            let rows = try tx.query(
                """
                SELECT l.id, l.expires_at, v.id AS version_id, v.version_no
                  FROM quotation_versions v
                  JOIN signing_links l ON l.quotation_version_id = v.id AND l.voided_at IS NULL
                 WHERE v.quotation_id = \(id.rawValue) AND v.state = 'sent'
                 ORDER BY v.version_no DESC
                 LIMIT 1
                 FOR UPDATE OF l
                """)
            guard let old = rows.first else { return .notResendable(locked.state) }
            let expiresAt: Date = try old.decode("expires_at")
            guard expiresAt > now else { return .linkExpired }
            let email: String = try tx.query(
                "SELECT coalesce(c.email::text, '') AS email FROM quotations q JOIN customers c ON c.id = q.customer_id WHERE q.id = \(id.rawValue)"
            )[0].decode("email")
            guard !email.isEmpty else { return .customerHasNoEmail }
            let oldID: Int64 = try old.decode("id")
            let versionID: Int64 = try old.decode("version_id")
            let versionNo: Int = try old.decode("version_no")
            try tx.execute("UPDATE signing_links SET voided_at = \(now) WHERE id = \(oldID)")
            let token = SigningLinkToken.generate()
            let linkID = SigningLinkID(
                rawValue: try tx.query(
                    """
                    INSERT INTO signing_links (token_hash, quotation_version_id, recipient_email, created_by, created_at, expires_at)
                    VALUES (\(token.hash), \(versionID), \(email), \(actor.userID?.rawValue), \(now), \(expiresAt))
                    RETURNING id
                    """)[0].decode("id"))
            try AuditStore.record(
                tx, actor: actor, entity: "quotation", entityID: id.rawValue, action: "resent",
                before: ["signing_link_id": String(oldID)],
                after: ["signing_link_id": String(linkID.rawValue), "version": String(versionNo), "recipient": email])
            // The token is base64url and the ID an integer, so this JSON needs no escaping.
            try JobStore.enqueue(
                tx, kind: "email.signing_link",
                payloadJSON: "{\"signing_link_id\": \(linkID.rawValue), \"token\": \"\(token.text)\"}")
            return .resent(linkID: linkID, expiresAt: expiresAt)
        }
    }

    /// Withdraws the quotation: state `void`, its waiting version `void`, every live link voided
    /// (so it answers "replaced" at once), the audit row. Signed and void quotations stay as they are.
    /// - Throws: `DatabaseError`.
    public static func void(_ connection: Connection, id: QuotationID, actor: AuditActor) throws -> QuotationChangeOutcome {
        try connection.transaction { tx -> QuotationChangeOutcome in
            guard let locked = try lock(tx, id) else { return .notFound }
            guard locked.state.canTransition(to: .void) else { return .notAllowed(locked.state) }
            let links = try voidLiveLinks(tx, id)
            try tx.execute(
                "UPDATE quotation_versions SET state = 'void' WHERE quotation_id = \(id.rawValue) AND state = 'sent'")
            try tx.execute("UPDATE quotations SET state = 'void', version = version + 1 WHERE id = \(id.rawValue)")
            try AuditStore.record(
                tx, actor: actor, entity: "quotation", entityID: id.rawValue, action: "voided",
                before: ["state": locked.state.rawValue], after: ["state": "void", "links_voided": String(links)])
            return .done
        }
    }

    /// Makes a sent, declined or expired quotation a draft again so it can be changed: the waiting
    /// version is superseded and its link voided at once (the customer can no longer sign what is
    /// being changed); the next send freezes a new version. - Throws: `DatabaseError`.
    public static func reopen(_ connection: Connection, id: QuotationID, expectedVersion: Int, actor: AuditActor) throws
        -> QuotationChangeOutcome
    {
        try connection.transaction { tx -> QuotationChangeOutcome in
            guard let locked = try lock(tx, id) else { return .notFound }
            guard locked.version == expectedVersion else { return .conflict }
            guard locked.state.editingMakesNewVersion else { return .notAllowed(locked.state) }
            let links = try voidLiveLinks(tx, id)
            try tx.execute(
                "UPDATE quotation_versions SET state = 'superseded' WHERE quotation_id = \(id.rawValue) AND state = 'sent'")
            try tx.execute("UPDATE quotations SET state = 'draft', version = version + 1 WHERE id = \(id.rawValue)")
            try AuditStore.record(
                tx, actor: actor, entity: "quotation", entityID: id.rawValue, action: "reopened",
                before: ["state": locked.state.rawValue], after: ["state": "draft", "links_voided": String(links)])
            return .done
        }
    }

    /// A new draft with a new number and the same customer, period, address, lines (as priced in
    /// the original), discount, shipping, VAT, terms, message and notes; audited as created and as
    /// duplicated from the original. - Returns: nil when the original does not exist.
    /// - Throws: `QuotationError`, `QuotationStoreError`, `DatabaseError`.
    public static func duplicate(_ connection: Connection, id: QuotationID, actor: AuditActor) throws -> QuotationID? {
        guard let user = actor.userID else { throw QuotationStoreError.corruptRow("duplicating needs a staff member") }
        return try connection.transaction { tx -> QuotationID? in
            guard let original = try QuotationEditorStore.load(tx, id: id) else { return nil }
            let c = original.content
            let copy = try QuotationStore.createDraft(
                tx, customer: c.customer, period: c.period, title: c.title, deliveryAddress: c.deliveryAddress,
                lines: c.lines, discount: c.discount, shipping: c.shipping, vatRate: c.vatRate, termsHTML: c.termsHTML,
                createdBy: user.rawValue)
            try tx.execute(
                """
                UPDATE quotations SET message_to_customer = \(CustomerStore.nonEmpty(c.messageToCustomer)),
                                      internal_notes = \(CustomerStore.nonEmpty(c.internalNotes))
                 WHERE id = \(copy.rawValue)
                """)
            try AuditStore.record(
                tx, actor: actor, entity: "quotation", entityID: copy.rawValue, action: "duplicated",
                after: ["from_quotation_id": String(id.rawValue), "from_number": original.number])
            return copy
        }
    }

    // MARK: - Helpers

    private struct Locked {
        let state: QuotationState
        let version: Int
    }

    /// Locks the quotation row first, the order every quotation operation and signing use.
    private static func lock(_ tx: Connection, _ id: QuotationID) throws -> Locked? {
        guard let row = try tx.query("SELECT state, version FROM quotations WHERE id = \(id.rawValue) FOR UPDATE").first else {
            return nil
        }
        guard let state = QuotationState(rawValue: try row.decode("state")) else {
            throw QuotationStoreError.corruptRow("quotations.state")
        }
        return Locked(state: state, version: try row.decode("version"))
    }

    /// Voids every live link of the quotation's versions. - Returns: how many.
    private static func voidLiveLinks(_ tx: Connection, _ id: QuotationID) throws(DatabaseError) -> Int {
        try tx.execute(
            """
            UPDATE signing_links SET voided_at = now()
             WHERE voided_at IS NULL
               AND quotation_version_id IN (SELECT id FROM quotation_versions WHERE quotation_id = \(id.rawValue))
            """)
    }
}
