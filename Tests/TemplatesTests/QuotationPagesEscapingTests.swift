import Domain
import Foundation
import Routing
import Sanitizer
import Testing

@testable import Templates

/// The quotation pages with hostile values in every field a person can type: all inert.
@Suite("Quotation pages escape what people type")
struct QuotationPagesEscapingTests {
    static let hostile = EscapingTests.hostile

    func admin(_ value: String, role: StaffRole = .manager) -> AdminPage {
        AdminPage(
            page: EscapingTests().context(value),
            user: StaffMember(id: UserID(rawValue: 1), email: value, name: value, role: role, locale: .sv),
            csrfToken: value, flash: .saved)
    }

    func expectInert(_ bytes: [UInt8], sourceLocation: SourceLocation = #_sourceLocation) {
        let html = String(decoding: bytes, as: UTF8.self)
        EscapingTests().expectInert(html, "", sourceLocation: sourceLocation)
        #expect(!html.contains("<script>"), sourceLocation: sourceLocation)
    }

    @Test(arguments: hostile)
    func everyQuotationPageIsInert(_ value: String) throws {
        let period = try RentalPeriod(
            start: try CalendarDate(iso: "2026-06-19"), end: try CalendarDate(iso: "2026-06-21"))
        let line = try QuotationLine(
            item: .custom, description: value, quantity: 1, pricing: .flat, unitPrice: Money(ore: 100))
        var values: [String: String] = ["line_count": "1"]
        for name in QuotationEditorFields.all + [
            "line_0_item", "line_0_description", "line_0_quantity", "line_0_days",
            "line_0_unit_price", "line_0_pricing", "line_0_discount",
        ] {
            values[name] = value
        }
        let form = FormState(values: values, errors: ["title": value, "line_0_quantity": value], formError: value)
        let customer = QuotationEditorPage.Customer(
            id: CustomerID(rawValue: 3), name: value, detail: value, archived: true)
        for (editable, state) in [(true, QuotationState.draft), (false, .sent), (false, .signed)] {
            let header = QuotationEditorPage.Header(
                id: QuotationID(rawValue: 1), number: value, state: state, version: 1, createdBy: value,
                createdAt: Date(),
                updatedAt: Date(), bookingID: BookingID(rawValue: 2), bookingNumber: value)
            let model = QuotationEditorPage.Model(
                header: header, customer: customer, customerResults: [customer], searched: true, form: form,
                lines: [
                    .init(
                        days: 1, total: Money(ore: 100),
                        stock: .init(requested: 2, stock: 1, maxReserved: 0, available: 1))
                ],
                totals: try QuotationTotals.compute(lines: [line], period: period), preview: true,
                items: [.init(value: value, label: value, group: value)],
                link: .init(
                    versionNo: 1, recipient: value, createdAt: Date(), expiresAt: Date(), expired: true,
                    firstViewedAt: Date(), viewCount: 2, email: .failed(error: value)),
                signed: state == .signed ? .init(version: 1, signerName: value, signedAt: Date()) : nil,
                versions: [
                    .init(
                        number: 1, state: .superseded, sentAt: Date(), total: Money(ore: 1), sha256: value,
                        sentBy: value, declined: true)
                ],
                terms: try HTMLSanitizer.sanitize(value), editable: editable, mayManage: true,
                sendForm: FormState(values: ["shortage_reason": value], errors: ["shortage_reason": value]),
                shortages: [.init(name: value, requested: 2, available: 1)])
            expectInert(QuotationEditorPage.render(model, admin: admin(value)))
        }
        let snapshot = try QuotationSnapshot(
            number: try DocumentNumber(parsing: "Q-2026-0001"), version: 1, title: value,
            company: CompanyProfile(
                name: value, organisationNumber: value, vatNumber: value, address: value, email: value, phone: value,
                website: value),
            customer: CustomerDetails(kind: .company, name: value, companyName: value, email: value),
            period: period, deliveryAddress: PostalAddress(line1: value, city: value), lines: [line], termsHTML: "",
            validUntil: try CalendarDate(iso: "2026-06-01"))
        expectInert(
            QuotationVersionPage.render(
                .init(
                    quotationID: QuotationID(rawValue: 1), number: value, version: 1, state: .signed, sentAt: Date(),
                    sentBy: value,
                    snapshot: snapshot, sha256: value, terms: try HTMLSanitizer.sanitize(value),
                    links: [
                        .init(
                            createdAt: Date(), createdBy: value, recipient: value, expiresAt: Date(), voidedAt: nil,
                            viewCount: 1)
                    ],
                    evidence: .init(
                        signerName: value, signerEmail: value, method: "typed", typedText: value, strokeCount: 0,
                        ip: value,
                        userAgent: value, signedAt: Date(), documentSHA256: value),
                    decline: .init(reason: value, declinedAt: Date(), ip: value), bookingID: BookingID(rawValue: 1),
                    bookingNumber: value),
                admin: admin(value)))
        expectInert(
            QuotationListPage.render(
                rows: [
                    .init(
                        id: QuotationID(rawValue: 1), number: value, state: .sent, customer: value, title: value,
                        period: period,
                        total: Money(ore: 1), updatedAt: Date())
                ],
                state: .sent, search: value, nextCursor: 5, isFirstPage: false, admin: admin(value)))
        expectInert(
            QuotationNewPage.render(
                form: FormState(
                    values: Dictionary(
                        uniqueKeysWithValues: ["customer_q", "new_name", "new_email", "title"].map { ($0, value) }),
                    errors: ["new_name": value]),
                customers: [.init(id: CustomerID(rawValue: 1), name: value, detail: value)], searched: true,
                admin: admin(value)))
    }
}

/// The editor's scalar field names (as the handler's form uses them).
enum QuotationEditorFields {
    static let all = [
        "customer_id", "customer_q", "title", "period_start", "period_end", "delivery_line1", "delivery_line2",
        "delivery_postal_code", "delivery_city", "delivery_country", "discount_kind", "discount_value", "shipping",
        "vat_rate", "terms", "message", "notes", "new_item", "new_quantity",
    ]
}
