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

    /// `NNNNNNN-N`: two to eight digits, the last a Luhn check digit after a hyphen.
    public static func isValidPlusgiro(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, (1...7).contains(parts[0].count), parts[1].count == 1,
            parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } })
        else { return false }
        return luhn(Substring(parts.joined()))
    }

    /// An IBAN (ISO 13616), written without spaces in capitals: country, check digits, account,
    /// the check digits right (mod 97 = 1).
    public static func isValidIBAN(_ text: String) -> Bool {
        let characters = Array(text)
        guard (15...34).contains(characters.count),
            characters.allSatisfy({ $0.isASCII && ($0.isUppercase || $0.isNumber) }),
            characters.prefix(2).allSatisfy(\.isLetter), characters.dropFirst(2).prefix(2).allSatisfy(\.isNumber)
        else { return false }
        var remainder = 0
        for character in characters.dropFirst(4) + characters.prefix(4) {
            let value = character.isNumber ? character.wholeNumberValue! : Int(character.asciiValue! - 55)
            for digit in String(value) { remainder = (remainder * 10 + digit.wholeNumberValue!) % 97 }
        }
        return remainder == 1
    }

    /// A BIC (ISO 9362): 8 or 11 letters and digits, the first six letters.
    public static func isValidBIC(_ text: String) -> Bool {
        let characters = Array(text)
        return (characters.count == 8 || characters.count == 11)
            && characters.prefix(6).allSatisfy({ $0.isASCII && $0.isUppercase })
            && characters.allSatisfy({ $0.isASCII && ($0.isUppercase || $0.isNumber) })
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
