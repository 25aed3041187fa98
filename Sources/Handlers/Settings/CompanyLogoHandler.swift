import Database
import HTTP

/// `/logo`: the company logo for the page header, the signing page and emails. Public, with a
/// strong validator (the SHA-256 of the bytes) so a revalidation is a 304 that never reads the
/// image. `/logo?v=<version>` (what pages print) may be cached for a year because a new logo gets
/// a new version; plain `/logo` only briefly.
enum CompanyLogoHandler {
    static func serve(_ context: Context) throws -> Response {
        let request = context.request
        let presented = entityTags(request.headers["if-none-match"])
        guard
            let logo = try SettingsStore.logo(
                context.database.connection(), ifNoneMatch: presented.tags, matchAny: presented.any)
        else { throw HTTPError(.notFound) }

        let sha =
            switch logo {
            case .unchanged(_, let sha), .image(_, _, let sha): sha
            }
        let versioned = request.query["v"].map { !$0.isEmpty && sha.hasPrefix($0) && $0.count >= 16 } ?? false
        var headers: [(name: String, value: String)] = [
            ("ETag", "\"\(sha)\""),
            ("Cache-Control", versioned ? "public, max-age=31536000, immutable" : "public, max-age=300"),
        ]
        switch logo {
        case .unchanged:
            return Response(status: .notModified, headers: headers)
        case .image(let bytes, let mimeType, _):
            headers += [("Content-Type", mimeType), ("X-Content-Type-Options", "nosniff")]
            return Response(status: .ok, headers: headers, body: bytes)
        }
    }

    /// The opaque tags of an `If-None-Match` header (`"a", W/"b"` → a, b; weak comparison, as
    /// RFC 9110 asks for this header), and whether it was `*`.
    static func entityTags(_ header: String?) -> (tags: [String], any: Bool) {
        guard let header else { return ([], false) }
        var tags: [String] = []
        for item in header.split(separator: ",").prefix(16) {
            var tag = item.trimmingCharacters(in: " \t")
            if tag == "*" { return ([], true) }
            if tag.hasPrefix("W/") { tag = String(tag.dropFirst(2)) }
            guard tag.count >= 2, tag.hasPrefix("\""), tag.hasSuffix("\"") else { continue }
            tags.append(String(tag.dropFirst().dropLast()))
        }
        return (tags, false)
    }
}

extension Substring {
    fileprivate func trimmingCharacters(in set: String) -> String {
        String(drop { set.contains($0) }.reversed().drop { set.contains($0) }.reversed())
    }
}
