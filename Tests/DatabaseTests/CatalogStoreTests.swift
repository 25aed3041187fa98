import Domain
import Foundation
import TestSupport
import Testing
import UseCases

@testable import Database

@Suite("Catalogue: products, add-ons, availability by day")
struct CatalogStoreTests {
    static let actor = AuditActor(kind: .system)

    static func draft(_ sku: String, _ name: String, stock: Int = 5) -> ProductDraft {
        ProductDraft(
            sku: sku, name: name, price: Money(ore: 45_000), pricing: .perDay, stock: stock,
            descriptionHTML: "<p>Tält</p>")
    }

    /// Signs the fixture's draft (2 tents, 19–21 June 2026) and returns its booking.
    static func booking(_ f: QuotationFixture, on db: Connection) throws -> BookingID {
        let sent = try SendQuotation.freeze(db, quotationID: try f.draft(on: db), sentBy: f.user)
        _ = try SignQuotation.run(
            db, tokenHash: sent.token.hash, signature: .typed(name: "Åsa Öberg"),
            evidence: SigningEvidenceInput(signerName: "Åsa Öberg", ipAddress: "203.0.113.7", userAgent: "Test"))
        return BookingID(
            rawValue: try db.query(
                "SELECT b.id FROM bookings b WHERE b.quotation_id = \(sent.quotationID.rawValue)")[0].decode("id"))
    }

    @Test func availabilityCountsBookingsThatHoldStockDayByDay() throws {
        let db = try TestDatabase.migrated("catalog_availability")
        let f = try QuotationFixture(db, stock: 10)
        let confirmed = try Self.booking(f, on: db)  // 2 units, 19–21 June
        let packed = try Self.booking(f, on: db)
        try db.execute("UPDATE bookings SET state = 'packed' WHERE id = \(packed.rawValue)")
        try db.execute(
            "UPDATE booking_lines SET period_start = '2026-06-20', period_end = '2026-06-23' WHERE booking_id = \(packed.rawValue)"
        )
        let returned = try Self.booking(f, on: db)
        try db.execute("UPDATE bookings SET state = 'returned' WHERE id = \(returned.rawValue)")
        let later = try Self.booking(f, on: db)
        try db.execute(
            "UPDATE booking_lines SET period_start = '2026-07-01', period_end = '2026-07-02' WHERE booking_id = \(later.rawValue)"
        )

        let period = try RentalPeriod(
            start: try CalendarDate(iso: "2026-06-18"), end: try CalendarDate(iso: "2026-06-24"))
        let result = try CatalogStore.availability(db, product: f.product, stock: 3, period: period)
        #expect(
            result.availability.days.map(\.date.iso) == [
                "2026-06-18", "2026-06-19", "2026-06-20", "2026-06-21", "2026-06-22", "2026-06-23", "2026-06-24",
            ])
        #expect(result.availability.days.map(\.reserved) == [0, 2, 4, 4, 2, 2, 0])
        #expect(result.availability.days.map(\.isOverbooked) == [false, false, true, true, false, false, false])
        #expect(
            result.bookings.map(\.id) == [confirmed, packed], "returned bookings and later ones do not hold stock here")
        #expect(result.bookings.map(\.state) == [.confirmed, .packed])
        #expect(result.bookings.first?.customerName == "Åsa Öberg")
        // Another product has nothing reserved.
        let free = try CatalogStore.availability(db, product: ProductID(rawValue: 999), stock: 4, period: period)
        #expect(free.availability.days.allSatisfy { $0.reserved == 0 } && free.bookings.isEmpty)
    }

    @Test func productPagesSearchSkuAndNameInSwedishOrder() throws {
        let db = try TestDatabase.migrated("catalog_products_page")
        let names = ["Ölkyl", "Ångmaskin", "Bord", "Äggkokare", "Zonvärmare", "bänk", "Ask 50% rabatt"]
        for (index, name) in names.enumerated() {
            _ = try CatalogStore.createProduct(db, draft: Self.draft("P-\(index)", name), actor: Self.actor)
        }
        var seen: [String] = []
        var after: ProductID?
        repeat {
            let page = try CatalogStore.productPage(db, search: "", includeInactive: false, after: after, limit: 3)
            seen += page.rows.map(\.name)
            after = page.nextAfter.map(ProductID.init(rawValue:))
        } while after != nil
        #expect(seen == ["Ask 50% rabatt", "Bord", "bänk", "Zonvärmare", "Ångmaskin", "Äggkokare", "Ölkyl"])
        #expect(
            try CatalogStore.productPage(db, search: "p-3", includeInactive: false, after: nil).rows.map(\.name) == [
                "Äggkokare"
            ])
        #expect(
            try CatalogStore.productPage(db, search: "50%", includeInactive: false, after: nil).rows.map(\.name) == [
                "Ask 50% rabatt"
            ])
        #expect(try CatalogStore.productPage(db, search: "5_%", includeInactive: false, after: nil).rows.isEmpty)

        let bord = try #require(
            try CatalogStore.productPage(db, search: "bord", includeInactive: false, after: nil).rows.first)
        #expect(try CatalogStore.setProductActive(db, id: bord.id, active: false, actor: Self.actor))
        #expect(try CatalogStore.productPage(db, search: "bord", includeInactive: false, after: nil).rows.isEmpty)
        #expect(
            try CatalogStore.productPage(db, search: "bord", includeInactive: true, after: nil).rows.map(\.active) == [
                false
            ])
    }

    @Test func aTakenSkuAndAStaleVersionAreRefusedAndNothingIsWritten() throws {
        let db = try TestDatabase.migrated("catalog_products_edit")
        let category = try CatalogStore.createCategory(db, name: "Tält")
        var tent = Self.draft("TALT-3x3", "Partytält 3×3 m")
        tent.categoryID = category
        let id = try CatalogStore.createProduct(db, draft: tent, actor: Self.actor)
        var problems: [ProductDraft.Field: RecordFieldProblem]?
        do {
            _ = try CatalogStore.createProduct(db, draft: Self.draft("TALT-3x3", "Kopia"), actor: Self.actor)
        } catch ProductStoreError.invalid(let p) { problems = p }
        #expect(problems == [.sku: .taken])
        var unknownCategory = Self.draft("TALT-4x8", "Partytält 4×8 m")
        unknownCategory.categoryID = 999
        do {
            _ = try CatalogStore.createProduct(db, draft: unknownCategory, actor: Self.actor)
        } catch ProductStoreError.invalid(let p) { problems = p }
        #expect(problems == [.category: .invalidChoice])

        let loaded = try #require(try CatalogStore.productRecord(db, id: id))
        #expect(loaded.categoryName == "Tält")
        try CatalogStore.setStock(db, id: id, version: loaded.version, stock: 9, actor: Self.actor)
        var renamed = loaded.draft
        renamed.name = "Partytält 3×3 m vit"
        var current: ProductRecord?
        do {
            try CatalogStore.updateProduct(db, id: id, version: loaded.version, draft: renamed, actor: Self.actor)
        } catch ProductStoreError.versionConflict(let record) {
            current = record
        }
        #expect(current?.draft.stock == 9)
        #expect(try CatalogStore.productRecord(db, id: id)?.draft.name == "Partytält 3×3 m")

        renamed.stock = 9
        try CatalogStore.updateProduct(db, id: id, version: loaded.version + 1, draft: renamed, actor: Self.actor)
        let saved = try #require(try CatalogStore.productRecord(db, id: id))
        #expect(saved.draft.name == "Partytält 3×3 m vit" && saved.version == loaded.version + 2)
        let audit: [String] = try db.query(
            "SELECT action || ' ' || coalesce(after::text, '') AS line FROM audit_log WHERE entity_type = 'product' AND entity_id = \(id.rawValue) ORDER BY id"
        ).map { try $0.decode("line") }
        #expect(audit.count == 3)
        #expect(audit[1] == #"stock_changed {"stock": "9"}"#)
        #expect(audit[2] == #"updated {"name": "Partytält 3×3 m vit"}"#)
    }

    @Test func addonsAreListedEditedAndDeactivated() throws {
        let db = try TestDatabase.migrated("catalog_addons")
        let tent = try CatalogStore.createProduct(
            db, draft: Self.draft("TALT-6x12", "Festtält 6×12 m"), actor: Self.actor)
        let delivery = try CatalogStore.createAddon(
            db,
            draft: AddonDraft(
                name: "Leverans Göteborg", description: "Inom 30 km.", price: Money(ore: 99_500), pricing: .flat),
            actor: Self.actor)
        let setup = try CatalogStore.createAddon(
            db,
            draft: AddonDraft(name: "Montering tält", price: Money(ore: 250_000), pricing: .perUnit, productID: tent),
            actor: Self.actor)
        let page = try CatalogStore.addonPage(db, search: "", includeInactive: false, after: nil)
        #expect(page.rows.map(\.id) == [delivery, setup])
        #expect(page.rows.map(\.productLabel) == [nil, "TALT-6x12 · Festtält 6×12 m"])

        var problems: [AddonDraft.Field: RecordFieldProblem]?
        let stale = try #require(try CatalogStore.addonRecord(db, id: delivery))
        var moved = stale.draft
        moved.productID = ProductID(rawValue: 12345)
        do {
            try CatalogStore.updateAddon(db, id: delivery, version: stale.version, draft: moved, actor: Self.actor)
        } catch AddonStoreError.invalid(let p) {
            problems = p
        }
        #expect(problems == [.product: .invalidChoice])

        #expect(try CatalogStore.setAddonActive(db, id: delivery, active: false, actor: Self.actor))
        #expect(
            try CatalogStore.addonPage(db, search: "", includeInactive: false, after: nil).rows.map(\.id) == [setup])
        #expect(
            try CatalogStore.addonPage(db, search: "leverans", includeInactive: true, after: nil).rows.map(\.id) == [
                delivery
            ])
        var conflict: AddonRecord?
        do {
            try CatalogStore.updateAddon(
                db, id: delivery, version: stale.version, draft: stale.draft, actor: Self.actor)
        } catch AddonStoreError.versionConflict(let current) {
            conflict = current
        }
        #expect(conflict?.active == false)
    }

    @Test func theProductsListUsesItsIndexWithManyProducts() throws {
        let db = try TestDatabase.migrated("catalog_plans")
        try db.execute(
            """
            INSERT INTO products (sku, name, price_ore, pricing, stock, active)
            SELECT 'SKU-' || g, 'Produkt ' || g, 100, 'per_day', 1, g % 7 <> 0 FROM generate_series(1, 20000) g
            """)
        try db.execute("ANALYZE products")
        for cursor in [nil, ("Produkt 500", Int64(500))] as [(name: String, id: Int64)?] {
            let plan = try db.query(
                "EXPLAIN "
                    + CatalogStore.productPageQuery(search: "", includeInactive: false, cursor: cursor, limit: 50)
            ).map { try $0.decode(0, as: String.self) }.joined(separator: "\n")
            #expect(plan.contains("products_list_active_idx"), "\(plan)")
            #expect(!plan.contains("Sort"), "\(plan)")
        }
    }
}
