import Domain
import Foundation
import HTTP

/// A task form as posted (multipart): every field's values by name (several for multiple choice and
/// checklists; the CSRF token left out) and the files, without the empty file inputs a browser
/// sends for a field left blank. The staff task page and the portal read it the same way.
enum TaskSubmission {
    static func read(_ request: Request) -> (submitted: [String: [String]], uploads: [TaskUpload]) {
        var submitted: [String: [String]] = [:]
        for (name, value) in request.form.fields where name != "_csrf" {
            submitted[name, default: []].append(value)
        }
        let uploads = request.form.files.filter { !$0.bytes.isEmpty && !$0.filename.isEmpty }.map {
            TaskUpload(
                field: $0.fieldName, name: String($0.filename.prefix(200)),
                contentType: String(($0.contentType.isEmpty ? "application/octet-stream" : $0.contentType).prefix(200)),
                content: $0.bytes)
        }
        return (submitted, uploads)
    }

    /// An uploaded file as a download, never shown inline (an uploaded file is untrusted): an ASCII
    /// name for old clients and the UTF-8 one (RFC 6266) beside it.
    static func download(_ info: TaskFileInfo, _ content: [UInt8]) -> Response {
        let ascii = String(
            info.name.unicodeScalars.filter {
                $0.isASCII
                    && ($0.properties.isAlphabetic || $0.properties.numericType != nil
                        || ".-_ ".unicodeScalars.contains($0))
            }
            .prefix(150))
        var disposition = "attachment; filename=\"\(ascii.isEmpty ? "file" : ascii)\""
        if let encoded = info.name.prefix(150).addingPercentEncoding(withAllowedCharacters: InboxHandler.attrChar) {
            disposition += "; filename*=UTF-8''\(encoded)"
        }
        return Response(
            status: .ok,
            headers: [
                ("Content-Type", "application/octet-stream"), ("Cache-Control", "private, no-store"),
                ("X-Content-Type-Options", "nosniff"), ("Content-Disposition", disposition),
            ],
            body: content)
    }
}
