/// The decoded fields and files of a form submission, in the order the browser sent them.
public struct FormData: Sendable {
    public var fields: [(name: String, value: String)] = []
    public var files: [UploadedFile] = []

    public init(fields: [(name: String, value: String)] = [], files: [UploadedFile] = []) {
        self.fields = fields
        self.files = files
    }

    /// The first value of a field.
    public subscript(name: String) -> String? {
        fields.first { $0.name == name }?.value
    }

    /// Every value of a field (checkbox groups, repeated inputs).
    public func all(_ name: String) -> [String] {
        fields.filter { $0.name == name }.map(\.value)
    }

    public func file(_ name: String) -> UploadedFile? {
        files.first { $0.fieldName == name }
    }

    var count: Int { fields.count + files.count }
}

/// A file from a `multipart/form-data` body. Its bytes are untrusted: check the content, not the name or type.
public struct UploadedFile: Sendable, Equatable {
    public let fieldName: String
    public let filename: String
    public let contentType: String
    public let bytes: [UInt8]

    public init(fieldName: String, filename: String, contentType: String, bytes: [UInt8]) {
        self.fieldName = fieldName
        self.filename = filename
        self.contentType = contentType
        self.bytes = bytes
    }
}
