public import Domain
import Foundation

/// New drafts from the new-quotation form.
extension QuotationStore {
    // MARK: Creating

    /// Who a new draft is for.
    public enum DraftCustomer: Sendable, Equatable {
        case existing(CustomerID)
        /// Created in the same transaction as the draft, with its own audit row.
        case new(NewCustomer)
    }

    /// Creates a draft without lines for `customer` (made now when new), delivering to the
    /// customer's delivery address (or, when it has none, the billing address), with the settings'
    /// VAT rate and terms template, a new number and audit rows — one transaction.
    ///
    /// - Returns: nil when an existing customer does not exist.
    /// - Throws: `DatabaseError` (check violations for a malformed email), `QuotationError`.
    public static func createEmptyDraft(
        _ connection: Connection, customer: DraftCustomer, period: RentalPeriod, title: String, actor: AuditActor
    ) throws -> QuotationID? {
        guard let user = actor.userID else { throw QuotationStoreError.corruptRow("a draft needs a staff member") }
        return try connection.transaction { tx -> QuotationID? in
            let customerID: CustomerID
            switch customer {
            case .existing(let id):
                guard try CustomerStore.details(tx, id: id) != nil else { return nil }
                customerID = id
            case .new(let new):
                let company = new.companyName.trimmingCharacters(in: .whitespaces)
                customerID = try CustomerStore.create(
                    tx,
                    details: CustomerDetails(
                        kind: company.isEmpty ? .person : .company, name: new.name, companyName: company,
                        email: new.email, phone: new.phone))
                var after = ["name": new.name, "email": new.email, "phone": new.phone, "company_name": company]
                after = after.filter { !$0.value.isEmpty }
                after["kind"] = company.isEmpty ? "person" : "company"
                try AuditStore.record(
                    tx, actor: actor, entity: "customer", entityID: customerID.rawValue, action: "created", after: after
                )
            }
            let defaults = try defaults(tx)
            let address = try defaultDeliveryAddress(tx, customer: customerID) ?? PostalAddress()
            return try QuotationStore.createDraft(
                tx, customer: customerID, period: period, title: title, deliveryAddress: address, lines: [],
                vatRate: defaults.vatRate, termsHTML: defaults.termsHTML, createdBy: user.rawValue)
        }
    }
}
