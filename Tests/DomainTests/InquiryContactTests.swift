import Foundation
import Testing

@testable import Domain

@Suite("Inquiry contact details, guests and addresses")
struct InquiryContactTests {
    @Test("Swedish phone numbers are kept as written, spacing normalised")
    func phones() {
        for written in ["070-123 45 67", "0701234567", "+46 70 123 45 67", "031-12 34 56", "08-123 456 78"] {
            let found = InquiryFixtures.extract("Hej!\nRing mig på \(written) om något är oklart.")
            #expect(found.customer.phone == written)
        }
        #expect(InquiryFixtures.extract("Ring  070-123   45 67.").customer.phone == "070-123 45 67")
        // A date, an organisation number and a postcode are no phone numbers.
        #expect(InquiryFixtures.extract("2026-06-15, 556677-8899, 411 36 Göteborg").customer.phone == nil)
    }

    @Test("an organisation number needs its check digit")
    func organisationNumbers() {
        #expect(InquiryFixtures.extract("Org.nr 556677-8899").customer.organisationNumber == "556677-8899")
        #expect(InquiryFixtures.extract("Org.nr 5566778899").customer.organisationNumber == "556677-8899")
        #expect(InquiryFixtures.extract("Org.nr 556677-8898").customer.organisationNumber == nil)
    }

    @Test("the name comes from the closing, the signature or the sender")
    func names() {
        #expect(
            InquiryFixtures.extract("Hej, 20 stolar.\n\nMvh Anna Svensson", fromName: nil).customer.name
                == "Anna Svensson")
        #expect(InquiryFixtures.extract("Hej, 20 stolar.\n/Anna").customer.name == "Anna Svensson")
        #expect(
            InquiryFixtures.extract("Hej.\n\nBest regards,\nJohn Smith\nCEO", fromName: nil).customer.name
                == "John Smith")
        #expect(InquiryFixtures.extract("Hej, 20 stolar.", fromName: "Svensson, Anna").customer.name == "Anna Svensson")
        #expect(InquiryFixtures.extract("Hej.", fromName: nil).customer.name == nil)
    }

    @Test("the company from the signature or the body")
    func companies() {
        let signed = InquiryFixtures.extract("Hej, 20 stolar.\n\nMvh\nAnna Svensson\nSvenssons Bygg AB\n031-12 34 56")
        #expect(signed.customer.company == "Svenssons Bygg AB")
        #expect(InquiryFixtures.extract("Jag skriver från Kungälvs Bygg AB.").customer.company == "Kungälvs Bygg AB")
        #expect(InquiryFixtures.extract("I write on behalf of Nordic Events.").customer.company == "Nordic Events")
    }

    @Test("guests in digits, words and ranges")
    func guests() {
        #expect(InquiryFixtures.extract("Vi blir ca 80 gäster.").guests == 80)
        #expect(InquiryFixtures.extract("runt hundra personer").guests == 100)
        #expect(InquiryFixtures.extract("Vi blir 120.").guests == 120)
        #expect(InquiryFixtures.extract("about 60 people").guests == 60)
        #expect(InquiryFixtures.extract("for 45 guests").guests == 45)
        #expect(InquiryFixtures.extract("ett hundra femtio gäster").guests == 150)
        #expect(InquiryFixtures.extract("80-100 gäster").guests == 100)
        #expect(InquiryFixtures.extract("two dozen guests").guests == 24)
        #expect(InquiryFixtures.extract("12 vuxna och 5 barn").guests == 17)
        #expect((InquiryFixtures.extract("tjugo gäster").confidence[.guests] ?? 1) < 0.9)
    }

    @Test("addresses on one line or two, with flats and towns")
    func addresses() {
        let oneLine = InquiryFixtures.extract("Leverans till Storgatan 12, 411 38 Göteborg.").deliveryAddress
        #expect(oneLine == .init(line1: "Storgatan 12", postalCode: "411 38", city: "Göteborg"))
        let twoLines = InquiryFixtures.extract("Adress:\nKungsportsavenyen 5B\n41136 Göteborg").deliveryAddress
        #expect(twoLines == .init(line1: "Kungsportsavenyen 5B", postalCode: "411 36", city: "Göteborg"))
        let flat = InquiryFixtures.extract("Björkvägen 3 lgh 1102, 433 30 Partille").deliveryAddress
        #expect(flat == .init(line1: "Björkvägen 3 lgh 1102", postalCode: "433 30", city: "Partille"))
        let town = InquiryFixtures.extract("delivery to Storgatan 12 in Kungälv").deliveryAddress
        #expect(town == .init(line1: "Storgatan 12", postalCode: nil, city: "Kungälv"))
        // The signature's address is the customer's, not the venue.
        #expect(InquiryFixtures.extract("Hej", signature: "Anna\nStorgatan 1\n411 38 Göteborg").deliveryAddress == nil)
    }

    @Test("language and kind")
    func languageAndKind() {
        #expect(InquiryFixtures.extract("Hi, we would like to rent a tent for the party.").language == .en)
        #expect(InquiryFixtures.extract("Hej, vi vill hyra ett tält till festen.").language == .sv)
        let autoReply = InquiryFixtures.extract("Jag är tillbaka 10 augusti. Mvh Anna", kind: .autoReply)
        #expect(autoReply.kind == .autoReply)
        #expect(autoReply.period == nil)
    }
}
