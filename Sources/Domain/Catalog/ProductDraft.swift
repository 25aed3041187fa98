/// A product as staff enter it: the validated content of the product form.
///
/// `descriptionHTML` is taken as given: the caller runs it through the sanitiser before storing
/// (Domain does no parsing of HTML).
public struct ProductDraft: Sendable, Hashable {
    public var sku: String
    public var name: String
    public var categoryID: Int64?
    public var price: Money
    public var pricing: LinePricing
    public var stock: Int
    public var descriptionHTML: String
    /// The words customers use for it ("partytält", "tält 4x8"): the inbox maps inquiries by them.
    public var synonyms: [String]
    /// How many people one unit serves (a chair 1, a table 8, a tent its seated guests): "a tent
    /// for 100" and "chairs for everyone" are read by it. nil when it does not apply.
    public var capacity: Int?

    public init(
        sku: String, name: String, categoryID: Int64? = nil, price: Money, pricing: LinePricing, stock: Int,
        descriptionHTML: String = "", synonyms: [String] = [], capacity: Int? = nil
    ) {
        self.sku = sku
        self.name = name
        self.categoryID = categoryID
        self.price = price
        self.pricing = pricing
        self.stock = stock
        self.descriptionHTML = descriptionHTML
        self.synonyms = synonyms
        self.capacity = capacity
    }

    /// The form's fields; raw values are the form field names.
    public enum Field: String, Sendable, CaseIterable {
        case sku, name, category, price, pricing, stock, description, synonyms, capacity
    }

    public struct Invalid: Error, Sendable, Equatable {
        public let problems: [Field: RecordFieldProblem]
    }

    /// Stock levels a product may have.
    public static let stockRange = 0...1_000_000
    public static let maximumSKULength = 40
    public static let maximumNameLength = 200
    /// Of the description as typed, before sanitising.
    public static let maximumDescriptionLength = 100_000
    public static let maximumSynonyms = 50
    public static let maximumSynonymLength = 60
    public static let capacityRange = 1...100_000

    /// `partytält, tält 4x8; bänkset` → the words, trimmed, lower-cased, without repeats.
    public static func synonyms(from text: String) -> [String] {
        var seen: Set<String> = []
        return text.split(whereSeparator: { $0 == "," || $0 == ";" || $0 == "\n" }).map {
            RecordFieldRules.singleLine(RecordFieldRules.trimmed(String($0))).lowercased()
        }.filter { !$0.isEmpty && seen.insert($0).inserted }
    }

    /// Reads a submitted product form. The SKU is trimmed and must have no spaces; the price is
    /// read with `Money(parsing:)` (`1 250,50`, `1250.50`); pricing is `per_day` or `per_rental`.
    /// - Throws: ``Invalid`` with every problem found.
    public init(form values: [String: String]) throws(Invalid) {
        var problems: [Field: RecordFieldProblem] = [:]
        func text(_ field: Field) -> String {
            let value = RecordFieldRules.trimmed(values[field.rawValue] ?? "")
            return field == .description ? value : RecordFieldRules.singleLine(value)
        }

        let sku = text(.sku)
        if sku.isEmpty {
            problems[.sku] = .required
        } else if let tooLong = RecordFieldRules.length(sku, Self.maximumSKULength) {
            problems[.sku] = tooLong
        } else if sku.contains(where: \.isWhitespace) {
            problems[.sku] = .invalidChoice
        }
        let name = text(.name)
        if name.isEmpty {
            problems[.name] = .required
        } else if let p = RecordFieldRules.length(name, Self.maximumNameLength) {
            problems[.name] = p
        }

        var categoryID: Int64?
        switch RecordFieldRules.optionalID(text(.category)) {
        case .success(let id): categoryID = id
        case .failure(let problem): problems[.category] = problem
        }
        var price = Money.zero
        switch RecordFieldRules.price(text(.price)) {
        case .success(let money): price = money
        case .failure(let problem): problems[.price] = problem
        }
        let pricing = LinePricing(rawValue: text(.pricing))
        if pricing == nil || pricing?.isProductPricing == false {
            problems[.pricing] = text(.pricing).isEmpty ? .required : .invalidChoice
        }
        var stock = 0
        switch RecordFieldRules.wholeNumber(text(.stock), in: Self.stockRange) {
        case .success(let value): stock = value
        case .failure(let problem): problems[.stock] = problem
        }
        let description = text(.description)
        if let p = RecordFieldRules.length(description, Self.maximumDescriptionLength) { problems[.description] = p }
        let synonyms = Self.synonyms(from: values[Field.synonyms.rawValue] ?? "")
        if synonyms.count > Self.maximumSynonyms {
            problems[.synonyms] = .tooLong(maximum: Self.maximumSynonyms)
        } else if synonyms.contains(where: { $0.count > Self.maximumSynonymLength }) {
            problems[.synonyms] = .tooLong(maximum: Self.maximumSynonymLength)
        }
        var capacity: Int?
        if !text(.capacity).isEmpty {
            switch RecordFieldRules.wholeNumber(text(.capacity), in: Self.capacityRange) {
            case .success(let value): capacity = value
            case .failure(let problem): problems[.capacity] = problem
            }
        }

        guard problems.isEmpty, let pricing else { throw Invalid(problems: problems) }
        self.init(
            sku: sku, name: name, categoryID: categoryID, price: price, pricing: pricing, stock: stock,
            descriptionHTML: description, synonyms: synonyms, capacity: capacity)
    }

    /// The form's text for this product, prices written for `language`.
    public func formValues(_ language: Language) -> [String: String] {
        [
            Field.sku.rawValue: sku, Field.name.rawValue: name,
            Field.category.rawValue: categoryID.map(String.init) ?? "",
            Field.price.rawValue: price.inputText(language), Field.pricing.rawValue: pricing.rawValue,
            Field.stock.rawValue: String(stock), Field.description.rawValue: descriptionHTML,
            Field.synonyms.rawValue: synonyms.joined(separator: ", "),
            Field.capacity.rawValue: capacity.map(String.init) ?? "",
        ]
    }

    /// A flat field → text map for audit rows (the description as the sanitised markup stored).
    public var auditFields: [String: String] {
        [
            "sku": sku, "name": name, "category_id": categoryID.map(String.init) ?? "", "price_ore": String(price.ore),
            "pricing": pricing.rawValue, "stock": String(stock), "description_html": descriptionHTML,
            "synonyms": synonyms.joined(separator: ", "), "capacity": capacity.map(String.init) ?? "",
        ]
    }

    /// Reads the stock form's one field. - Throws: ``Invalid`` with a `.stock` problem.
    public static func stockLevel(_ text: String) throws(Invalid) -> Int {
        switch RecordFieldRules.wholeNumber(RecordFieldRules.trimmed(text), in: stockRange) {
        case .success(let value): return value
        case .failure(let problem): throw Invalid(problems: [.stock: problem])
        }
    }
}
