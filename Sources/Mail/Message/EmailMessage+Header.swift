extension EmailMessage {
    /// An extra header field. Names the message sets itself (From, To, Subject, Date,
    /// Message-ID, MIME-Version, Content-*, …) are refused so they cannot be doubled.
    public struct Header: Sendable, Equatable {
        public let name: String
        public let value: String

        /// - Throws: `MailError.invalidHeader` for a malformed or reserved name, or a value
        ///   with a line break or control character, or longer than 900 characters.
        public init(name: String, value: String) throws(MailError) {
            guard !name.isEmpty, name.utf8.allSatisfy({ $0 >= 0x21 && $0 <= 0x7E && $0 != UInt8(ascii: ":") }) else {
                throw .invalidHeader(field: "extra header name", problem: "must be printable ASCII without a colon")
            }
            let lower = name.lowercased()
            guard !Self.reserved.contains(lower), !lower.hasPrefix("content-") else {
                throw .invalidHeader(field: name, problem: "is set by the message itself")
            }
            try HeaderText.validate(value, field: name)
            guard value.utf8.count <= 900 else { throw .invalidHeader(field: name, problem: "value too long") }
            self.name = name
            self.value = value
        }

        static let reserved: Set<String> = [
            "from", "to", "cc", "bcc", "reply-to", "subject", "date", "message-id", "mime-version", "sender",
            "return-path",
        ]
    }
}
