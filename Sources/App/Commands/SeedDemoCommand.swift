import ArgumentParser
import Database
import Domain
import Foundation
import Passwords
import UseCases

/// `eventgaraget seed-demo`: loads believable demo data into an empty database, in one
/// transaction, and prints the signing link of one sent quotation. Idempotent: when the
/// catalogue already has products it changes nothing and says so.
struct SeedDemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "seed-demo",
        abstract: "Load demo data (company, catalogue, staff, customers, quotations) into an empty database.",
        discussion: """
            Runs in one transaction and only when there are no products yet; a second run does nothing. \
            Prints the public signing link of a sent demo quotation and the demo staff logins (one user \
            per role, all with the demo password).
            """)

    @OptionGroup var options: ConfigurationOptions

    func run() throws {
        let configuration = try Bootstrap.configuration(options)
        let logger = Bootstrap.logger(configuration, label: "eventgaraget.seed-demo")
        let connection = try Connection(url: configuration.databaseURL, logger: logger)
        defer { connection.close() }
        guard let token = try connection.transaction({ tx in try Self.seed(tx) }) else {
            // Demo data loaded before staff sign-in existed has accounts nobody can use: give them
            // the demo password, so the printed logins work on an existing development database too.
            let upgraded = try SeedStore.replacePlaceholderPasswords(
                connection, emails: DemoData.users.map(\.email),
                passwordHash: try PasswordHasher.hash(DemoData.password))
            print("The database already has products; seed-demo loaded nothing.")
            if upgraded > 0 {
                for user in DemoData.users { print("Demo login (\(user.role)): \(user.email) / \(DemoData.password)") }
            }
            return
        }
        var base = configuration.publicBaseURL
        while base.hasSuffix("/") { base.removeLast() }
        print("Demo data loaded.")
        print("Signing link: \(base)/sign/\(token.text)")
        for user in DemoData.users { print("Demo login (\(user.role)): \(user.email) / \(DemoData.password)") }
        // The customer the demo gave a task: whom to sign in to the portal as, to fill it.
        if let row = try connection.query(
            """
            SELECT c.email::text AS email FROM tasks t JOIN customers c ON c.id = t.assignee_customer_id
             WHERE t.state = 'open' AND c.email IS NOT NULL ORDER BY t.id LIMIT 1
            """
        ).first {
            print("Portal customer with a task: \(try row.decode("email") as String)")
        }
    }

    /// Writes everything; returns the token of the sent quotation to print, or nil when the
    /// database already had products.
    static func seed(_ tx: Connection) throws -> SigningLinkToken? {
        guard try CatalogStore.productCount(tx) == 0 else { return nil }
        let c = DemoData.company
        try SeedStore.writeCompanySettings(
            tx,
            CompanySettings(
                companyName: c.name, orgNumber: c.orgNumber, vatNumber: c.vatNumber, addressLine1: c.addressLine1,
                postalCode: c.postalCode, city: c.city, contactEmail: c.contactEmail, contactPhone: c.contactPhone,
                websiteURL: c.website, teamNotificationEmail: c.teamEmail, emailSender: c.sender,
                termsTemplateHTML: DemoData.termsHTML, bankgiro: c.bankgiro, registeredSeat: c.city))

        // Demo accounts share one published password: demo data is for trying the product, never production.
        var userIDs: [String: Int64] = [:]
        for user in DemoData.users {
            userIDs[user.role] = try SeedStore.createUser(
                tx, email: user.email, name: user.name, role: user.role,
                passwordHash: try PasswordHasher.hash(DemoData.password))
        }
        let seller = userIDs["manager"] ?? userIDs["admin"] ?? 0
        // The company's structure comes first, as in a real company: its history is the oldest.
        try DemoStructure.seed(tx, users: userIDs, actor: AuditActor(kind: .system))
        // Saved reports are definitions, not records: seeded early with the structure, by the system.
        try DemoSavedReports.seed(tx, actor: AuditActor(kind: .system))
        let forms = try DemoTasks.seedForms(tx, actor: AuditActor(kind: .system))
        // Then the admins' own fields, so every record below carries its values from the start.
        try DemoCustomFields.seed(tx, actor: AuditActor(kind: .system))

        var products: [String: (id: ProductID, product: DemoData.Product)] = [:]
        for (position, category) in DemoData.categories.enumerated() {
            let categoryID = try CatalogStore.createCategory(tx, name: category.name, position: position)
            for product in category.products {
                let words = DemoData.productWords[product.sku]
                let id = try CatalogStore.createProduct(
                    tx, sku: product.sku, name: product.name, descriptionHTML: "<p>\(product.description)</p>",
                    categoryID: categoryID, price: Money(ore: product.priceOre), pricing: product.pricing,
                    stock: product.stock, synonyms: words?.synonyms ?? [], capacity: words?.capacity)
                try CustomFieldStore.write(tx, .product, id: id.rawValue, DemoCustomFields.product(sku: product.sku))
                products[product.sku] = (id, product)
            }
        }
        var addons: [(id: AddonID, name: String, priceOre: Int64, pricing: LinePricing)] = []
        for addon in DemoData.addons {
            let id = try CatalogStore.createAddon(
                tx, name: addon.name, description: addon.description, price: Money(ore: addon.priceOre),
                pricing: addon.pricing, synonyms: DemoData.addonWords[addon.name] ?? [])
            addons.append((id, addon.name, addon.priceOre, addon.pricing))
        }
        var customers: [(id: CustomerID, delivery: PostalAddress)] = []
        for customer in DemoData.customers {
            let id = try CustomerStore.create(tx, details: customer.details, deliveryAddress: customer.delivery)
            try CustomFieldStore.write(tx, .customer, id: id.rawValue, DemoCustomFields.customer(customer.details))
            customers.append((id, customer.delivery ?? customer.details.billingAddress))
        }
        // The inbox before the quotations: its conversations are the demo's oldest activity.
        try DemoInbox.seed(tx, staff: UserID(rawValue: seller), support: userIDs["support"].map(UserID.init(rawValue:)))

        func line(_ sku: String, _ quantity: Int) throws -> QuotationLine {
            guard let entry = products[sku] else { throw CommandFailure("demo data names an unknown SKU \(sku)") }
            return try QuotationLine(
                item: .product(entry.id), description: entry.product.name, quantity: quantity,
                pricing: entry.product.pricing, unitPrice: Money(ore: entry.product.priceOre))
        }
        func addon(_ index: Int, _ quantity: Int = 1) throws -> QuotationLine {
            let a = addons[index]
            return try QuotationLine(
                item: .addon(a.id), description: a.name, quantity: quantity, pricing: a.pricing,
                unitPrice: Money(ore: a.priceOre))
        }
        let today = BusinessCalendar.today()
        func period(inDays start: Int, length: Int) throws -> RentalPeriod {
            try RentalPeriod(start: try today.adding(days: start), end: try today.adding(days: start + length - 1))
        }
        func draft(
            _ customer: Int, _ title: String, _ period: RentalPeriod, _ lines: [QuotationLine],
            discount: Discount = .none, shipping: Int64 = 0
        ) throws -> QuotationID {
            let id = try QuotationStore.createDraft(
                tx, customer: customers[customer].id, period: period, title: title,
                deliveryAddress: customers[customer].delivery, lines: lines, discount: discount,
                shipping: Money(ore: shipping), vatRate: .default, termsHTML: DemoData.termsHTML, createdBy: seller)
            try CustomFieldStore.write(tx, .quotation, id: id.rawValue, DemoCustomFields.quotation(title: title))
            return id
        }

        // A working company's month around today: bookings in every state, sent, signed and
        // moved through their workflow by the same use cases the pages use.
        let warehouse = AuditActor(kind: .user, userID: UserID(rawValue: userIDs["warehouse"] ?? seller))
        let manager = AuditActor(kind: .user, userID: UserID(rawValue: seller))
        // Signed ten to twenty days before the start (yesterday for the latest ones), in the order
        // they were signed, so booking numbers follow the signing dates.
        let signed = DemoMonth.bookings.map { booking in
            (
                booking,
                Date().addingTimeInterval(-Double(max(1, 10 + (booking.customer * 3) % 11 - booking.start)) * 86_400)
            )
        }.sorted { $0.1 < $1.1 }
        for (booking, signedAt) in signed {
            let rental = try period(inDays: booking.start, length: booking.days)
            let lines = try booking.lines.map { try line($0.sku, $0.quantity) }
            // Stock first, as staff would: a month that does not fit is not sold.
            guard try !QuotationStore.stockCheck(tx, lines: lines, period: rental).hasShortage else { continue }
            let customer = DemoData.customers[booking.customer].details
            let id = try draft(booking.customer, "\(booking.title) – \(customer.displayName)", rental, lines)
            let sent = try SendQuotation.freeze(
                tx, quotationID: id, sentBy: seller, validityDays: 30, now: signedAt.addingTimeInterval(-2 * 86_400))
            let outcome = try SignQuotation.run(
                tx, tokenHash: sent.token.hash, signature: .typed(name: customer.name),
                evidence: SigningEvidenceInput(
                    signerName: customer.name, signerEmail: customer.email, ipAddress: "192.0.2.20",
                    userAgent: "seed-demo"),
                now: signedAt)
            guard case .signed(let bookingID, _, _) = outcome else { continue }
            if booking.customer % 2 == 0 {
                try CustomFieldStore.write(
                    tx, .booking, id: bookingID.rawValue,
                    ["portkod": .string("\(1000 + booking.customer * 137 % 9000)#")])
            }
            if booking.approved {
                _ = try ApproveBooking.run(tx, id: bookingID, by: UserID(rawValue: seller), actor: manager)
            }
            var state = BookingState.confirmed
            for step in DemoMonth.steps(to: booking.state) {
                let cancelling = step == .cancelled
                _ = try TransitionBooking.run(
                    tx, id: bookingID, from: state, to: step, reason: cancelling ? "Kunden ställde in eventet." : nil,
                    actor: cancelling || step == .closed ? manager : warehouse)
                state = step
            }
        }
        // The forms' tasks on the nearest confirmed booking, once the bookings exist.
        if let next = try tx.query(
            """
            SELECT id, customer_id FROM bookings WHERE state = 'confirmed' AND period_start >= \(today.iso)::date
             ORDER BY period_start, id LIMIT 1
            """
        ).first {
            try DemoTasks.seedTasks(
                tx, forms: forms, booking: BookingID(rawValue: try next.decode("id")),
                customer: CustomerID(rawValue: try next.decode("customer_id")), today: today,
                actor: AuditActor(kind: .system))
        }
        // The demo flow on the largest upcoming booking, started by the seller.
        let largest = try tx.query(
            """
            SELECT id FROM bookings WHERE state = 'confirmed' AND period_start >= \(today.iso)::date
             ORDER BY total_ore DESC, id LIMIT 1
            """
        ).first.map { BookingID(rawValue: try $0.decode("id")) }
        try DemoFlows.seed(tx, booking: largest, seller: UserID(rawValue: seller))

        // Draft: a midsummer party, not sent yet.
        _ = try draft(
            0, "Midsommarfest i Partille", try period(inDays: 40, length: 3),
            [try line("TALT-4x8", 1), try line("BORD-180", 4), try line("STOL-VIT", 32), try addon(0)])

        // Sent: a wedding — the link printed at the end.
        let wedding = try draft(
            2, "Bröllop på Särö", try period(inDays: 60, length: 3),
            [
                try line("TALT-9x18", 1), try line("GOLV-KASS", 162), try line("BORD-RUND", 12),
                try line("STOL-CHIAV", 100), try line("LJUS-KRON", 3), try line("LJUD-PA-S", 1),
                try addon(1), try addon(4, 1),
            ],
            discount: try .percent(basisPoints: 500))
        let sentWedding = try SendQuotation.freeze(tx, quotationID: wedding, sentBy: seller)

        // Sent twice: the second version replaced the first, whose link is void; the customer then
        // signed the second with a typed signature, so it is a booking.
        let companyParty = try draft(
            5, "Sommarfest Hisingens Bygg", try period(inDays: 25, length: 2),
            [try line("TALT-6x12", 1), try line("BORD-STA", 10), try line("VARM-GAS", 4), try line("LJUD-BT", 2)],
            shipping: 49_500)
        _ = try SendQuotation.freeze(tx, quotationID: companyParty, sentBy: seller)
        let secondVersion = try SendQuotation.freeze(tx, quotationID: companyParty, sentBy: seller)
        _ = try SignQuotation.run(
            tx, tokenHash: SigningLinkToken.hash(ofPresented: secondVersion.token.text),
            signature: .typed(name: "Jonas Berg"),
            evidence: SigningEvidenceInput(signerName: "Jonas Berg", ipAddress: "192.0.2.10", userAgent: "seed-demo"))

        // Declined by the customer through the link.
        let club = try draft(
            3, "Klubbens 100-årsjubileum", try period(inDays: 90, length: 2),
            [try line("TALT-12x24", 1), try line("SCEN-2x1", 12), try line("LJUD-PA-L", 1), try addon(2, 12)])
        let sentClub = try SendQuotation.freeze(tx, quotationID: club, sentBy: seller)
        _ = try DeclineQuotation.run(
            tx, tokenHash: sentClub.token.hash, reason: "Vi har valt en annan lokal i år.",
            evidence: SigningEvidenceInput(signerName: "", ipAddress: "192.0.2.11", userAgent: "seed-demo"))

        // Expired: sent 45 days ago with a 30-day link, never signed.
        let birthday = try draft(
            4, "50-årsfest på Öckerö", try period(inDays: 10, length: 1),
            [try line("TALT-3x6", 2), try line("LJUS-SLINGA", 2), try line("VARM-EL", 2)])
        let sentBirthday = try SendQuotation.freeze(
            tx, quotationID: birthday, sentBy: seller, validityDays: 30, now: Date().addingTimeInterval(-45 * 86_400))
        try ExpireQuotation.run(tx, id: sentBirthday.quotationID)

        // Void: a draft staff cancelled.
        let cancelled = try draft(
            6, "Trädgårdsfest (inställd)", try period(inDays: 20, length: 1),
            [try line("STOL-BANK", 6), try line("TALT-3x3", 2)])
        _ = try VoidQuotation.run(tx, id: cancelled, actor: AuditActor(kind: .user, userID: UserID(rawValue: seller)))

        // Another draft: a student party with a fixed discount.
        _ = try draft(
            7, "Kårfest vårterminen", try period(inDays: 120, length: 1),
            [
                try line("GOLV-DANS", 36), try line("LJUS-LED", 16), try line("LJUD-PA-L", 1), try line("STOL-BAR", 20),
                try addon(3),
            ],
            discount: try .amount(Money(ore: 100_000)), shipping: 0)

        try DemoInvoices.seed(tx, staff: UserID(rawValue: seller))
        try DemoPayments.seed(tx, staff: UserID(rawValue: seller))
        return sentWedding.token
    }
}
