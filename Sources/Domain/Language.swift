/// The languages the product speaks. Swedish is the default: the company and most customers are Swedish.
public enum Language: String, CaseIterable, Sendable, Hashable {
    case sv
    case en

    public static let `default`: Language = .sv

    /// The best language for an `Accept-Language` header (`en-GB,en;q=0.9,sv;q=0.8`), by quality
    /// then order; `nil` when the header names none we speak.
    public static func negotiate(acceptLanguage header: String?) -> Language? {
        guard let header else { return nil }
        var best: (language: Language, quality: Double)?
        for item in header.split(separator: ",") {
            let parts = item.split(separator: ";")
            guard let tag = parts.first?.trimmingCharacters(in: " \t").lowercased() else { continue }
            let primary = tag.split(separator: "-").first.map(String.init) ?? tag
            var quality = 1.0
            for param in parts.dropFirst() {
                let kv = param.trimmingCharacters(in: " \t")
                if kv.hasPrefix("q="), let q = Double(kv.dropFirst(2)) { quality = q }
            }
            guard quality > 0, let language = Language(rawValue: primary) else { continue }
            if best == nil || quality > best!.quality { best = (language, quality) }
        }
        return best?.language
    }
}

extension StringProtocol {
    fileprivate func trimmingCharacters(in set: String) -> String {
        var s = Substring(self)
        while let f = s.first, set.contains(f) { s = s.dropFirst() }
        while let l = s.last, set.contains(l) { s = s.dropLast() }
        return String(s)
    }
}
