/// Which BAS account each kind of bookkeeping row goes to, and the account's name for `#KONTO`.
/// Stored in `account_mapping` (migration 0029) and edited by admins on `/admin/bookkeeping`; the
/// SIE export takes it as a value, so a test can export with any mapping without a database.
///
/// Revenue is per VAT rate, not per product category: an invoice line keeps no catalogue
/// reference, and a category read back from the signed version (as the revenue report does) is a
/// match by position and text that a product moved to another category later would change. A
/// voucher of a locked, exported period must come out the same every time it is exported, so the
/// accounts depend only on what the issued document itself says (its VAT rates and its buyer).
public struct BASMapping: Sendable, Equatable {
    /// A BAS account: its number (1000–8999) and its name.
    public struct Account: Sendable, Hashable {
        public let number: Int
        public let name: String

        public init(number: Int, name: String) {
            self.number = number
            self.name = name
        }
    }

    /// What a row of a voucher is. The raw values are the keys of `account_mapping`.
    public enum Key: String, Sendable, CaseIterable, Hashable {
        case receivables
        case bank
        case vat25 = "vat_25"
        case vat12 = "vat_12"
        case vat6 = "vat_6"
        case revenue25 = "revenue_25"
        case revenue12 = "revenue_12"
        case revenue6 = "revenue_6"
        case revenue0 = "revenue_0"
        /// Services to a business elsewhere in the EU under reverse charge.
        case revenueEUReverseCharge = "revenue_eu_reverse_charge"
        /// Öresavrundning: the amount to pay rounded to whole kronor.
        case rounding
        /// Reminder fees charged on overdue invoices (for the reminders).
        case reminderFees = "reminder_fees"
        /// Late-payment interest (dröjsmålsränta) on overdue invoices (for the reminders).
        case lateInterest = "late_interest"
        /// Security deposits (depositioner): a liability until paid back or kept against damage.
        case securityDeposits = "security_deposits"

        /// The account numbers a key may take: balance-sheet keys in their BAS class, revenue in
        /// class 3, the rest in the result classes 3–8.
        public var allowed: ClosedRange<Int> {
            switch self {
            case .receivables, .bank: 1000...1999
            case .vat25, .vat12, .vat6, .securityDeposits: 2000...2999
            case .revenue25, .revenue12, .revenue6, .revenue0, .revenueEUReverseCharge, .reminderFees: 3000...3999
            case .rounding, .lateInterest: 3000...8999
            }
        }
    }

    public private(set) var accounts: [Key: Account]

    /// Every key must be present; a missing one takes the standard account.
    public init(_ accounts: [Key: Account]) {
        self.accounts = Self.standard.accounts.merging(accounts) { $1 }
    }

    private init(standard: [Key: Account]) { self.accounts = standard }

    public subscript(key: Key) -> Account { accounts[key] ?? Self.standard.accounts[key]! }

    /// The mapping a new installation starts with (BAS 2024).
    public static let standard = BASMapping(standard: [
        .receivables: Account(number: 1510, name: "Kundfordringar"),
        .bank: Account(number: 1930, name: "Företagskonto"),
        .vat25: Account(number: 2611, name: "Utgående moms på försäljning inom Sverige, 25 %"),
        .vat12: Account(number: 2621, name: "Utgående moms på försäljning inom Sverige, 12 %"),
        .vat6: Account(number: 2631, name: "Utgående moms på försäljning inom Sverige, 6 %"),
        .revenue25: Account(number: 3041, name: "Försäljning tjänster inom Sverige, 25 %"),
        .revenue12: Account(number: 3042, name: "Försäljning tjänster inom Sverige, 12 %"),
        .revenue6: Account(number: 3043, name: "Försäljning tjänster inom Sverige, 6 %"),
        .revenue0: Account(number: 3044, name: "Försäljning tjänster inom Sverige, momsfri"),
        .revenueEUReverseCharge: Account(number: 3308, name: "Försäljning tjänster till land inom EU"),
        .rounding: Account(number: 3740, name: "Öres- och kronutjämning"),
        .reminderFees: Account(number: 3930, name: "Påminnelseavgifter"),
        .lateInterest: Account(number: 8313, name: "Ränteintäkter från kortfristiga fordringar"),
        .securityDeposits: Account(number: 2890, name: "Övriga kortfristiga skulder (depositioner)"),
    ])

    /// Revenue at a VAT rate (rental is a service: "Försäljning tjänster").
    public func revenue(_ rate: VATRate, reverseCharge: Bool) -> Account {
        if reverseCharge { return self[.revenueEUReverseCharge] }
        return switch rate.basisPoints {
        case 2500: self[.revenue25]
        case 1200: self[.revenue12]
        case 600: self[.revenue6]
        default: self[.revenue0]
        }
    }

    /// Output VAT at a rate (none at 0 %).
    public func vat(_ rate: VATRate) -> Account? {
        switch rate.basisPoints {
        case 2500: self[.vat25]
        case 1200: self[.vat12]
        case 600: self[.vat6]
        default: nil
        }
    }

    /// The name `#KONTO` gives an account number: the first key's (in `Key` order) that uses it.
    public func name(of number: Int) -> String? {
        Key.allCases.lazy.map { self[$0] }.first { $0.number == number }?.name
    }

    /// What is wrong with one key's account as typed.
    public enum Problem: Sendable, Equatable {
        /// Not four digits 1000–8999.
        case notAnAccount
        /// A BAS account, but of a class this key cannot be booked in.
        case wrongClass(ClosedRange<Int>)
        case nameMissing
        case nameTooLong
    }

    public static let nameLimit = 100

    /// The account for `key` from a form's text, or what is wrong with the number and the name.
    public static func read(
        _ key: Key, number text: String, name: String
    ) -> Result<Account, ValidationFailure> {
        var number: Problem?
        let digits = text.trimmingWhitespace
        let value = Int(digits)
        if digits.count != 4 || !digits.allSatisfy(\.isASCIIDigitCharacter) || value == nil
            || !(1000...8999).contains(value ?? 0)
        {
            number = .notAnAccount
        } else if let value, !key.allowed.contains(value) {
            number = .wrongClass(key.allowed)
        }
        let trimmed = name.trimmingWhitespace
        let nameProblem: Problem? =
            trimmed.isEmpty ? .nameMissing : trimmed.count > nameLimit ? .nameTooLong : nil
        if number != nil || nameProblem != nil {
            return .failure(ValidationFailure(number: number, name: nameProblem))
        }
        return .success(Account(number: value ?? 0, name: trimmed))
    }

    /// The problems of one key's row: its number's and its name's, each shown next to its field.
    public struct ValidationFailure: Error, Sendable, Equatable {
        public let number: Problem?
        public let name: Problem?

        public init(number: Problem?, name: Problem?) {
            self.number = number
            self.name = name
        }
    }
}

extension Character {
    fileprivate var isASCIIDigitCharacter: Bool { isASCII && isNumber }
}
