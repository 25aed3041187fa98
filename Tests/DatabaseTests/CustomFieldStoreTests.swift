import Domain
import Foundation
import TestSupport
import Testing
import UseCases

@testable import Database

/// Custom fields against a real PostgreSQL: definitions through the use case with their audit
/// rows and events, values merged so an archived field's value is kept, and a filter on a custom
/// field at 100,000 customers answered by the GIN index.
@Suite("Custom field store")
struct CustomFieldStoreTests {
    static let actor = AuditActor(kind: .system)

    @Test func definitionsAreChangedInOneTransactionWithTheirAuditRowAndEvent() throws {
        let db = try TestDatabase.migrated("custom_field_defs")
        let draft = CustomFieldDraft(
            entity: .booking, key: "portkod", kind: .text, label: "Portkod", listColumn: true, filterable: true)
        guard case .done(let id) = try ChangeCustomField.run(db, .add(draft), actor: Self.actor) else {
            Issue.record("not added")
            return
        }
        let second = CustomFieldDraft(entity: .booking, key: "antal_gaster", kind: .number, label: "Antal gäster")
        guard case .done(let other) = try ChangeCustomField.run(db, .add(second), actor: Self.actor) else {
            Issue.record("not added")
            return
        }
        #expect(try ChangeCustomField.run(db, .add(draft), actor: Self.actor) == .refused(.keyTaken("portkod")))
        #expect(try CustomFieldStore.active(db, .booking).map(\.key) == ["portkod", "antal_gaster"])
        #expect(try ChangeCustomField.run(db, .move(other, up: true), actor: Self.actor) == .done(other))
        #expect(try CustomFieldStore.active(db, .booking).map(\.key) == ["antal_gaster", "portkod"])
        var edited = draft
        edited.label = "Portkod till lokalen"
        edited.key = "ignored"
        #expect(try ChangeCustomField.run(db, .edit(id, edited), actor: Self.actor) == .done(id))
        #expect(try CustomFieldStore.definition(db, id)?.label == "Portkod till lokalen")
        #expect(try CustomFieldStore.definition(db, id)?.key == "portkod")
        #expect(try ChangeCustomField.run(db, .archive(id), actor: Self.actor) == .done(id))
        #expect(try CustomFieldStore.active(db, .booking).map(\.key) == ["antal_gaster"])
        let events = try db.query("SELECT type FROM events WHERE type LIKE 'custom_field.%' ORDER BY id").map {
            try $0.decode("type") as String
        }
        #expect(
            events == [
                "custom_field.created", "custom_field.created", "custom_field.moved", "custom_field.updated",
                "custom_field.archived",
            ])
        let payload = try db.query(
            "SELECT payload->'object'->>'key' AS k FROM events WHERE type = 'custom_field.archived'")[0]
        #expect(try payload.decode("k") as String == "portkod")
    }

    @Test func aQuotationMadeWithoutAFormStartsAtTheDefaults() throws {
        let db = try TestDatabase.migrated("custom_field_defaults")
        let fixture = try QuotationFixture(db)
        for draft in [
            CustomFieldDraft(
                entity: .quotation, key: "markunderlag", kind: .choice, label: "Markunderlag", options: "gräs\nasfalt",
                defaultValue: "gräs"),
            CustomFieldDraft(entity: .quotation, key: "gaster", kind: .number, label: "Gäster"),
        ] {
            #expect(try ChangeCustomField.run(db, .add(draft), actor: Self.actor) != .refused(.notFound))
        }
        let id = try fixture.draft(on: db)
        #expect(try CustomFieldStore.values(db, .quotation, id: id.rawValue) == ["markunderlag": .string("gräs")])
    }

    @Test func aFilterOnACustomFieldUsesTheIndexAt100000Customers() throws {
        let db = try TestDatabase.migrated("custom_field_plans")
        try db.execute(
            """
            INSERT INTO customers (kind, name, email, custom)
            SELECT 'person', 'Kund ' || substr(md5(g::text), 1, 12), 'kund' || g || '@example.se',
                   jsonb_build_object('kundtyp', (ARRAY['Privat', 'Företag', 'Förening'])[1 + g % 3],
                                      'medlem', g % 1000 = 0)
              FROM generate_series(1, 100000) g
            """)
        try db.executeScript(unsafeSQL: "VACUUM ANALYZE customers")
        let filters = [CustomFilter.equals(key: "medlem", .bool(true))]
        let plan = try db.query(
            "EXPLAIN "
                + CustomerStore.pageQuery(search: "", includeArchived: false, cursor: nil, filters: filters, limit: 50)
        ).map { try $0.decode(0, as: String.self) }.joined(separator: "\n")
        #expect(plan.contains("customers_custom_idx"), "\(plan)")
        let started = Date()
        let page = try CustomerStore.page(db, search: "", includeArchived: false, after: nil, filters: filters)
        #expect(Date().timeIntervalSince(started) < 0.5)
        #expect(page.rows.count == 50 && page.rows.allSatisfy { $0.custom["medlem"] == .bool(true) })
        // Hostile text is a bound value: no error, no rows.
        let hostile = try CustomerStore.page(
            db, search: "", includeArchived: false, after: nil,
            filters: [.equals(key: "kundtyp", .string("x' OR '1'='1")), .contains(key: "x' OR 1=1 --", "%")])
        #expect(hostile.rows.isEmpty)
    }
}
