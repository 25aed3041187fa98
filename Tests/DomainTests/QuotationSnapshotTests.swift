import Testing

@testable import Domain

@Suite("Quotation snapshot")
struct QuotationSnapshotTests {
    struct Fields {
        var number = "Q-2026-0042"
        var version = 1
        var title: String? = "Sommarfest på Djurgården"
        var company = CompanyProfile(
            name: "EventGaraget AB", organisationNumber: "556677-8899", vatNumber: "SE556677889901",
            address: "Verkstadsgatan 4, 117 43 Stockholm", email: "hej@eventgaraget.se", phone: "08-123 456 78",
            website: "https://eventgaraget.se")
        var customer = CustomerDetails(
            kind: .company, name: "Anna Öberg", companyName: "Öbergs Bygg AB", organisationNumber: "559012-3456",
            email: "anna@obergsbygg.se", phone: "070-123 45 67",
            billingAddress: PostalAddress(line1: "Box 12", postalCode: "111 22", city: "Stockholm"))
        var start = "2026-06-05"
        var end = "2026-06-07"
        var delivery = PostalAddress(line1: "Djurgårdsslätten 1", postalCode: "115 21", city: "Stockholm")
        var chairs = 80
        var chairDescription = "Stol, vit klappstol"
        var discountBasisPoints = 1000
        var shipping: Int64 = 0
        var vatBasisPoints = 2500
        var terms = "<p>Betalning inom 30 dagar. \"Avbokning\" senast 14 dagar före.</p>"
        var validUntil = "2026-05-20"

        func snapshot() throws -> QuotationSnapshot {
            let chairLine = try QuotationLine(
                item: .product(ProductID(rawValue: 31)), description: chairDescription, quantity: chairs,
                pricing: .perRental, unitPrice: kr(24_95))
            return try QuotationSnapshot(
                number: DocumentNumber(parsing: number), version: version, title: title, company: company,
                customer: customer, period: period(start, end), deliveryAddress: delivery,
                lines: [Catalogue.tent(), chairLine, Catalogue.delivery()],
                discount: .percent(basisPoints: discountBasisPoints), shipping: kr(shipping),
                vatRate: VATRate(basisPoints: vatBasisPoints), termsHTML: terms, validUntil: date(validUntil))
        }
    }

    /// The hash of the fixture, fixed here: if it changes, every stored signature's hash would no
    /// longer match a re-encoding, so a change to the encoding must be a new snapshot `format`.
    static let fixtureHash = "45702281733944a5cf7a08b43641e89d8057c1e3efb7ba06dc40d8210ddd21ac"

    @Test func hashIsStableAcrossRuns() throws {
        let snapshot = try Fields().snapshot()
        #expect(snapshot.sha256.hex == Self.fixtureHash)
        #expect(try Fields().snapshot().canonicalJSON == snapshot.canonicalJSON)
        #expect(SHA256.hexDigest(Array(snapshot.canonicalJSON.utf8)) == snapshot.sha256.hex)
    }

    @Test func canonicalJSONIsCompactSortedAndUsesIntegersAndISODates() throws {
        let json = try Fields().snapshot().canonicalJSON
        #expect(json.hasPrefix(#"{"company":{"address":"Verkstadsgatan 4, 117 43 Stockholm","email":"#))
        #expect(json.contains(#""period":{"end":"2026-06-07","start":"2026-06-05"}"#))
        #expect(json.hasSuffix(#""total":2078550,"vat":415710,"vatRate":2500},"validUntil":"2026-05-20","version":1}"#))
        #expect(json.contains(#""unitPrice":2495"#))
        #expect(json.contains(#""termsHTML":"<p>Betalning inom 30 dagar. \"Avbokning\" senast 14 dagar före.</p>""#))
        #expect(json.contains(#""number":"Q-2026-0042""#))
        #expect(json.contains(#""vatRate":2500"#))
        #expect(!json.contains("\n") && !json.contains(": ") && !json.contains(", \""))
    }

    @Test func anyFieldChangesTheHash() throws {
        var variants: [String: Fields] = [:]
        func vary(_ name: String, _ change: (inout Fields) -> Void) {
            var fields = Fields()
            change(&fields)
            variants[name] = fields
        }
        vary("number") { $0.number = "Q-2026-0043" }
        vary("version") { $0.version = 2 }
        vary("title") { $0.title = nil }
        vary("company") { $0.company.phone = "08-123 456 79" }
        vary("customer") { $0.customer.email = "anna@example.se" }
        vary("customer kind") { $0.customer.kind = .person }
        vary("start") { $0.start = "2026-06-04" }
        vary("end") { $0.end = "2026-06-08" }
        vary("delivery") { $0.delivery.line2 = "Port 3" }
        vary("quantity") { $0.chairs = 81 }
        vary("description") { $0.chairDescription = "Stol, svart klappstol" }
        vary("discount") { $0.discountBasisPoints = 1001 }
        vary("shipping") { $0.shipping = 1 }
        vary("vat") { $0.vatBasisPoints = 1200 }
        vary("terms") { $0.terms += " " }
        vary("valid until") { $0.validUntil = "2026-05-21" }

        var seen: [String: String] = [try Fields().snapshot().sha256.hex: "base"]
        for (name, fields) in variants {
            let hash = try fields.snapshot().sha256.hex
            #expect(seen[hash] == nil, "\(name) gives the same hash as \(seen[hash] ?? "")")
            seen[hash] = name
        }
        #expect(seen.count == variants.count + 1)
    }

    @Test func aStoredSnapshotReadsBackEqual() throws {
        let snapshot = try Fields().snapshot()
        let read = try QuotationSnapshot(canonicalJSON: snapshot.canonicalJSON)
        #expect(read == snapshot)
        #expect(read.sha256 == snapshot.sha256)
        #expect(read.lines.map(\.total) == [kr(14_985_00), kr(1_996_00), kr(1_495_00)])
        #expect(read.totals.total == kr(20_785_50))

        var noTitle = Fields()
        noTitle.title = nil
        let untitled = try noTitle.snapshot()
        #expect(!untitled.canonicalJSON.contains("\"title\""))
        #expect(try QuotationSnapshot(canonicalJSON: untitled.canonicalJSON) == untitled)
    }

    @Test func tamperedOrReformattedSnapshotsAreRefused() throws {
        let json = try Fields().snapshot().canonicalJSON
        #expect(throws: SnapshotError.totalsDoNotMatchLines) {
            try QuotationSnapshot(
                canonicalJSON: json.replacingOccurrences(of: "\"total\":2078550", with: "\"total\":2078549"))
        }
        #expect(throws: SnapshotError.notCanonical) {
            try QuotationSnapshot(
                canonicalJSON: json.replacingOccurrences(of: "\"version\":1}", with: "\"version\": 1}"))
        }
        #expect(throws: SnapshotError.self) {
            try QuotationSnapshot(
                canonicalJSON: json.replacingOccurrences(of: "\"2026-06-07\"", with: "\"2026-06-01\""))
        }
        #expect(throws: SnapshotError.self) { try QuotationSnapshot(canonicalJSON: "{}") }
    }

    @Test func stringsAreEscapedMinimallyAndKeepTheirUTF8() throws {
        let bytes = try CanonicalJSON.encode(["b": "å\"\\\n\t\u{01}/😀", "a": "x"])
        #expect(String(decoding: bytes, as: UTF8.self) == #"{"a":"x","b":"å\"\\\n\t\u0001/😀"}"#)
        #expect(throws: EncodingError.self) { try CanonicalJSON.encode(["price": 1.5]) }
        #expect(
            String(decoding: try CanonicalJSON.encode([Int64.min, 0, Int64.max]), as: UTF8.self)
                == "[-9223372036854775808,0,9223372036854775807]")
    }
}

extension String {
    fileprivate func replacingOccurrences(of target: String, with replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}

/// Customer-visible custom fields in the frozen version: absent when there are none (the hash of
/// every version sent before them is unchanged), kept and hashed when there are.
@Suite("Quotation snapshot: custom fields")
struct QuotationSnapshotCustomFieldTests {
    @Test func withoutCustomFieldsTheEncodingAndHashAreAsBefore() throws {
        let snapshot = try QuotationSnapshotTests.Fields().snapshot()
        #expect(snapshot.customFields == nil)
        #expect(!snapshot.canonicalJSON.contains("customFields"))
        #expect(snapshot.sha256.hex == QuotationSnapshotTests.fixtureHash)
    }

    @Test func customFieldsAreFrozenReadBackAndHashed() throws {
        let plain = try QuotationSnapshotTests.Fields().snapshot()
        let fields = try QuotationSnapshotTests.Fields()
        let snapshot = try QuotationSnapshot(
            number: plain.number, version: plain.version, title: plain.title, company: fields.company,
            customer: plain.customer, period: plain.period, deliveryAddress: plain.deliveryAddress,
            lines: plain.lines.map(\.line), discount: plain.discount, shipping: plain.totals.shipping,
            vatRate: plain.vatRate, termsHTML: plain.termsHTML, validUntil: plain.validUntil,
            customFields: [QuotationSnapshot.CustomField(key: "markunderlag", label: "Markunderlag", value: "gräs")])
        #expect(
            snapshot.canonicalJSON.contains(
                #""customFields":[{"key":"markunderlag","label":"Markunderlag","value":"gräs"}]"#))
        #expect(snapshot.sha256.hex != QuotationSnapshotTests.fixtureHash)
        let read = try QuotationSnapshot(canonicalJSON: snapshot.canonicalJSON)
        #expect(read == snapshot && read.sha256 == snapshot.sha256)
    }
}
