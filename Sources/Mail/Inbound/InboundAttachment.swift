/// A file that came with a received message: an attachment, an inline image, or an attached
/// (forwarded) message. The bytes are transfer-decoded (base64, quoted-printable) and nothing
/// more: never decompressed, converted or looked into.
public struct InboundAttachment: Sendable, Equatable {
    /// How the sender asked for the part to be shown.
    public enum Disposition: String, Sendable, Equatable {
        case attachment
        case inline
        /// No `Content-Disposition`, or one not known.
        case unspecified
    }

    /// Decoded (RFC 2231 or RFC 2047), only its last path component, without control
    /// characters; nil when the sender gave none.
    public let filename: String?
    /// `type/subtype` in lower case, as declared (not sniffed).
    public let contentType: String
    public let bytes: [UInt8]
    /// Lower-case hex SHA-256 of `bytes`.
    public let sha256: String
    /// The `Content-ID` without angle brackets, which `cid:` links in the HTML name.
    public let contentID: String?
    public let disposition: Disposition

    public var size: Int { bytes.count }

    public init(
        filename: String?, contentType: String, bytes: [UInt8], sha256: String, contentID: String?,
        disposition: Disposition
    ) {
        self.filename = filename
        self.contentType = contentType
        self.bytes = bytes
        self.sha256 = sha256
        self.contentID = contentID
        self.disposition = disposition
    }
}
