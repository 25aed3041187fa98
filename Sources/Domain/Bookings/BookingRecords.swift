public import struct Foundation.Date

// Read models of bookings: what the booking stores fill and the staff pages, the calendar feed
// and the dashboard show. Plain values, so the stores and the templates share them without a
// mapping layer in between.

/// One row of the bookings list (and of the dashboard's booking lists).
public struct BookingSummary: Sendable, Equatable {
    public let id: BookingID
    public let number: String
    public let state: BookingState
    public let title: String?
    public let period: RentalPeriod
    public let customerID: CustomerID
    /// The company for a company customer, else the person's name.
    public let customerName: String
    /// The delivery address's city, when known.
    public let city: String?
    public let approvedAt: Date?
    /// Including VAT.
    public let total: Money

    public init(
        id: BookingID, number: String, state: BookingState, title: String?, period: RentalPeriod, customerID: CustomerID,
        customerName: String, city: String?, approvedAt: Date?, total: Money
    ) {
        self.id = id
        self.number = number
        self.state = state
        self.title = title
        self.period = period
        self.customerID = customerID
        self.customerName = customerName
        self.city = city
        self.approvedAt = approvedAt
        self.total = total
    }

    /// Confirmed and not yet approved by a manager.
    public var awaitsApproval: Bool { state == .confirmed && approvedAt == nil }
}

/// The customer as a booking page shows the contact.
public struct BookingContact: Sendable, Equatable {
    public let id: CustomerID
    public let isCompany: Bool
    /// The contact person.
    public let name: String
    public let companyName: String?
    public let email: String?
    public let phone: String?

    public init(id: CustomerID, isCompany: Bool, name: String, companyName: String?, email: String?, phone: String?) {
        self.id = id
        self.isCompany = isCompany
        self.name = name
        self.companyName = companyName
        self.email = email
        self.phone = phone
    }

    /// The company for a company customer, else the person's name.
    public var displayName: String { isCompany ? (companyName ?? name) : name }
}

/// One line of a booking: from the signed version's snapshot (description, price) and, for
/// products, the stock it reserves (`booking_lines`).
public struct BookingLine: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case product(ProductID, sku: String?)
        case addon
        case custom
    }

    public let kind: Kind
    public let description: String
    public let quantity: Int
    /// Days charged (1 for anything not priced per day).
    public let days: Int
    public let pricing: LinePricing
    public let unitPrice: Money
    public let discount: Money
    /// Excluding VAT.
    public let total: Money

    public init(
        kind: Kind, description: String, quantity: Int, days: Int, pricing: LinePricing, unitPrice: Money, discount: Money,
        total: Money
    ) {
        self.kind = kind
        self.description = description
        self.quantity = quantity
        self.days = days
        self.pricing = pricing
        self.unitPrice = unitPrice
        self.discount = discount
        self.total = total
    }

    public var isProduct: Bool {
        if case .product = kind { return true }
        return false
    }
}

/// One item to pack: a reserved product line.
public struct PackingItem: Sendable, Equatable {
    public let productID: ProductID
    public let sku: String
    public let description: String
    public let quantity: Int

    public init(productID: ProductID, sku: String, description: String, quantity: Int) {
        self.productID = productID
        self.sku = sku
        self.description = description
        self.quantity = quantity
    }
}

/// One entry of a booking's history: an audit row.
public struct BookingHistoryEntry: Sendable, Equatable {
    public let at: Date
    /// The staff member's name; nil for the customer (signing) or the system.
    public let actorName: String?
    /// `user`, `customer`, `system` or `worker`.
    public let actorKind: String
    /// `created`, `state_changed`, `approved`, `updated`, …
    public let action: String
    public let before: [String: String]
    public let after: [String: String]

    public init(
        at: Date, actorName: String?, actorKind: String, action: String, before: [String: String], after: [String: String]
    ) {
        self.at = at
        self.actorName = actorName
        self.actorKind = actorKind
        self.action = action
        self.before = before
        self.after = after
    }
}

/// Everything the booking page and the packing list show.
public struct BookingDetail: Sendable, Equatable {
    public let id: BookingID
    public let number: String
    public let state: BookingState
    public let title: String?
    public let period: RentalPeriod
    public let deliveryAddress: PostalAddress
    public let contact: BookingContact
    public let quotationID: QuotationID
    public let quotationNumber: String
    public let quotationVersion: Int
    /// Every line the customer signed, in order.
    public let lines: [BookingLine]
    /// The reserved products, what the warehouse packs.
    public let packing: [PackingItem]
    public let linesSubtotal: Money
    public let discount: Money
    public let shipping: Money
    public let vatRate: VATRate
    public let vat: Money
    public let total: Money
    public let approvedBy: String?
    public let approvedAt: Date?
    public let cancelledAt: Date?
    public let cancelReason: String?
    public let notes: String
    /// For optimistic locking of the notes form.
    public let version: Int
    public let createdAt: Date
    public let updatedAt: Date

    public init(
        id: BookingID, number: String, state: BookingState, title: String?, period: RentalPeriod,
        deliveryAddress: PostalAddress, contact: BookingContact, quotationID: QuotationID, quotationNumber: String,
        quotationVersion: Int, lines: [BookingLine], packing: [PackingItem], linesSubtotal: Money, discount: Money,
        shipping: Money, vatRate: VATRate, vat: Money, total: Money, approvedBy: String?, approvedAt: Date?,
        cancelledAt: Date?, cancelReason: String?, notes: String, version: Int, createdAt: Date, updatedAt: Date
    ) {
        self.id = id
        self.number = number
        self.state = state
        self.title = title
        self.period = period
        self.deliveryAddress = deliveryAddress
        self.contact = contact
        self.quotationID = quotationID
        self.quotationNumber = quotationNumber
        self.quotationVersion = quotationVersion
        self.lines = lines
        self.packing = packing
        self.linesSubtotal = linesSubtotal
        self.discount = discount
        self.shipping = shipping
        self.vatRate = vatRate
        self.vat = vat
        self.total = total
        self.approvedBy = approvedBy
        self.approvedAt = approvedAt
        self.cancelledAt = cancelledAt
        self.cancelReason = cancelReason
        self.notes = notes
        self.version = version
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    /// Total excluding VAT.
    public var net: Money { Money(ore: total.ore - vat.ore) }

    /// Confirmed and not yet approved by a manager.
    public var awaitsApproval: Bool { state == .confirmed && approvedAt == nil }

    /// Whether a manager may approve it now: not approved yet and not cancelled.
    public var isApprovable: Bool { approvedAt == nil && state != .cancelled }
}

/// Why a change to a booking was refused; nothing was written.
public enum BookingRefusal: Sendable, Equatable {
    /// The page the request came from showed another state: someone moved the booking meanwhile.
    case stale(current: BookingState)
    /// The workflow does not allow this step from the current state.
    case notAllowed(from: BookingState, to: BookingState)
    /// Cancelling needs a reason.
    case reasonRequired
    case alreadyApproved(by: String?, at: Date)
    /// A cancelled booking cannot be approved.
    case cancelled
    /// The form was based on an older version of the booking (optimistic locking).
    case versionChanged
}

/// What a change to a booking came to.
public enum BookingChange: Sendable, Equatable {
    case done
    case notFound
    case refused(BookingRefusal)
}

/// A booking on the calendar, in the feed, or in the dashboard's day lists.
public struct CalendarBooking: Sendable, Equatable {
    public let id: BookingID
    public let number: String
    public let state: BookingState
    public let title: String?
    public let period: RentalPeriod
    public let customerName: String
    public let deliveryAddress: PostalAddress

    public init(
        id: BookingID, number: String, state: BookingState, title: String?, period: RentalPeriod, customerName: String,
        deliveryAddress: PostalAddress
    ) {
        self.id = id
        self.number = number
        self.state = state
        self.title = title
        self.period = period
        self.customerName = customerName
        self.deliveryAddress = deliveryAddress
    }
}

/// A booking as the iCalendar feed describes it.
public struct FeedBooking: Sendable, Equatable {
    /// A reserved product: how many of what.
    public struct Item: Sendable, Equatable {
        public let quantity: Int
        public let name: String

        public init(quantity: Int, name: String) {
            self.quantity = quantity
            self.name = name
        }
    }

    public let booking: CalendarBooking
    public let contactName: String
    public let contactPhone: String?
    public let items: [Item]
    public let createdAt: Date
    public let updatedAt: Date
    /// Increases with every change: the event's SEQUENCE.
    public let version: Int

    public init(
        booking: CalendarBooking, contactName: String, contactPhone: String?, items: [Item], createdAt: Date,
        updatedAt: Date, version: Int
    ) {
        self.booking = booking
        self.contactName = contactName
        self.contactPhone = contactPhone
        self.items = items
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.version = version
    }
}
