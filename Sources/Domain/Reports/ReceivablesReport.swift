/// What customers owe as of a day: each issued invoice's amount to pay less its payments and
/// less its issued credit note, where that leaves something; grouped by days past the due date.
public struct ReceivablesReport: Sendable, Hashable {
    /// How late an open invoice is.
    public enum Age: String, Sendable, Hashable, CaseIterable {
        /// The due date is still ahead.
        case notDue = "not-due"
        /// 0–30 days past the due date (0: due today).
        case days0To30 = "0-30"
        case days31To60 = "31-60"
        case days61To90 = "61-90"
        case over90 = "90+"

        public init(daysPastDue days: Int) {
            switch days {
            case ..<0: self = .notDue
            case 0...30: self = .days0To30
            case 31...60: self = .days31To60
            case 61...90: self = .days61To90
            default: self = .over90
            }
        }
    }

    /// One invoice with something left to pay.
    public struct Item: Sendable, Hashable {
        public var invoiceID: Int64
        public var number: String
        public var customerName: String
        public var dueDate: CalendarDate
        public var outstanding: Money
        /// Days from the due date to the report's day (negative: not yet due).
        public var daysPastDue: Int
        public var age: Age { Age(daysPastDue: daysPastDue) }

        public init(
            invoiceID: Int64, number: String, customerName: String, dueDate: CalendarDate, outstanding: Money,
            daysPastDue: Int
        ) {
            self.invoiceID = invoiceID
            self.number = number
            self.customerName = customerName
            self.dueDate = dueDate
            self.outstanding = outstanding
            self.daysPastDue = daysPastDue
        }
    }

    public let asOf: CalendarDate
    /// Oldest due date first.
    public let items: [Item]

    public init(asOf: CalendarDate, items: [Item]) {
        self.asOf = asOf
        self.items = items.sorted { ($0.dueDate, $0.number) < ($1.dueDate, $1.number) }
    }

    /// Every age with its sum in öre, in ``Age/allCases`` order (zero where nothing is open).
    public var byAge: [(age: Age, amount: Int64, count: Int)] {
        Age.allCases.map { age in
            let matching = items.filter { $0.age == age }
            return (age, matching.reduce(0) { $0 &+ $1.outstanding.ore }, matching.count)
        }
    }

    public var total: Money { Money(ore: items.reduce(0) { $0 &+ $1.outstanding.ore }) }
    /// The part past its due date (the due date before the report's day).
    public var overdue: Money { Money(ore: items.filter { $0.daysPastDue > 0 }.reduce(0) { $0 &+ $1.outstanding.ore }) }
}
