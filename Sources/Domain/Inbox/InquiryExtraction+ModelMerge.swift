/// Combining the rules' extraction with a language model's answer.
///
/// Per field: a rule value with confidence ≥ 0.8 stays; otherwise a valid model value replaces
/// it (or fills it) with confidence 0.7. Lines: the union by catalogue item; where both propose an
/// item, the rule's line (and quantity) stays.
extension InquiryExtraction {
    /// The confidence a model's field gets.
    public static let modelConfidence = 0.7
    /// The source recorded for a model's field.
    public static let modelSource = "language model"
    /// The confidence from which a rule's field is kept over the model's.
    public static let ruleWins = 0.8

    public func merged(
        withModelJSON json: String, input: InquiryInput, catalogue: [InquiryCatalogueItem]
    )
        -> InquiryExtraction
    {
        merged(with: InquiryModelAnswer(json: json, input: input, catalogue: catalogue))
    }

    public func merged(with answer: InquiryModelAnswer) -> InquiryExtraction {
        var result = self
        func take<Value>(_ field: Field, _ keyPath: WritableKeyPath<InquiryExtraction, Value?>, _ value: Value?) {
            guard let value, (confidence[field] ?? 0) < Self.ruleWins || self[keyPath: keyPath] == nil else { return }
            result[keyPath: keyPath] = value
            result.confidence[field] = Self.modelConfidence
            result.sources[field] = Self.modelSource
        }
        take(.name, \.customer.name, answer.customer.name)
        take(.email, \.customer.email, answer.customer.email)
        take(.phone, \.customer.phone, answer.customer.phone)
        take(.company, \.customer.company, answer.customer.company)
        take(.organisationNumber, \.customer.organisationNumber, answer.customer.organisationNumber)
        take(.period, \.period, answer.period)
        take(.guests, \.guests, answer.guests)
        take(.deliveryAddress, \.deliveryAddress, answer.deliveryAddress)
        for line in answer.lines where !result.lines.contains(where: { $0.reference == line.reference }) {
            result.lines.append(line)
        }
        return result
    }
}
