@testable import Domain

/// `2026-06-05` → a date; test inputs are literals, so a typo fails the test that uses it.
func date(_ iso: String) throws -> CalendarDate { try CalendarDate(iso: iso) }

func period(_ start: String, _ end: String) throws -> RentalPeriod {
    try RentalPeriod(start: date(start), end: date(end))
}

func kr(_ ore: Int64) -> Money { Money(ore: ore) }

/// Friday 5 June to Sunday 7 June 2026: three rental days.
func weekend() throws -> RentalPeriod { try period("2026-06-05", "2026-06-07") }

enum Catalogue {
    static func tent(quantity: Int = 1) throws -> QuotationLine {
        try QuotationLine(
            item: .product(ProductID(rawValue: 11)), description: "Partytält 6×12 m", quantity: quantity,
            pricing: .perDay, unitPrice: kr(4_995_00))
    }

    static func chairs(quantity: Int = 80) throws -> QuotationLine {
        try QuotationLine(
            item: .product(ProductID(rawValue: 31)), description: "Stol, vit klappstol", quantity: quantity,
            pricing: .perRental, unitPrice: kr(24_95))
    }

    static func delivery() throws -> QuotationLine {
        try QuotationLine(
            item: .addon(AddonID(rawValue: 2)), description: "Leverans och hämtning, Stockholm", quantity: 1,
            pricing: .flat, unitPrice: kr(1_495_00))
    }
}
