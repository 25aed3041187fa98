public import Domain
public import Routing

/// What every staff page needs besides its own data: the page context, the signed-in member, the
/// session's CSRF token (every form carries it) and the flash message from the last redirect.
public struct AdminPage: Sendable {
    public var page: PageContext
    public var user: StaffMember
    public var csrfToken: String
    public var flash: Flash?

    public init(page: PageContext, user: StaffMember, csrfToken: String, flash: Flash?) {
        self.page = page
        self.user = user
        self.csrfToken = csrfToken
        self.flash = flash
    }

    public var strings: Strings { page.strings }
    public var language: Language { page.language }

    /// Whether the signed-in member may use `route` (links and buttons they may not use are not shown).
    public func may(_ route: Route) -> Bool { route.access.allows(user.role) }
}

/// The values a form was submitted with and the errors next to its fields. Re-rendering a form
/// with its `FormState` keeps everything that was typed.
public struct FormState: Sendable {
    public var values: [String: String]
    public var errors: [String: String]
    /// An error about the whole form (shown above it), such as an edit conflict.
    public var formError: String?

    public init(values: [String: String] = [:], errors: [String: String] = [:], formError: String? = nil) {
        self.values = values
        self.errors = errors
        self.formError = formError
    }

    public subscript(name: String) -> String { values[name] ?? "" }

    public var isValid: Bool { errors.isEmpty && formError == nil }
}

/// The message shown once after a POST → redirect → GET. Carried in a cookie as its raw value,
/// never as free text, so nothing a user typed travels through it.
public enum Flash: String, Sendable, CaseIterable {
    case signedOut = "signed-out"
    case passwordChanged = "password-changed"
    case sessionRevoked = "session-revoked"
    case feedCreated = "feed-created"
    case feedRevoked = "feed-revoked"
    case feedRenewed = "feed-renewed"
    case twoStepDisabled = "two-step-disabled"
    case twoStepReset = "two-step-reset"
    case twoStepRoles = "two-step-roles"
    case saved
    case created
    case archived
    case deactivated
    case reactivated
    case quotationSent = "quotation-sent"
    case quotationResent = "quotation-resent"
    case quotationVoided = "quotation-voided"
    case quotationDuplicated = "quotation-duplicated"
    case quotationReopened = "quotation-reopened"
    case bookingApproved = "booking-approved"
    case bookingMoved = "booking-moved"
    case logoRemoved = "logo-removed"
    case emailQueued = "email-queued"
    case testEmailQueued = "test-email-queued"
}
