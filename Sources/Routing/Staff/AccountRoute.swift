public import Domain

/// Signing in and out, and the signed-in member's own account.
public enum AccountRoute: Hashable, Sendable {
    /// `/admin/login?next=/admin/…` — the staff sign-in.
    case login(next: LocalPath?)
    /// `POST /admin/login`
    case loginSubmit
    /// `/admin/login/code` — the second step after the password, for two-step verification.
    case loginCode
    /// `POST /admin/login/code`
    case loginCodeSubmit
    /// `POST /admin/logout`
    case logout
    /// `/admin/account` — my sessions, password, calendar feeds.
    case show
    /// `POST /admin/account/password`
    case changePassword
    /// `POST /admin/account/sessions/{id}/revoke`
    case revokeSession(SessionID)
    /// `POST /admin/account/calendar-feeds`
    case createFeed
    /// `POST /admin/account/calendar-feeds/{id}/revoke`
    case revokeFeed(CalendarFeedID)
    /// `POST /admin/account/calendar-feeds/{id}/renew` — another year, the same URL.
    case renewFeed(CalendarFeedID)
    /// `/admin/account/two-step` — two-step verification: set up (QR code), state, turn off.
    case twoStep
    /// `POST /admin/account/two-step` — start setting it up (a new pending secret).
    case twoStepBegin
    /// `POST /admin/account/two-step/confirm` — the first code turns it on; the recovery codes, once.
    case twoStepConfirm
    /// `POST /admin/account/two-step/disable` — with the password and a code.
    case twoStepDisable
}

extension AccountRoute: FeatureRoute {
    public var endpoint: Endpoint<AccountRoute> {
        switch self {
        case .login(let next):
            // The way in: no session yet. The form carries its own token (see `LoginHandler`).
            Endpoint(.get, ["admin", "login"], query: ["next": next?.value ?? ""], access: .anyone) { c in
                .login(next: c.query("next").flatMap(LocalPath.init(validating:)))
            }
        case .loginSubmit:
            Endpoint(.post, ["admin", "login"], access: .anyone) { _ in .loginSubmit }
        case .loginCode:
            Endpoint(.get, ["admin", "login", "code"], access: .anyone) { _ in .loginCode }
        case .loginCodeSubmit:
            Endpoint(.post, ["admin", "login", "code"], access: .anyone) { _ in .loginCodeSubmit }
        case .logout:
            Endpoint(.post, ["admin", "logout"], access: .everyone) { _ in .logout }
        case .show:
            Endpoint(.get, ["admin", "account"], access: .everyone) { _ in .show }
        case .changePassword:
            Endpoint(.post, ["admin", "account", "password"], access: .everyone) { _ in .changePassword }
        case .revokeSession(let id):
            Endpoint(.post, ["admin", "account", "sessions", .id(id.rawValue), "revoke"], access: .everyone) { c in
                .revokeSession(SessionID(rawValue: c.ids[0]))
            }
        case .createFeed:
            Endpoint(.post, ["admin", "account", "calendar-feeds"], access: .everyone) { _ in .createFeed }
        case .revokeFeed(let id):
            Endpoint(.post, ["admin", "account", "calendar-feeds", .id(id.rawValue), "revoke"], access: .everyone) {
                c in
                .revokeFeed(CalendarFeedID(rawValue: c.ids[0]))
            }
        case .renewFeed(let id):
            Endpoint(.post, ["admin", "account", "calendar-feeds", .id(id.rawValue), "renew"], access: .everyone) {
                c in
                .renewFeed(CalendarFeedID(rawValue: c.ids[0]))
            }
        case .twoStep:
            Endpoint(.get, ["admin", "account", "two-step"], access: .everyone) { _ in .twoStep }
        case .twoStepBegin:
            Endpoint(.post, ["admin", "account", "two-step"], access: .everyone) { _ in .twoStepBegin }
        case .twoStepConfirm:
            Endpoint(.post, ["admin", "account", "two-step", "confirm"], access: .everyone) { _ in .twoStepConfirm }
        case .twoStepDisable:
            Endpoint(.post, ["admin", "account", "two-step", "disable"], access: .everyone) { _ in .twoStepDisable }
        }
    }

    public static let samples: [AccountRoute] = [
        .login(next: nil), .loginSubmit, .logout, .show, .changePassword, .revokeSession(SessionID(rawValue: 1)),
        .createFeed, .revokeFeed(CalendarFeedID(rawValue: 1)), .renewFeed(CalendarFeedID(rawValue: 1)), .loginCode,
        .loginCodeSubmit, .twoStep, .twoStepBegin, .twoStepConfirm, .twoStepDisable,
    ]
}
