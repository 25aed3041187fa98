import Testing

@testable import Domain

@Suite("Product and add-on form rules")
struct CatalogDraftTests {
    func product(_ changes: [String: String] = [:]) -> [String: String] {
        var form = [
            "sku": " TALT-4x8 ", "name": "Partytält 4×8 m", "category": "3", "price": "1 250,50", "pricing": "per_day",
            "stock": "6", "description": "<p>Rymmer 32</p>",
        ]
        for (key, value) in changes { form[key] = value }
        return form
    }

    @Test func aProductIsRead() throws {
        let draft = try ProductDraft(form: product())
        #expect(draft.sku == "TALT-4x8")
        #expect(draft.categoryID == 3)
        #expect(draft.price == Money(ore: 125_050))
        #expect(draft.pricing == .perDay)
        #expect(draft.stock == 6)
        #expect(try ProductDraft(form: draft.formValues(.sv)) == draft)
        #expect(try ProductDraft(form: draft.formValues(.en)) == draft)
    }

    @Test(arguments: [
        ("1 250,50", 125_050), ("1250.5", 125_050), ("SEK 1,250.50", 125_050), ("450 kr", 45_000), ("0", 0),
    ])
    func pricesAsStaffTypeThem(text: String, ore: Int64) throws {
        #expect(try ProductDraft(form: product(["price": text])).price == Money(ore: ore))
    }

    @Test func problemsAreReportedPerField() {
        var problems: [ProductDraft.Field: RecordFieldProblem] = [:]
        do {
            _ = try ProductDraft(
                form: product([
                    "sku": "TALT 4x8", "name": "", "price": "1,250", "pricing": "flat", "stock": "-1", "category": "x",
                ]))
        } catch { problems = error.problems }
        #expect(problems[.sku] == .invalidChoice)
        #expect(problems[.name] == .required)
        #expect(problems[.price] == .amount(.ambiguousSeparator))
        #expect(problems[.pricing] == .invalidChoice)
        #expect(problems[.stock] == .outOfRange(minimum: 0, maximum: 1_000_000))
        #expect(problems[.category] == .invalidChoice)
        #expect(problems.count == 6)
    }

    @Test func negativeAndHugePricesAreRefused() {
        #expect(throws: ProductDraft.Invalid(problems: [.price: .negativeAmount])) {
            try ProductDraft(form: product(["price": "-5"]))
        }
        #expect(throws: ProductDraft.Invalid(problems: [.price: .amountTooLarge(maximum: Money(ore: 1_000_000_000))])) {
            try ProductDraft(form: product(["price": "20 000 000"]))
        }
    }

    @Test func theStockFormTakesAWholeNumber() throws {
        #expect(try ProductDraft.stockLevel(" 1 200 ") == 1200)
        #expect(throws: ProductDraft.Invalid(problems: [.stock: .notWholeNumber])) {
            try ProductDraft.stockLevel("12,5")
        }
        #expect(throws: ProductDraft.Invalid(problems: [.stock: .required])) { try ProductDraft.stockLevel("") }
    }

    @Test func anAddonIsReadWithAnOptionalProduct() throws {
        let draft = try AddonDraft(form: [
            "name": "Leverans", "price": "995", "pricing": "flat", "product": "", "description": "Inom 30 km.",
        ])
        #expect(draft.productID == nil)
        #expect(draft.price == Money(ore: 99_500))
        let bound = try AddonDraft(form: ["name": "Montering", "price": "2500", "pricing": "per_unit", "product": "12"])
        #expect(bound.productID == ProductID(rawValue: 12))
        #expect(try AddonDraft(form: bound.formValues(.sv)) == bound)
        #expect(throws: AddonDraft.Invalid(problems: [.pricing: .invalidChoice])) {
            try AddonDraft(form: ["name": "Leverans", "price": "995", "pricing": "per_day"])
        }
    }

    @Test func moneyInputTextReadsBack() throws {
        for ore: Int64 in [0, 5, 100, 125_050, 99_999_999] {
            for language in Language.allCases {
                #expect(try Money(parsing: Money(ore: ore).inputText(language)) == Money(ore: ore))
            }
        }
        #expect(Money(ore: 125_050).inputText(.sv) == "1250,50")
        #expect(Money(ore: 45_000).inputText(.en) == "450")
    }
}
