/// Why one field of a staff form was refused. Pages say it in the user's language next to the
/// field; the rules that produce it are pure (see `CustomerProfile`, `ProductInput`, `AddonInput`).
public enum RecordFieldProblem: Error, Sendable, Equatable {
    /// Empty, but needed.
    case required
    /// Longer than `maximum` characters.
    case tooLong(maximum: Int)
    /// Not an address of the form `name@example.se`.
    case invalidEmail
    /// Characters other than digits, spaces, `+ - ( ) / .`, or too few digits.
    case invalidPhone
    /// Not a two-letter ISO 3166 country code.
    case invalidCountry
    /// A Swedish organisation number that is not `NNNNNN-NNNN` (or other letters than an identifier has).
    case invalidOrganisationNumber
    /// Not a VAT number: two letters then 2–13 letters or digits (Swedish: `SE` + 12 digits).
    case invalidVATNumber
    /// Not a Peppol participant identifier `scheme:identifier` (`0007:5567890123`).
    case invalidPeppolID
    /// A Swedish postal code that is not five digits (`411 36`).
    case invalidPostalCode
    /// A value that is not one of the options offered.
    case invalidChoice
    /// Not a whole number.
    case notWholeNumber
    /// A whole number outside `minimum...maximum`.
    case outOfRange(minimum: Int, maximum: Int)
    /// An amount that could not be read.
    case amount(MoneyParseError)
    /// An amount below zero.
    case negativeAmount
    /// An amount above the largest a price may be.
    case amountTooLarge(maximum: Money)
    /// Not a date `YYYY-MM-DD` that exists.
    case invalidDate
    /// The end of a period is before its start.
    case endBeforeStart
    /// A period longer than `maximumDays` days.
    case periodTooLong(maximumDays: Int)
    /// Already used by another record (a unique key such as a product's SKU).
    case taken
}
