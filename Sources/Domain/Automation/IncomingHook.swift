public import Foundation

/// An incoming hook: a secret URL `/hooks/{token}` that another program (a website's lead form,
/// a CRM) posts Standard Webhooks messages to. Each accepted message becomes a `hook.received`
/// event; a `lead` hook also turns it into a customer and a draft quotation through its mapping.
public struct IncomingHook: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable {
        /// The message becomes an event, nothing more (triggers and webhooks take it from there).
        case event
        /// The message is a lead: the customer (found by email, or made) and a draft quotation.
        case lead
    }

    public let id: Int64
    public let name: String
    public let kind: Kind
    public let mapping: LeadMapping
    public let active: Bool
    public let receivedCount: Int
    public let lastReceivedAt: Date?
    public let createdAt: Date

    public init(
        id: Int64, name: String, kind: Kind, mapping: LeadMapping, active: Bool, receivedCount: Int,
        lastReceivedAt: Date?, createdAt: Date
    ) {
        self.id = id
        self.name = name
        self.kind = kind
        self.mapping = mapping
        self.active = active
        self.receivedCount = receivedCount
        self.lastReceivedAt = lastReceivedAt
        self.createdAt = createdAt
    }
}

/// One message a hook accepted, for the hook's log.
public struct IncomingHookMessage: Sendable, Equatable {
    public let messageID: String
    public let receivedAt: Date
    public let eventID: Int64
    public let customerID: Int64?
    public let quotationID: Int64?
    public let quotationNumber: String?
    /// Why a lead made no quotation (no date in it), or nil.
    public let note: String?

    public init(
        messageID: String, receivedAt: Date, eventID: Int64, customerID: Int64?, quotationID: Int64?,
        quotationNumber: String?, note: String?
    ) {
        self.messageID = messageID
        self.receivedAt = receivedAt
        self.eventID = eventID
        self.customerID = customerID
        self.quotationID = quotationID
        self.quotationNumber = quotationNumber
        self.note = note
    }
}

/// Where a lead hook finds each field in the posted JSON: a dotted path per field
/// (`contact.email`, `items.0.name`). A field without a path is not read.
public struct LeadMapping: Sendable, Equatable {
    public enum Field: String, Sendable, CaseIterable {
        case name, email, phone, company
        case organisationNumber = "org_number"
        case start, end, guests, title, message
    }

    public var paths: [Field: String]

    public init(paths: [Field: String]) {
        self.paths = paths.filter { !$0.value.isEmpty }
    }

    /// Each field at the top level under its own name: `{"name": …, "email": …, "start": …}`.
    public static let standard = LeadMapping(
        paths: Dictionary(uniqueKeysWithValues: Field.allCases.map { ($0, $0.rawValue) }))

    /// Paths are letters, digits, `_` and `-`, joined by dots.
    public static func isValidPath(_ path: String) -> Bool {
        guard !path.isEmpty, path.count <= 200 else { return false }
        return path.split(separator: ".", omittingEmptySubsequences: false).allSatisfy { part in
            !part.isEmpty && part.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-") }
        }
    }

    /// As stored: `{"name": "contact.name", …}`.
    public var json: String {
        let object = JSONValue.object(
            Dictionary(uniqueKeysWithValues: paths.map { ($0.key.rawValue, .string($0.value)) }))
        return object.text
    }

    /// From the stored JSON; unknown keys and non-text values are left out.
    public init(json: String) {
        guard case .object(let fields)? = try? JSONValue(json: json) else {
            self.init(paths: [:])
            return
        }
        var paths: [Field: String] = [:]
        for (key, value) in fields {
            if let field = Field(rawValue: key), case .string(let path) = value { paths[field] = path }
        }
        self.init(paths: paths)
    }

    /// The lead in `body`, or every reason it is not one (in English: the sender is a program).
    public func lead(from body: JSONValue) -> Result<Lead, LeadProblems> {
        var problems: [String] = []
        func text(_ field: Field, limit: Int) -> String {
            guard let path = paths[field], let value = body[path: path] else { return "" }
            let text: String
            switch value {
            case .string, .number, .bool: text = value.text.trimmingCharacters(in: .whitespacesAndNewlines)
            case .null: text = ""
            case .array, .object:
                problems.append("\(field.rawValue) (\(path)) is not text")
                return ""
            }
            if text.count > limit {
                problems.append("\(field.rawValue) is longer than \(limit) characters")
                return ""
            }
            return text
        }
        let name = text(.name, limit: 200)
        let email = text(.email, limit: 254)
        let company = text(.company, limit: 200)
        let title = text(.title, limit: 200)
        let message = text(.message, limit: 4000)
        let startText = text(.start, limit: 40)
        let endText = text(.end, limit: 40)
        let guestsText = text(.guests, limit: 10)

        // The customer through the customer form's own rules (lengths, email, phone, org number).
        var customer: CustomerProfile?
        if name.isEmpty && email.isEmpty {
            problems.append("a lead needs a name or an email address")
        } else {
            let form = [
                "kind": company.isEmpty ? "person" : "company",
                "name": name.isEmpty ? (company.isEmpty ? email : company) : name,
                "company_name": company, "org_number": text(.organisationNumber, limit: 30), "email": email,
                "phone": text(.phone, limit: 40),
            ]
            do {
                customer = try CustomerProfile(form: form)
            } catch {
                for field in error.problems.keys.sorted(by: { $0.rawValue < $1.rawValue }) {
                    problems.append("\(field.rawValue) is not valid")
                }
            }
        }
        var period: RentalPeriod?
        if !startText.isEmpty {
            if let start = Self.date(startText) {
                if endText.isEmpty {
                    period = RentalPeriod(day: start)
                } else if let end = Self.date(endText) {
                    if let both = try? RentalPeriod(start: start, end: end) {
                        period = both
                    } else {
                        problems.append("end is before start")
                    }
                } else {
                    problems.append("end is not a date (YYYY-MM-DD)")
                }
            } else {
                problems.append("start is not a date (YYYY-MM-DD)")
            }
        } else if !endText.isEmpty {
            problems.append("end without start")
        }
        var guests: Int?
        if !guestsText.isEmpty {
            if let number = Int(guestsText), number >= 0 {
                guests = number
            } else {
                problems.append("guests is not a whole number")
            }
        }
        guard problems.isEmpty, let customer else { return .failure(LeadProblems(problems: problems)) }
        return .success(Lead(customer: customer, period: period, guests: guests, title: title, message: message))
    }

    /// `2026-06-20`, or the date of an ISO 8601 time (`2026-06-20T14:00:00+02:00`).
    static func date(_ text: String) -> CalendarDate? {
        let day = text.count > 10 && text.dropFirst(10).first == "T" ? String(text.prefix(10)) : text
        return try? CalendarDate(iso: day)
    }
}

/// What a lead hook read from a message.
public struct Lead: Sendable, Equatable {
    /// The customer as the customer form would have made it (found by email when one exists).
    public let customer: CustomerProfile
    /// Nil when the message gave no date: the customer is made, the quotation is not.
    public let period: RentalPeriod?
    public let guests: Int?
    public let title: String
    public let message: String

    public init(customer: CustomerProfile, period: RentalPeriod?, guests: Int?, title: String, message: String) {
        self.customer = customer
        self.period = period
        self.guests = guests
        self.title = title
        self.message = message
    }

    /// The quotation's internal note: what the customer wrote, and the guest count.
    public var note: String {
        var parts: [String] = []
        if let guests { parts.append("Gäster: \(guests)") }
        if !message.isEmpty { parts.append(message) }
        return parts.joined(separator: "\n\n")
    }
}

/// Why a posted message is not a lead, each reason in a sentence.
public struct LeadProblems: Error, Sendable, Equatable {
    public let problems: [String]
}
