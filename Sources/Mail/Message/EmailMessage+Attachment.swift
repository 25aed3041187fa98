extension EmailMessage {
    /// A file sent along, base64-encoded (the signed agreement as a PDF).
    public struct Attachment: Sendable, Equatable {
        public let filename: String
        /// `type/subtype`, e.g. `application/pdf`.
        public let mimeType: String
        public let bytes: [UInt8]

        /// - Throws: `MailError.invalidHeader` for an empty filename or one with control characters
        ///   or slashes, or a MIME type that is not `type/subtype`.
        public init(filename: String, mimeType: String, bytes: [UInt8]) throws(MailError) {
            try HeaderText.validate(filename, field: "attachment filename")
            guard !filename.trimmingSpaces.isEmpty, !filename.contains("/"), !filename.contains("\\") else {
                throw .invalidHeader(field: "attachment filename", problem: "must be a plain, non-empty file name")
            }
            let parts = mimeType.split(separator: "/", omittingEmptySubsequences: false)
            guard parts.count == 2, parts.allSatisfy({ !$0.isEmpty && $0.utf8.allSatisfy(Self.isTokenByte) }) else {
                throw .invalidHeader(field: "attachment MIME type", problem: "must be type/subtype")
            }
            self.filename = filename
            self.mimeType = mimeType.lowercased()
            self.bytes = bytes
        }

        private static func isTokenByte(_ byte: UInt8) -> Bool {
            (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
                || Array("!#$&^_.+-".utf8).contains(byte)
        }
    }
}
