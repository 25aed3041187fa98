import Foundation
import Testing

@testable import Domain

@Suite("Inquiry lines: catalogue words, quantities and needs")
struct InquiryLineTests {
    private func lines(_ text: String) -> [String: Int] { InquiryFixtures.lines(InquiryFixtures.extract(text)) }

    @Test("names, synonyms and inflections")
    func words() {
        #expect(lines("Vi behöver 80 stolar och 10 långbord.") == ["STOL-VIT": 80, "BORD-180": 10])
        #expect(lines("stolarna: 40 st") == ["STOL-VIT": 40])
        #expect(lines("3 terrassvärmare och 2 barstolar") == ["VARM-GAS": 3, "STOL-BAR": 2])
        #expect(lines("two patio heaters and 12 folding chairs") == ["VARM-GAS": 2, "STOL-VIT": 12])
        #expect(lines("6 ölset") == ["STOL-BANK": 6])
        #expect(lines("värmarna x 4") == ["VARM-GAS": 4])
    }

    @Test("typos, missing å ä ö and compounds")
    func typosAndCompounds() {
        #expect(lines("30 stolr") == ["STOL-VIT": 30])
        #expect(lines("3 langbord") == ["BORD-180": 3])
        #expect(lines("3 långbrod") == ["BORD-180": 3])
        #expect(lines("ett bröllopstält 6x12") == ["TALT-6x12": 1])
        // Common words near a catalogue word are left alone.
        #expect(lines("Jag heter Anna och tänker på bandet.") == [:])
    }

    @Test("quantities in words")
    func quantityWords() {
        #expect(lines("tre värmare") == ["VARM-GAS": 3])
        #expect(lines("ett par värmare") == ["VARM-GAS": 2])
        #expect(lines("a couple of heaters") == ["VARM-GAS": 2])
        #expect(lines("ett dussin barstolar") == ["STOL-BAR": 12])
        let vague = InquiryFixtures.extract("några värmare").lines.first
        #expect(vague?.quantity == 2)
        #expect((vague?.confidence ?? 1) < 0.6)
    }

    @Test("sizes pick the item, or count the tiles")
    func sizes() {
        #expect(lines("ett tält 4x8") == ["TALT-4x8": 1])
        #expect(lines("ett 6 x 12 m tält") == ["TALT-6x12": 1])
        #expect(lines("partytält 4×8") == ["TALT-4x8": 1])
        #expect(lines("dansgolv 5x5 m") == ["GOLV-DANS": 25])
        #expect(lines("en scen 6x4 m") == ["SCEN-2x1": 12])
        #expect(lines("festtält 6x12 med golv") == ["TALT-6x12": 1, "GOLV-KASS": 72])
    }

    @Test("needs: a tent for 100, chairs and tables for everyone")
    func needs() {
        #expect(lines("tält för 100 personer") == ["TALT-9x18": 1])
        #expect(lines("a tent for 60 guests") == ["TALT-6x12": 1])
        #expect(
            lines("Vi blir 80 gäster. Vi behöver stolar till alla och bord för alla.") == [
                "STOL-VIT": 80, "BORD-180": 10,
            ])
        #expect(lines("We are 45 people and need chairs for everyone") == ["STOL-VIT": 45])
        #expect(lines("Vi blir 300 och vill ha ljudanläggning") == ["LJUD-PA-L": 1])
    }

    @Test("negations, possessives, inactive items and the signature propose nothing")
    func nothingInvented() {
        #expect(lines("Vi har egna stolar men behöver 4 bord.") == ["BORD-180": 4])
        #expect(lines("Vårt tält blåste sönder, vi behöver 2 värmare.") == ["VARM-GAS": 2])
        #expect(lines("5 ljusslingor") == [:])
        let signed = InquiryFixtures.extract("Hej, 10 stolar tack.", signature: "Anna\nTält & Bord AB")
        #expect(InquiryFixtures.lines(signed) == ["STOL-VIT": 10])
        #expect(lines("Kan ni lägga till 20 stolar?\n\n> Offert: 5 långbord, 40 stolar") == ["STOL-VIT": 20])
    }

    @Test("add-ons: delivery by the address's town, per-tent mounting")
    func addons() {
        #expect(lines("Leverans till Storgatan 1, 411 38 Göteborg.") == ["addon:1": 1])
        #expect(lines("2 festtält 6x12 med montering") == ["TALT-6x12": 2, "addon:5": 2])
        #expect(lines("delivery and setup please") == ["addon:1": 1, "addon:3": 1])
    }

    @Test("each line says where it came from")
    func sources() {
        let line = InquiryFixtures.extract("Hej! Vi behöver 80 vita stolar till festen.").lines.first
        #expect(line?.source == "80 vita stolar")
        #expect(line?.productId == 9)
        #expect((line?.confidence ?? 0) >= 0.9)
    }
}
