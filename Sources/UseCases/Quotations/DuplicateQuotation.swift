public import Database
public import Domain

/// Staff duplicate a quotation: a new draft with a new number and the same customer, period,
/// address, lines (as priced in the original), discount, shipping, VAT, terms, message and
/// notes; audited as created and as duplicated from the original. One transaction.
public enum DuplicateQuotation {
    /// - Returns: the copy, or nil when the original does not exist.
    /// - Throws: `QuotationError`, `QuotationStoreError`, `DatabaseError`.
    public static func run(_ connection: Connection, id: QuotationID, actor: AuditActor) throws -> QuotationID? {
        guard let user = actor.userID else { throw QuotationStoreError.corruptRow("duplicating needs a staff member") }
        return try connection.transaction { tx -> QuotationID? in
            guard let original = try QuotationStore.load(tx, id: id) else { return nil }
            let c = original.content
            let copy = try QuotationStore.createDraft(
                tx, customer: c.customer, period: c.period, title: c.title, deliveryAddress: c.deliveryAddress,
                lines: c.lines, discount: c.discount, shipping: c.shipping, vatRate: c.vatRate, termsHTML: c.termsHTML,
                createdBy: user.rawValue)
            try QuotationStore.setMessageAndNotes(tx, id: copy, message: c.messageToCustomer, notes: c.internalNotes)
            try AuditStore.record(
                tx, actor: actor, entity: "quotation", entityID: copy.rawValue, action: "duplicated",
                after: ["from_quotation_id": String(id.rawValue), "from_number": original.number])
            return copy
        }
    }
}
