/// Decoder for `multipart/form-data` (RFC 7578) bodies that are already in memory and no larger
/// than the configured body limit. Hand-written because nothing small and fit exists for a
/// byte buffer in server-side Swift without pulling in SwiftNIO; it is bounded in parts and
/// header size and never reads past the buffer.
enum Multipart {
    static let maxPartHeaderBytes = 8 * 1024

    static func decode(
        _ body: [UInt8], boundary: String, maxParts: Int
    ) throws(BadRequestReason) -> FormData {
        let delimiter = Array("--\(boundary)".utf8)
        let crlf: [UInt8] = [13, 10]
        var form = FormData()

        // The first delimiter may be at the very start or after a preamble ending in CRLF.
        guard let first = find(delimiter, in: body, from: 0),
            first == 0 || (first >= 2 && body[first - 2] == 13 && body[first - 1] == 10)
        else { throw .malformedMultipart(.missingOpeningBoundary) }
        var position = first + delimiter.count

        while true {
            // "--" after a delimiter closes the body.
            if position + 1 < body.count, body[position] == UInt8(ascii: "-"), body[position + 1] == UInt8(ascii: "-") {
                return form
            }
            // Transport padding (spaces, tabs) then CRLF.
            while position < body.count, body[position] == 32 || body[position] == 9 { position += 1 }
            guard position + 1 < body.count, body[position] == 13, body[position + 1] == 10 else {
                throw .malformedMultipart(.missingClosingBoundary)
            }
            position += 2
            guard form.count < maxParts else { throw .tooManyFields(limit: maxParts) }

            guard let headerEnd = find([13, 10, 13, 10], in: body, from: position, limit: maxPartHeaderBytes + 4) else {
                if body.count - position > maxPartHeaderBytes { throw .malformedMultipart(.partHeadersTooLarge) }
                throw .malformedMultipart(.malformedPartHeaders)
            }
            guard let headerText = String(validating: body[position..<headerEnd], as: UTF8.self) else {
                throw .malformedMultipart(.malformedPartHeaders)
            }
            let disposition = try contentDisposition(inHeaders: headerText)
            let contentType = header("content-type", inHeaders: headerText)

            let contentStart = headerEnd + 4
            guard let next = find(crlf + delimiter, in: body, from: contentStart) else {
                throw .malformedMultipart(.missingClosingBoundary)
            }
            let content = Array(body[contentStart..<next])
            if let filename = disposition.filename {
                form.files.append(
                    UploadedFile(
                        fieldName: disposition.name, filename: filename,
                        contentType: contentType ?? "application/octet-stream", bytes: content))
            } else {
                guard let value = String(validating: content, as: UTF8.self) else { throw .invalidUTF8(.form) }
                form.fields.append((disposition.name, value))
            }
            position = next + crlf.count + delimiter.count
        }
    }

    /// The `boundary` parameter of a `multipart/form-data` content type.
    static func boundary(fromContentType contentType: String) -> String? {
        let params = parameters(contentType)
        guard let boundary = params["boundary"], !boundary.isEmpty, boundary.utf8.count <= 200 else { return nil }
        return boundary
    }

    private struct Disposition {
        var name: String
        var filename: String?
    }

    private static func contentDisposition(inHeaders text: String) throws(BadRequestReason) -> Disposition {
        guard let value = header("content-disposition", inHeaders: text) else {
            throw .malformedMultipart(.missingContentDisposition)
        }
        let type = value.split(separator: ";", maxSplits: 1).first.map { String($0).trimmingSpaces().lowercased() }
        let params = parameters(value)
        guard type == "form-data", let name = params["name"] else {
            throw .malformedMultipart(.missingContentDisposition)
        }
        return Disposition(name: name, filename: params["filename"])
    }

    private static func header(_ wanted: String, inHeaders text: String) -> String? {
        for line in text.split(separator: "\r\n") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            if line[..<colon].lowercased().trimmingSpaces() == wanted {
                return String(line[line.index(after: colon)...]).trimmingSpaces()
            }
        }
        return nil
    }

    /// `type; a=b; c="d;e"` → ["a": "b", "c": "d;e"], names lower-cased, quoted strings unescaped.
    static func parameters(_ value: String) -> [String: String] {
        var result: [String: String] = [:]
        var chars = Substring(value)
        // Skip the type itself.
        guard let semi = chars.firstIndex(of: ";") else { return result }
        chars = chars[chars.index(after: semi)...]
        while !chars.isEmpty {
            chars = chars.drop { $0 == " " || $0 == "\t" || $0 == ";" }
            guard let eq = chars.firstIndex(of: "=") else { break }
            let name = String(chars[..<eq]).trimmingSpaces().lowercased()
            chars = chars[chars.index(after: eq)...]
            var parsed = ""
            if chars.first == "\"" {
                chars = chars.dropFirst()
                var escaped = false
                while let c = chars.first {
                    chars = chars.dropFirst()
                    if escaped {
                        parsed.append(c)
                        escaped = false
                    } else if c == "\\" {
                        escaped = true
                    } else if c == "\"" {
                        break
                    } else {
                        parsed.append(c)
                    }
                }
                if let semi = chars.firstIndex(of: ";") { chars = chars[semi...] } else { chars = "" }
            } else {
                let end = chars.firstIndex(of: ";") ?? chars.endIndex
                parsed = String(chars[..<end]).trimmingSpaces()
                chars = chars[end...]
            }
            if result[name] == nil { result[name] = parsed }
        }
        return result
    }

    /// Index of the first occurrence of `needle` in `haystack` at or after `start`, looking at most `limit` bytes.
    static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int, limit: Int = .max) -> Int? {
        guard let firstByte = needle.first, haystack.count >= needle.count else { return nil }
        let lastStart = min(
            haystack.count - needle.count, start > Int.max - limit ? Int.max : start + limit - needle.count)
        guard start <= lastStart else { return nil }
        return haystack.withUnsafeBufferPointer { hay in
            needle.withUnsafeBufferPointer { pin in
                var i = start
                while i <= lastStart {
                    if hay[i] == firstByte {
                        var j = 1
                        while j < pin.count && hay[i + j] == pin[j] { j += 1 }
                        if j == pin.count { return i }
                    }
                    i += 1
                }
                return nil
            }
        }
    }
}
