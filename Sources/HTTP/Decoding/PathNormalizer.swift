/// Splits the raw request path into decoded segments: `%XX` decoded per segment (so an encoded
/// `/` stays inside its segment), UTF-8 checked, empty and `.` segments dropped, `..` refused
/// (nginx normalises too, but a responder behind another proxy must not depend on it).
enum PathNormalizer {
    static func segments(ofRawPath raw: Substring) throws(BadRequestReason) -> [String] {
        var result: [String] = []
        for rawSegment in raw.split(separator: "/", omittingEmptySubsequences: true) {
            let segment: String
            do {
                segment = try PercentDecoding.decode(rawSegment.utf8, plusIsSpace: false)
            } catch .invalidEscape {
                throw .invalidPercentEncoding(.path)
            } catch {
                throw .invalidUTF8(.path)
            }
            if segment == "." || segment.isEmpty { continue }
            if segment == ".." || segment.contains("\0") { throw .pathTraversal }
            result.append(segment)
        }
        return result
    }
}
