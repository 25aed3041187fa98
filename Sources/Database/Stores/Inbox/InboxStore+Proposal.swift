public import Domain
import Foundation

/// An inquiry's proposed quotation, accepted by staff: an ordinary draft quotation for the
/// customer (matched by address, or made now), linked to the conversation and the message.
extension InboxStore {
    /// The proposal as staff corrected it.
    public struct ProposalInput: Sendable, Equatable {
        public enum Item: Sendable, Hashable {
            case product(ProductID)
            case addon(AddonID)
        }

        public var name: String
        public var email: String
        public var phone: String
        public var company: String
        public var organisationNumber: String
        public var period: RentalPeriod
        public var address: PostalAddress
        public var title: String
        public var lines: [(item: Item, quantity: Int)]
        /// The language the inquiry was written in: a new customer's.
        public var language: Language

        public init(
            name: String, email: String, phone: String, company: String, organisationNumber: String,
            period: RentalPeriod, address: PostalAddress, title: String, lines: [(item: Item, quantity: Int)],
            language: Language = .default
        ) {
            self.name = name
            self.email = email
            self.phone = phone
            self.company = company
            self.organisationNumber = organisationNumber
            self.period = period
            self.address = address
            self.title = title
            self.lines = lines
            self.language = language
        }

        public static func == (lhs: ProposalInput, rhs: ProposalInput) -> Bool {
            lhs.name == rhs.name && lhs.email == rhs.email && lhs.period == rhs.period
                && lhs.lines.map(\.quantity) == rhs.lines.map(\.quantity)
        }
    }

    public enum Accepted: Sendable, Equatable {
        case created(QuotationID)
        case notFound
        case alreadyAccepted(QuotationID)
        /// A line's product or add-on is gone or inactive.
        case unknownItem(line: Int)
    }

    /// Makes the draft: customer (the conversation's, else the newest with the address, else a new
    /// one with its audit row), lines priced from the catalogue, the delivery address and period;
    /// links the message, and the conversation when it has no quotation yet. One transaction.
    public static func acceptProposal(
        _ connection: Connection, conversation: Int64, message: Int64, input: ProposalInput, actor: AuditActor
    ) throws -> Accepted {
        guard let user = actor.userID else { throw QuotationStoreError.corruptRow("a draft needs a staff member") }
        return try connection.transaction { tx -> Accepted in
            guard
                let row = try tx.query(
                    """
                    SELECT m.quotation_id, c.customer_id FROM mail_messages m JOIN conversations c ON c.id = m.conversation_id
                     WHERE m.id = \(message) AND m.conversation_id = \(conversation) AND m.direction = 'in'
                       FOR UPDATE OF m, c
                    """
                ).first
            else { return .notFound }
            if let existing: Int64 = try row.decode("quotation_id") {
                return .alreadyAccepted(QuotationID(rawValue: existing))
            }
            var lines: [QuotationLine] = []
            for (index, line) in input.lines.enumerated() {
                switch line.item {
                case .product(let id):
                    guard let product = try CatalogStore.product(tx, id: id), product.active else {
                        return .unknownItem(line: index)
                    }
                    lines.append(
                        try QuotationLine(
                            item: .product(id), description: product.name, quantity: line.quantity,
                            pricing: product.pricing, unitPrice: product.price))
                case .addon(let id):
                    guard let addon = try CatalogStore.addon(tx, id: id), addon.active else {
                        return .unknownItem(line: index)
                    }
                    lines.append(
                        try QuotationLine(
                            item: .addon(id), description: addon.name, quantity: line.quantity, pricing: addon.pricing,
                            unitPrice: addon.price))
                }
            }
            // The customer the form names by address: the conversation's when it has that address,
            // else the newest with it, else a new one.
            var customer: CustomerID? = try row.decode("customer_id", as: Int64?.self).map(CustomerID.init)
            if let linked = customer,
                try tx.query(
                    "SELECT 1 FROM customers WHERE id = \(linked.rawValue) AND email = \(input.email)::citext"
                ).isEmpty
            {
                customer = nil
            }
            if customer == nil {
                customer = try tx.query(
                    """
                    SELECT id FROM customers WHERE email = \(input.email)::citext AND archived_at IS NULL
                     ORDER BY id DESC LIMIT 1
                    """
                ).first.map { CustomerID(rawValue: try $0.decode("id")) }
            }
            if customer == nil {
                let company = input.company.trimmingCharacters(in: .whitespaces)
                let details = CustomerDetails(
                    kind: company.isEmpty ? .person : .company, name: input.name, companyName: company,
                    organisationNumber: company.isEmpty ? "" : input.organisationNumber, email: input.email,
                    phone: input.phone)
                let id = try CustomerStore.create(
                    tx, details: details, deliveryAddress: input.address, locale: input.language.rawValue)
                try AuditStore.record(
                    tx, actor: actor, entity: "customer", entityID: id.rawValue, action: "created",
                    after: [
                        "name": input.name, "email": input.email, "phone": input.phone, "company_name": company,
                        "kind": details.kind.rawValue, "source": "inbox",
                    ].filter { !$0.value.isEmpty })
                customer = id
            }
            guard let customer else { return .notFound }
            let defaults = try QuotationStore.defaults(tx)
            let quotation = try QuotationStore.createDraft(
                tx, customer: customer, period: input.period, title: String(input.title.prefix(200)),
                deliveryAddress: input.address, lines: lines, vatRate: defaults.vatRate, termsHTML: defaults.termsHTML,
                createdBy: user.rawValue)
            try tx.execute("UPDATE mail_messages SET quotation_id = \(quotation.rawValue) WHERE id = \(message)")
            try tx.execute(
                """
                UPDATE conversations SET quotation_id = coalesce(quotation_id, \(quotation.rawValue)),
                       customer_id = coalesce(customer_id, \(customer.rawValue))
                 WHERE id = \(conversation)
                """)
            return .created(quotation)
        }
    }

    /// A quotation's number (nil when it does not exist).
    public static func quotationNumber(_ connection: Connection, id: QuotationID) throws(DatabaseError) -> String? {
        try connection.query("SELECT number FROM quotations WHERE id = \(id.rawValue)").first?.decode("number")
    }

    /// What a proposal's line may be: active products (`product:ID`, "SKU · name") and add-ons
    /// (`addon:ID`), in catalogue order.
    public static func itemChoices(_ connection: Connection) throws(DatabaseError) -> [(value: String, label: String)] {
        try connection.query(
            """
            SELECT 'product:' || id AS value, sku || ' · ' || name AS label, 0 AS k, sku AS o FROM products WHERE active
            UNION ALL
            SELECT 'addon:' || id, name, 1, name FROM addons WHERE active
            ORDER BY k, o
            """
        ).map { row throws(DatabaseError) in (try row.decode("value"), try row.decode("label")) }
    }
}

extension InboxStore {
    /// The catalogue as the inquiry reader matches words against it: products (SKU, name, the
    /// words customers use, how many people one unit serves) and add-ons; inactive ones included
    /// and marked, so the reader can tell them apart.
    public static func catalogue(_ connection: Connection) throws(DatabaseError) -> [InquiryCatalogueItem] {
        try connection.query(
            """
            SELECT 'product' AS kind, id, sku, name, array_to_json(synonyms)::text AS synonyms, capacity, active
              FROM products
            UNION ALL
            SELECT 'addon', id, NULL, name, array_to_json(synonyms)::text, NULL, active FROM addons
            ORDER BY kind DESC, id
            """
        ).map { row throws(DatabaseError) in
            let id: Int64 = try row.decode("id")
            let sku: String? = try row.decode("sku")
            return InquiryCatalogueItem(
                reference: try row.decode("kind", as: String.self) == "product" && sku != nil
                    ? .product(id: id, sku: sku ?? "") : .addon(id: id),
                name: try row.decode("name"), synonyms: strings(try row.decode("synonyms")),
                capacity: try row.decode("capacity"), active: try row.decode("active"))
        }
    }
}
