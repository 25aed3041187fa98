import Database
import Domain
import Foundation
import TestSupport
import Testing
import UseCases

/// The staff's quotation operations against a real PostgreSQL: saving with optimistic locking,
/// creating with a customer typed in, sending with the stock rule, resend, void, reopen,
/// duplicate, the list and the versions.
@Suite("Quotations: the staff's editor and actions")
struct QuotationStoreEditorTests {
    typealias Fixture = QuotationFixture

    static func actor(_ f: Fixture) -> AuditActor {
        .staff(UserID(rawValue: f.user), requestID: "req-1", ip: "192.0.2.7")
    }

    static func count(_ db: Connection, _ sql: Query) throws -> Int { try QuotationFixture.count(db, sql) }

    static func text(_ db: Connection, _ sql: Query) throws -> String? { try db.query(sql).first?.decode(0) }

    @Test func savingReplacesTheLinesStoresTheTotalsAndAuditsOnlyWhatChanged() throws {
        let db = try TestDatabase.migrated("qe_save")
        let f = try Fixture(db)
        let id = try f.draft(on: db)
        let record = try #require(try QuotationStore.load(db, id: id))
        #expect(record.state == .draft)
        #expect(record.content.lines.count == 2)

        var content = record.content
        content.lines[0] = try QuotationLine(
            item: .product(f.product), description: "Partytält 3×3 m", quantity: 3, pricing: .perDay,
            unitPrice: Money(ore: 45_000), daysOverride: 2, discount: try .percent(basisPoints: 1000))
        content.lines.append(
            try QuotationLine(
                item: .custom, description: "Extra städning", quantity: 1, pricing: .flat, unitPrice: Money(ore: 50_000)
            ))
        content.shipping = Money(ore: 30_000)
        content.discount = try .amount(Money(ore: 10_000))
        content.messageToCustomer = "Välkommen!"
        let outcome = try SaveQuotation.run(
            db, id: id, expectedVersion: record.version, content: content, actor: Self.actor(f))
        #expect(outcome == .saved(version: record.version + 1))

        let saved = try #require(try QuotationStore.load(db, id: id))
        #expect(saved.content == content)
        #expect(saved.version == record.version + 1)
        // 3 × 450 × 2 days = 2 700 − 10 % = 2 430; + 995 + 500 = 3 925; − 100 = 3 825; + 300 = 4 125; VAT 1 031,25.
        let totals = try content.totals()
        #expect(totals.total == Money(ore: 515_625))
        let stored = try #require(
            try db.query(
                "SELECT subtotal_ore, vat_ore, total_ore, discount_ore FROM quotations WHERE id = \(id.rawValue)"
            ).first)
        #expect(try stored.decode("subtotal_ore", as: Int64.self) == 392_500)
        #expect(try stored.decode("vat_ore", as: Int64.self) == 103_125)
        #expect(try stored.decode("total_ore", as: Int64.self) == 515_625)
        #expect(try stored.decode("discount_ore", as: Int64.self) == 10_000)
        let days: [Int] = try db.query(
            "SELECT days FROM quotation_lines WHERE quotation_id = \(id.rawValue) ORDER BY position"
        ).map {
            try $0.decode("days")
        }
        #expect(days == [2, 1, 1])

        let audit = try #require(
            try db.query(
                """
                SELECT before->>'line 1' AS b1, after->>'line 1' AS a1, after->>'line 3' AS a3, before ? 'title' AS title_changed,
                       after->>'shipping' AS shipping, request_id, host(ip) AS ip, actor_user_id
                  FROM audit_log WHERE entity_type = 'quotation' AND entity_id = \(id.rawValue) AND action = 'updated'
                """
            ).first)
        #expect(try audit.decode("b1", as: String.self).hasPrefix("2 × Partytält 3×3 m"))
        #expect(
            try audit.decode("a1", as: String.self).contains(
                "3 × Partytält 3×3 m (product \(f.product.rawValue)) at 450.00 per_day, 2 days, discount 1000 bp"))
        #expect(try audit.decode("a3", as: String.self).hasPrefix("1 × Extra städning (custom)"))
        #expect(try audit.decode("title_changed", as: Bool.self) == false, "only what changed is recorded")
        #expect(try audit.decode("shipping", as: String.self) == "300.00")
        #expect(try audit.decode("request_id", as: String.self) == "req-1")
        #expect(try audit.decode("ip", as: String.self) == "192.0.2.7")
        #expect(try audit.decode("actor_user_id", as: Int64.self) == f.user)

        // Saving the same content again writes nothing.
        #expect(
            try SaveQuotation.run(db, id: id, expectedVersion: saved.version, content: content, actor: Self.actor(f))
                == .saved(version: saved.version))
        #expect(try Self.count(db, "SELECT count(*) AS n FROM audit_log WHERE action = 'updated'") == 1)

        // A form based on the older version: refused, nothing written.
        var stale = content
        stale.title = "Någon annans ändring"
        #expect(
            try SaveQuotation.run(db, id: id, expectedVersion: record.version, content: stale, actor: Self.actor(f))
                == .conflict)
        #expect(try QuotationStore.load(db, id: id)?.content.title == "Midsommarfest")
        #expect(
            try SaveQuotation.run(
                db, id: QuotationID(rawValue: 999_999), expectedVersion: 1, content: content, actor: Self.actor(f))
                == .notFound)
    }

    @Test func onlyDraftsAreSavedAndTheCustomerMustExist() throws {
        let db = try TestDatabase.migrated("qe_save_rules")
        let f = try Fixture(db)
        let id = try f.draft(on: db)
        let record = try #require(try QuotationStore.load(db, id: id))
        var content = record.content
        content.customer = CustomerID(rawValue: 424_242)
        #expect(
            try SaveQuotation.run(db, id: id, expectedVersion: record.version, content: content, actor: Self.actor(f))
                == .customerNotFound)

        _ = try SendQuotation.freeze(db, quotationID: id, sentBy: f.user)
        let sent = try #require(try QuotationStore.load(db, id: id))
        #expect(
            try SaveQuotation.run(
                db, id: id, expectedVersion: sent.version, content: sent.content, actor: Self.actor(f))
                == .notEditable(.sent))
        #expect(sent.liveLink?.versionNo == 1)
        #expect(sent.liveLink?.recipient == "asa@example.se")
    }

    @Test func aDraftForANewCustomerStartsFromTheSettings() throws {
        let db = try TestDatabase.migrated("qe_create")
        let f = try Fixture(db)
        try db.execute("UPDATE settings SET default_vat_rate_bp = 1200, terms_template_html = '<p>Våra villkor</p>'")
        let period = try RentalPeriod(
            start: try CalendarDate(iso: "2026-08-01"), end: try CalendarDate(iso: "2026-08-02"))
        let id = try #require(
            try QuotationStore.createEmptyDraft(
                db,
                customer: .new(
                    NewCustomer(name: "Ebba Fröjd", email: "ebba@example.se", phone: "070-1", companyName: "Kåren AB")),
                period: period, title: "Kårfest", actor: Self.actor(f)))
        let record = try #require(try QuotationStore.load(db, id: id))
        #expect(record.customer.kind == .company)
        #expect(record.customer.companyName == "Kåren AB")
        #expect(record.content.vatRate.basisPoints == 1200)
        #expect(record.content.termsHTML == "<p>Våra villkor</p>")
        #expect(record.content.lines.isEmpty)
        #expect(record.content.title == "Kårfest")
        #expect(
            try Self.count(
                db,
                "SELECT count(*) AS n FROM audit_log WHERE entity_type = 'customer' AND action = 'created' AND after->>'email' = 'ebba@example.se'"
            ) == 1)

        // An existing customer without a delivery address: the billing address is where it goes.
        let other = try #require(
            try QuotationStore.createEmptyDraft(
                db, customer: .existing(f.customer), period: period, title: "", actor: Self.actor(f)))
        #expect(try QuotationStore.load(db, id: other)?.content.deliveryAddress.line1 == "Storgatan 1")
        #expect(
            try QuotationStore.createEmptyDraft(
                db, customer: .existing(CustomerID(rawValue: 9_999)), period: period, title: "", actor: Self.actor(f))
                == nil)

        // A malformed address never makes a half-written draft.
        #expect(throws: DatabaseError.self) {
            try QuotationStore.createEmptyDraft(
                db, customer: .new(NewCustomer(name: "X", email: "not an address", phone: "", companyName: "")),
                period: period, title: "", actor: Self.actor(f))
        }
        #expect(try Self.count(db, "SELECT count(*) AS n FROM quotations") == 2)
        #expect(try Self.count(db, "SELECT count(*) AS n FROM customers") == 2)

        let found = try QuotationStore.searchCustomers(db, matching: "fröjd")
        #expect(found.map(\.displayName) == ["Kåren AB"])
        #expect(try QuotationStore.searchCustomers(db, matching: "%").isEmpty, "LIKE wildcards are taken literally")
        #expect(try QuotationStore.activeCustomers(db, withEmail: "EBBA@example.se").count == 1)
    }

    @Test func sendingWithAShortageNeedsAReasonWhichIsRecorded() throws {
        let db = try TestDatabase.migrated("qe_send_short")
        let f = try Fixture(db, stock: 4)
        let id = try f.draft(on: db, quantity: 5)
        let version = try #require(try QuotationStore.load(db, id: id)).version

        #expect(
            try SendQuotation.run(db, id: id, expectedVersion: version + 7, shortageReason: nil, actor: Self.actor(f))
                .isConflict)
        guard
            case .shortageNeedsReason(let items) = try SendQuotation.run(
                db, id: id, expectedVersion: version, shortageReason: "   ", actor: Self.actor(f))
        else {
            Issue.record("a shortage without a reason must be refused")
            return
        }
        #expect(items.map(\.requested) == [5])
        #expect(items.map(\.available) == [4])
        #expect(try Self.count(db, "SELECT count(*) AS n FROM quotation_versions") == 0)
        #expect(try Self.count(db, "SELECT count(*) AS n FROM jobs") == 0)

        guard
            case .sent(let sent, let shortages) = try SendQuotation.run(
                db, id: id, expectedVersion: version, shortageReason: "Vi hyr in ett tält från partner.",
                actor: Self.actor(f))
        else {
            Issue.record("a shortage with a reason is sent")
            return
        }
        #expect(sent.versionNo == 1)
        #expect(shortages.count == 1)
        let audit = try #require(
            try db.query(
                "SELECT after->>'reason' AS reason, after->>'short' AS short, actor_user_id FROM audit_log WHERE action = 'sent_with_shortage'"
            ).first)
        #expect(try audit.decode("reason", as: String.self) == "Vi hyr in ett tält från partner.")
        #expect(try audit.decode("short", as: String.self) == "Partytält 3×3 m: 5 requested, 4 free of 4")
        #expect(try audit.decode("actor_user_id", as: Int64.self) == f.user)
        #expect(try Self.count(db, "SELECT count(*) AS n FROM jobs WHERE kind = 'email.signing_link'") == 1)
    }

    @Test func sendingNeedsLinesAndAnEmailAddressAndStockCountsConfirmedBookingsOnly() throws {
        let db = try TestDatabase.migrated("qe_send_rules")
        let f = try Fixture(db, stock: 4)
        let period = try RentalPeriod(
            start: try CalendarDate(iso: "2026-06-19"), end: try CalendarDate(iso: "2026-06-21"))
        let empty = try #require(
            try QuotationStore.createEmptyDraft(
                db, customer: .existing(f.customer), period: period, title: "", actor: Self.actor(f)))
        let emptyVersion = try #require(try QuotationStore.load(db, id: empty)).version
        #expect(
            try SendQuotation.run(
                db, id: empty, expectedVersion: emptyVersion, shortageReason: nil, actor: Self.actor(f)
            ).isNoLines)

        // A booking of 3 tents over the same weekend leaves 1.
        let booked = try f.draft(on: db, quantity: 3)
        let sent = try SendQuotation.freeze(db, quotationID: booked, sentBy: f.user)
        _ = try SignQuotation.run(
            db, tokenHash: sent.token.hash, signature: .typed(name: "Åsa"),
            evidence: SigningEvidenceInput(signerName: "Åsa"))
        let availability = try StockStore.availability(db, products: [f.product], period: period)
        #expect(availability[f.product]?.maxReserved == 3)
        #expect(availability[f.product]?.available == 1)
        let id = try f.draft(on: db, quantity: 2)
        let version = try #require(try QuotationStore.load(db, id: id)).version
        #expect(
            try SendQuotation.run(db, id: id, expectedVersion: version, shortageReason: nil, actor: Self.actor(f))
                .isShortage)
        // Cancelled bookings hold nothing.
        try db.execute("UPDATE bookings SET state = 'cancelled', cancelled_at = now(), cancel_reason = 'test'")
        #expect(try StockStore.availability(db, products: [f.product], period: period)[f.product]?.available == 4)

        try db.execute("UPDATE customers SET email = NULL")
        #expect(
            try SendQuotation.run(db, id: id, expectedVersion: version, shortageReason: nil, actor: Self.actor(f))
                .isNoEmail)
    }

    @Test func resendIssuesANewLinkForTheSameVersionAndVoidsTheOldOne() throws {
        let db = try TestDatabase.migrated("qe_resend")
        let f = try Fixture(db)
        let id = try f.draft(on: db)
        #expect(try ResendSigningLink.run(db, id: id, actor: Self.actor(f)) == .notResendable(.draft))
        let sent = try SendQuotation.freeze(db, quotationID: id, sentBy: f.user)
        try db.execute("UPDATE customers SET email = 'ny.adress@example.se'")
        // Another address than the link went to: only with a reason (finding M5).
        guard
            case .recipientChangeNeedsReason(_, "ny.adress@example.se") = try ResendSigningLink.run(
                db, id: id, actor: Self.actor(f))
        else {
            Issue.record("a link to a changed address needs a reason")
            return
        }

        guard
            case .resent(let linkID, let expiresAt) = try ResendSigningLink.run(
                db, id: id, actor: Self.actor(f), recipientChangeReason: "Kunden har ny adress")
        else {
            Issue.record("a sent quotation can be resent")
            return
        }
        #expect(abs(expiresAt.timeIntervalSince(sent.expiresAt)) < 1, "the offer's validity does not change")
        let links = try db.query(
            "SELECT id, quotation_version_id, voided_at IS NOT NULL AS voided, recipient_email::text AS email FROM signing_links ORDER BY id"
        )
        #expect(links.count == 2)
        #expect(try links[0].decode("voided", as: Bool.self))
        #expect(try !links[1].decode("voided", as: Bool.self))
        #expect(try links[1].decode("id", as: Int64.self) == linkID.rawValue)
        #expect(try links[1].decode("quotation_version_id", as: Int64.self) == sent.versionID.rawValue)
        #expect(try links[1].decode("email", as: String.self) == "ny.adress@example.se")
        #expect(try Self.count(db, "SELECT count(*) AS n FROM quotation_versions") == 1)
        #expect(
            try Self.count(
                db,
                "SELECT count(*) AS n FROM jobs WHERE kind = 'email.signing_link' AND (payload->>'signing_link_id')::bigint = \(linkID.rawValue)"
            ) == 1)
        #expect(
            try Self.count(
                db,
                "SELECT count(*) AS n FROM audit_log WHERE action = 'resent' AND after->>'recipient' = 'ny.adress@example.se'"
            ) == 1)
        #expect(
            try SignQuotation.run(
                db, tokenHash: sent.token.hash, signature: .typed(name: "Å"),
                evidence: SigningEvidenceInput(signerName: "Å")) == .voided)

        try db.execute(
            "UPDATE signing_links SET created_at = now() - interval '40 days', expires_at = now() - interval '1 day' WHERE voided_at IS NULL"
        )
        #expect(try ResendSigningLink.run(db, id: id, actor: Self.actor(f)) == .linkExpired)
    }

    @Test func voidStopsTheLinkAtOnce() throws {
        let db = try TestDatabase.migrated("qe_void")
        let f = try Fixture(db)
        let id = try f.draft(on: db)
        let sent = try SendQuotation.freeze(db, quotationID: id, sentBy: f.user)
        #expect(try VoidQuotation.run(db, id: id, actor: Self.actor(f)) == .done)
        #expect(try Self.text(db, "SELECT state FROM quotations WHERE id = \(id.rawValue)") == "void")
        #expect(try Self.text(db, "SELECT state FROM quotation_versions") == "void")
        #expect(try Self.count(db, "SELECT count(*) AS n FROM signing_links WHERE voided_at IS NULL") == 0)
        #expect(
            try SignQuotation.run(
                db, tokenHash: sent.token.hash, signature: .typed(name: "Å"),
                evidence: SigningEvidenceInput(signerName: "Å")) == .voided)
        #expect(try SigningStore.lookup(db, tokenHash: sent.token.hash)?.state == .voided)
        #expect(
            try Self.count(
                db, "SELECT count(*) AS n FROM audit_log WHERE action = 'voided' AND before->>'state' = 'sent'") == 1)
        #expect(try VoidQuotation.run(db, id: id, actor: Self.actor(f)) == .notAllowed(.void))
        #expect(try VoidQuotation.run(db, id: QuotationID(rawValue: 777), actor: Self.actor(f)) == .notFound)
    }

    @Test func reopeningSupersedesTheSentVersionAndTheNextSendIsVersionTwo() throws {
        let db = try TestDatabase.migrated("qe_reopen")
        let f = try Fixture(db)
        let id = try f.draft(on: db)
        let first = try SendQuotation.freeze(db, quotationID: id, sentBy: f.user)
        let version = try #require(try QuotationStore.load(db, id: id)).version
        #expect(try ReopenQuotation.run(db, id: id, expectedVersion: version - 1, actor: Self.actor(f)) == .conflict)
        #expect(try ReopenQuotation.run(db, id: id, expectedVersion: version, actor: Self.actor(f)) == .done)
        #expect(try SigningStore.lookup(db, tokenHash: first.token.hash)?.state == .voided)
        let reopened = try #require(try QuotationStore.load(db, id: id))
        #expect(reopened.state == .draft)
        #expect(reopened.liveLink == nil)
        #expect(
            try ReopenQuotation.run(db, id: id, expectedVersion: reopened.version, actor: Self.actor(f))
                == .notAllowed(.draft))

        guard
            case .sent(let second, _) = try SendQuotation.run(
                db, id: id, expectedVersion: reopened.version, shortageReason: nil, actor: Self.actor(f))
        else {
            Issue.record("a reopened quotation is sent again")
            return
        }
        #expect(second.versionNo == 2)
        let versions = try QuotationStore.versions(db, quotationID: id)
        #expect(versions.map(\.number) == [2, 1])
        #expect(versions.map(\.state) == [.sent, .superseded])
        #expect(versions[0].sha256 == second.snapshotSHA256)
        #expect(versions[0].sentByName == "Sälja Re")
    }

    @Test func aDuplicateIsANewDraftWithTheSameContent() throws {
        let db = try TestDatabase.migrated("qe_duplicate")
        let f = try Fixture(db)
        let id = try f.draft(
            on: db, lineDiscount: try .percent(basisPoints: 1000), discount: try .amount(Money(ore: 5_000)))
        try db.execute(
            "UPDATE quotations SET message_to_customer = 'Hej', internal_notes = 'Ring först' WHERE id = \(id.rawValue)"
        )
        _ = try SendQuotation.freeze(db, quotationID: id, sentBy: f.user)
        let copy = try #require(try DuplicateQuotation.run(db, id: id, actor: Self.actor(f)))
        let original = try #require(try QuotationStore.load(db, id: id))
        let duplicate = try #require(try QuotationStore.load(db, id: copy))
        #expect(duplicate.state == .draft)
        #expect(duplicate.number != original.number)
        #expect(duplicate.content == original.content)
        #expect(duplicate.currentVersion == 0)
        #expect(
            try Self.count(
                db,
                "SELECT count(*) AS n FROM audit_log WHERE action = 'duplicated' AND after->>'from_number' = \(original.number)"
            ) == 1)
        #expect(try DuplicateQuotation.run(db, id: QuotationID(rawValue: 31_337), actor: Self.actor(f)) == nil)
    }

    @Test func theListFiltersByStateSearchesAndPagesByID() throws {
        let db = try TestDatabase.migrated("qe_list")
        let f = try Fixture(db)
        var ids: [QuotationID] = []
        for _ in 0..<5 { ids.append(try f.draft(on: db)) }
        try db.execute("UPDATE quotations SET title = 'Bröllop på Särö' WHERE id = \(ids[1].rawValue)")
        _ = try SendQuotation.freeze(db, quotationID: ids[2], sentBy: f.user)
        let other = try CustomerStore.create(
            db,
            details: CustomerDetails(
                kind: .company, name: "Jörgen", companyName: "Kungälvs IF", email: "kansli@kif.example"))
        let period = try RentalPeriod(
            start: try CalendarDate(iso: "2026-09-01"), end: try CalendarDate(iso: "2026-09-01"))
        let club = try #require(
            try QuotationStore.createEmptyDraft(
                db, customer: .existing(other), period: period, title: "Jubileum", actor: Self.actor(f)))

        let all = try QuotationStore.page(db, state: nil, search: nil, after: nil)
        #expect(all.rows.map(\.id) == ([club] + ids.reversed()))
        #expect(all.nextCursor == nil)
        #expect(all.rows.first?.customerName == "Kungälvs IF", "companies by their company name")

        let sent = try QuotationStore.page(db, state: .sent, search: nil, after: nil)
        #expect(sent.rows.map(\.id) == [ids[2]])
        #expect(sent.rows.first?.total.ore ?? 0 > 0)

        #expect(try QuotationStore.page(db, state: nil, search: "särö", after: nil).rows.map(\.id) == [ids[1]])
        #expect(try QuotationStore.page(db, state: nil, search: "kungälv", after: nil).rows.map(\.id) == [club])
        #expect(try QuotationStore.page(db, state: nil, search: "Öberg", after: nil).rows.count == 5)
        let number = try #require(all.rows.last?.number)
        #expect(try QuotationStore.page(db, state: nil, search: number, after: nil).rows.map(\.number) == [number])
        #expect(try QuotationStore.page(db, state: .draft, search: "_", after: nil).rows.isEmpty)

        let first = try QuotationStore.page(db, state: .draft, search: nil, after: nil, limit: 2)
        #expect(first.rows.map(\.id) == [club, ids[4]])
        let second = try QuotationStore.page(db, state: .draft, search: nil, after: first.nextCursor, limit: 2)
        #expect(second.rows.map(\.id) == [ids[3], ids[1]])
        let third = try QuotationStore.page(db, state: .draft, search: nil, after: second.nextCursor, limit: 2)
        #expect(third.rows.map(\.id) == [ids[0]])
        #expect(third.nextCursor == nil)
    }

    @Test func aSignedVersionShowsItsEvidenceAndBooking() throws {
        let db = try TestDatabase.migrated("qe_version")
        let f = try Fixture(db)
        let id = try f.draft(on: db)
        let sent = try SendQuotation.freeze(db, quotationID: id, sentBy: f.user)
        guard
            case .signed(let bookingID, let bookingNumber, _) = try SignQuotation.run(
                db, tokenHash: sent.token.hash, signature: .typed(name: "Åsa Öberg"),
                evidence: SigningEvidenceInput(
                    signerName: "Åsa Öberg", signerEmail: "asa@example.se", ipAddress: "198.51.100.4",
                    userAgent: "Testläsare/1.0"))
        else {
            Issue.record("signing works")
            return
        }
        let detail = try #require(try QuotationStore.versionDetail(db, quotationID: id, number: 1))
        #expect(detail.summary.state == .signed)
        #expect(detail.booking?.id == bookingID)
        #expect(detail.booking?.number == bookingNumber)
        let evidence = try #require(detail.signature)
        #expect(evidence.signerName == "Åsa Öberg")
        #expect(evidence.method == "typed")
        #expect(evidence.typedText == "Åsa Öberg")
        #expect(evidence.ip == "198.51.100.4")
        #expect(evidence.userAgent == "Testläsare/1.0")
        #expect(evidence.documentSHA256 == sent.snapshotSHA256)
        #expect(detail.links.count == 1)
        #expect(try QuotationSnapshot(canonicalJSON: detail.snapshotJSON).sha256.hex == sent.snapshotSHA256)
        #expect(try QuotationStore.versionDetail(db, quotationID: id, number: 2) == nil)
        let record = try #require(try QuotationStore.load(db, id: id))
        #expect(record.state == .signed)
        #expect(record.booking?.number == bookingNumber)
    }
}

extension QuotationSendOutcome {
    var isConflict: Bool { if case .conflict = self { true } else { false } }
    var isNoLines: Bool { if case .noLines = self { true } else { false } }
    var isNoEmail: Bool { if case .customerHasNoEmail = self { true } else { false } }
    var isShortage: Bool { if case .shortageNeedsReason = self { true } else { false } }
}
