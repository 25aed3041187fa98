import Foundation

/// A language model's reading of an inquiry (the JSON of ``InquiryExtraction/modelJSONSchema``),
/// each field checked on its own; what fails a check is dropped, the rest kept:
/// - dates are `YYYY-MM-DD`, the end not before the start, both within two years of the message;
/// - SKUs name active products of the catalogue, add-on ids active add-ons; quantities are whole
///   numbers 1…10 000;
/// - emails are addresses, organisation numbers have their check digit, phone numbers 6–15
///   digits, guests 1…100 000, postcodes five digits.
public struct InquiryModelAnswer: Sendable, Equatable {
    public var language: Language?
    public var customer = InquiryExtraction.Customer()
    public var period: RentalPeriod?
    public var guests: Int?
    public var deliveryAddress: InquiryExtraction.Address?
    public var lines: [InquiryExtraction.Line] = []

    /// Reads and checks `json`; an answer that is no JSON object is an empty answer.
    public init(json: String, input: InquiryInput, catalogue: [InquiryCatalogueItem]) {
        guard let value = try? JSONValue(json: json), case .object(let root) = value else { return }
        let reference = BusinessCalendar.day(of: input.sentAt)
        language = root["language"]?.string.flatMap(Language.init(rawValue:))
        if case .object(let fields) = root["customer"] ?? .null {
            customer.name = Self.text(fields["name"], limit: 100).flatMap { $0.contains("@") ? nil : $0 }
            customer.email = Self.text(fields["email"], limit: 254).flatMap {
                InquiryContactRules.isEmail($0) ? $0 : nil
            }
            customer.phone = Self.text(fields["phone"], limit: 30).flatMap(Self.phone)
            customer.company = Self.text(fields["company"], limit: 120)
            customer.organisationNumber = Self.text(fields["organisationNumber"], limit: 13).flatMap {
                guard SwedishRegistration.isValidOrganisationNumber($0) else { return nil }
                let digits = $0.filter(\.isASCII).filter(\.isNumber)
                return "\(digits.prefix(6))-\(digits.suffix(4))"
            }
        }
        if case .object(let fields) = root["period"] ?? .null, let start = fields["start"]?.string,
            let end = fields["end"]?.string, let first = try? CalendarDate(iso: start),
            let last = try? CalendarDate(iso: end), let period = try? RentalPeriod(start: first, end: last),
            abs(first.days(since: reference)) <= 730, abs(last.days(since: reference)) <= 730
        {
            self.period = period
        }
        if case .number(let number) = root["guests"] ?? .null, number == number.rounded(),
            (1...100_000).contains(number)
        {
            guests = Int(number)
        }
        if case .object(let fields) = root["deliveryAddress"] ?? .null {
            var address = InquiryExtraction.Address(
                line1: Self.text(fields["line1"], limit: 120), postalCode: nil,
                city: Self.text(fields["city"], limit: 60))
            if let code = Self.text(fields["postalCode"], limit: 8) {
                let digits = code.filter { $0 != " " }
                if digits.count == 5, digits.allSatisfy({ $0.isASCII && $0.isNumber }) {
                    address.postalCode = "\(digits.prefix(3)) \(digits.suffix(2))"
                }
            }
            if address.line1 != nil || address.postalCode != nil || address.city != nil { deliveryAddress = address }
        }
        if case .array(let items) = root["lines"] ?? .null {
            for case .object(let fields) in items {
                guard case .number(let amount) = fields["quantity"] ?? .null, amount == amount.rounded(),
                    (1...10_000).contains(amount),
                    let item = Self.item(fields, in: catalogue)
                else { continue }
                let line = InquiryExtraction.Line(
                    item: item, quantity: Int(amount), confidence: InquiryExtraction.modelConfidence,
                    source: InquiryExtraction.modelSource)
                guard !lines.contains(where: { $0.reference == line.reference }) else { continue }
                lines.append(line)
            }
        }
    }

    /// The active catalogue item a line names by SKU or add-on id.
    private static func item(
        _ fields: [String: JSONValue], in catalogue: [InquiryCatalogueItem]
    ) -> InquiryCatalogueItem? {
        if let sku = fields["sku"]?.string {
            return catalogue.first { item in
                if case .product(_, let itemSKU) = item.reference { return item.active && itemSKU == sku }
                return false
            }
        }
        if case .number(let number) = fields["addonId"] ?? .null, number == number.rounded() {
            return catalogue.first { item in item.active && item.reference == .addon(id: Int64(number)) }
        }
        return nil
    }

    private static func text(_ value: JSONValue?, limit: Int) -> String? {
        guard let text = value?.string?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty,
            text.count <= limit
        else { return nil }
        return text.collapsingWhitespace
    }

    private static func phone(_ text: String) -> String? {
        let digits = text.filter { $0.isASCII && $0.isNumber }
        guard (6...15).contains(digits.count), text.allSatisfy({ $0.isNumber || " -+()".contains($0) }) else {
            return nil
        }
        return text
    }
}

extension JSONValue {
    fileprivate var string: String? {
        if case .string(let text) = self { return text }
        return nil
    }
}
