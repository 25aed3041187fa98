public import Domain
public import Routing

/// What every page needs to know about the request it answers, besides its own data.
public struct PageContext: Sendable {
    public var strings: Strings
    /// The path of this page, so the language switch can come back to it.
    public var currentPath: LocalPath
    public var assets: AssetCatalog
    public var company: CompanyProfile

    public init(language: Language, currentPath: LocalPath, assets: AssetCatalog, company: CompanyProfile) {
        self.strings = Strings(language)
        self.currentPath = currentPath
        self.assets = assets
        self.company = company
    }

    public var language: Language { strings.language }
}
