import Domain
import Routing

extension SafeURL {
    /// The company logo, with its content version in the query (as assets carry their fingerprint),
    /// so a new logo shows at once while browsers may cache each version.
    static func logo(_ company: CompanyProfile) -> SafeURL? {
        guard let version = company.logoVersion, version.allSatisfy({ $0.isHexDigit }) else { return nil }
        return SafeURL(unchecked: Route.site(.companyLogo).path + "?v=" + version)
    }
}
