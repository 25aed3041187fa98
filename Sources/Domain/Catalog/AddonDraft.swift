/// An add-on (delivery, set-up, cleaning) as staff enter it: the validated add-on form.
public struct AddonDraft: Sendable, Hashable {
    public var name: String
    /// Plain text shown with the add-on; may be empty.
    public var description: String
    public var price: Money
    /// `flat` (once per quotation line) or `per_unit`.
    public var pricing: LinePricing
    /// The product it belongs to; nil: offered with any product.
    public var productID: ProductID?

    public init(name: String, description: String = "", price: Money, pricing: LinePricing, productID: ProductID? = nil)
    {
        self.name = name
        self.description = description
        self.price = price
        self.pricing = pricing
        self.productID = productID
    }

    public enum Field: String, Sendable, CaseIterable {
        case name, description, price, pricing, product
    }

    public struct Invalid: Error, Sendable, Equatable {
        public let problems: [Field: RecordFieldProblem]
    }

    public static let maximumNameLength = 200
    public static let maximumDescriptionLength = 2_000

    /// Reads a submitted add-on form. - Throws: ``Invalid`` with every problem found.
    public init(form values: [String: String]) throws(Invalid) {
        var problems: [Field: RecordFieldProblem] = [:]
        func text(_ field: Field) -> String {
            let value = RecordFieldRules.trimmed(values[field.rawValue] ?? "")
            return field == .description ? value : RecordFieldRules.singleLine(value)
        }
        let name = text(.name)
        if name.isEmpty {
            problems[.name] = .required
        } else if let p = RecordFieldRules.length(name, Self.maximumNameLength) {
            problems[.name] = p
        }
        let description = text(.description)
        if let p = RecordFieldRules.length(description, Self.maximumDescriptionLength) { problems[.description] = p }
        var price = Money.zero
        switch RecordFieldRules.price(text(.price)) {
        case .success(let money): price = money
        case .failure(let problem): problems[.price] = problem
        }
        let pricing = LinePricing(rawValue: text(.pricing))
        if pricing == nil || pricing?.isAddonPricing == false {
            problems[.pricing] = text(.pricing).isEmpty ? .required : .invalidChoice
        }
        var productID: ProductID?
        switch RecordFieldRules.optionalID(text(.product)) {
        case .success(let id): productID = id.map(ProductID.init(rawValue:))
        case .failure(let problem): problems[.product] = problem
        }
        guard problems.isEmpty, let pricing else { throw Invalid(problems: problems) }
        self.init(name: name, description: description, price: price, pricing: pricing, productID: productID)
    }

    public func formValues(_ language: Language) -> [String: String] {
        [
            Field.name.rawValue: name, Field.description.rawValue: description,
            Field.price.rawValue: price.inputText(language), Field.pricing.rawValue: pricing.rawValue,
            Field.product.rawValue: productID.map { String($0.rawValue) } ?? "",
        ]
    }

    public var auditFields: [String: String] {
        [
            "name": name, "description": description, "price_ore": String(price.ore), "pricing": pricing.rawValue,
            "product_id": productID.map { String($0.rawValue) } ?? "",
        ]
    }
}
