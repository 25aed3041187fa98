/// Checks of Swedish company identifiers, for forms (the settings, customers that are companies).
public enum SwedishRegistration {
    /// An organisationsnummer (or a sole trader's personnummer): ten digits, optionally written
    /// `NNNNNN-NNNN`, whose last digit is the Luhn check digit of the first nine.
    public static func isValidOrganisationNumber(_ text: String) -> Bool {
        let trimmed = text.filter { $0 != " " }
        let digits: Substring
        if trimmed.count == 11, trimmed[trimmed.index(trimmed.startIndex, offsetBy: 6)] == "-" {
            digits = Substring(trimmed.replacing("-", with: ""))
        } else {
            digits = Substring(trimmed)
        }
        return digits.count == 10 && digits.allSatisfy { $0.isASCII && $0.isNumber } && luhn(digits)
    }

    /// A momsregistreringsnummer: `SE`, the ten digits of the organisation number, `01`.
    public static func isValidVATNumber(_ text: String) -> Bool {
        let compact = text.filter { $0 != " " && $0 != "-" }.uppercased()
        guard compact.count == 14, compact.hasPrefix("SE"), compact.hasSuffix("01") else { return false }
        return isValidOrganisationNumber(String(compact.dropFirst(2).dropLast(2)))
    }

    /// A bankgiro number: `NNN-NNNN` or `NNNN-NNNN`, the last digit the Luhn check digit.
    public static func isValidBankgiro(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, (3...4).contains(parts[0].count), parts[1].count == 4,
            parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } })
        else { return false }
        return luhn(Substring(parts.joined()))
    }

    /// The Luhn (mod 10) check over all digits, the last being the check digit (also OCR
    /// references and bankgiro numbers).
    static func luhn(_ digits: Substring) -> Bool {
        var sum = 0
        for (index, character) in digits.reversed().enumerated() {
            guard let digit = character.wholeNumberValue else { return false }
            if index % 2 == 1 {
                let doubled = digit * 2
                sum += doubled > 9 ? doubled - 9 : doubled
            } else {
                sum += digit
            }
        }
        return sum % 10 == 0
    }
}
