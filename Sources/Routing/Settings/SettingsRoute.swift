/// The company's settings and logo.
public enum SettingsRoute: Hashable, Sendable {
    /// `/admin/settings`
    case show
    /// `POST /admin/settings`
    case update
    /// `POST /admin/settings/logo` — multipart upload, PNG or JPEG.
    case uploadLogo
    /// `POST /admin/settings/logo/remove`
    case removeLogo
    /// `POST /admin/settings/two-step` — the roles that must use two-step verification.
    case twoStepRoles
    /// `POST /admin/settings/test-email` — a test of the posted `template` to the signed-in admin.
    case testEmail
}

extension SettingsRoute: FeatureRoute {
    public var endpoint: Endpoint<SettingsRoute> {
        let access = Access.adminOnly
        return switch self {
        case .show: Endpoint(.get, ["admin", "settings"], access: access) { _ in .show }
        case .update: Endpoint(.post, ["admin", "settings"], access: access) { _ in .update }
        case .uploadLogo: Endpoint(.post, ["admin", "settings", "logo"], access: access) { _ in .uploadLogo }
        case .removeLogo: Endpoint(.post, ["admin", "settings", "logo", "remove"], access: access) { _ in .removeLogo }
        case .twoStepRoles: Endpoint(.post, ["admin", "settings", "two-step"], access: access) { _ in .twoStepRoles }
        case .testEmail: Endpoint(.post, ["admin", "settings", "test-email"], access: access) { _ in .testEmail }
        }
    }

    public static let samples: [SettingsRoute] = [.show, .update, .uploadLogo, .removeLogo, .twoStepRoles, .testEmail]
}
