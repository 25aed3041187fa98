import Database
import Domain
import Foundation

/// Receiving one message: read it (`InboundReader`, with the catalogue; the language model too
/// when configured) and store it (`InboxStore.receive`, one transaction with its audit row and
/// events). `ingest-email` and the IMAP poll both come here.
struct InboxIngest {
    let reader: InboundReader
    let model: InquiryModel?

    init(_ configuration: AppConfiguration) {
        reader = InboundReader(keepBytes: configuration.inboxKeepBytes)
        model = InquiryModel(configuration)
    }

    /// What storing gave, for the command's output.
    struct Result: CustomStringConvertible {
        let received: InboxStore.Received

        var description: String {
            switch received {
            case .stored(let message, let conversation, let isNew, let kind):
                let where_ = conversation.map { "conversation \($0)\(isNew ? " (new)" : "")" } ?? "no conversation"
                return "Stored message \(message) (\(kind)) in \(where_)."
            case .duplicate(let message): return "Already stored as message \(message); nothing was done."
            }
        }

        var json: String {
            switch received {
            case .stored(let message, let conversation, let isNew, let kind):
                return
                    "{\"stored\": true, \"message\": \(message), \"conversation\": \(conversation.map(String.init) ?? "null"), \"newConversation\": \(isNew), \"kind\": \"\(kind)\"}"
            case .duplicate(let message): return "{\"stored\": false, \"duplicate\": true, \"message\": \(message)}"
            }
        }
    }

    /// Reads the message with the catalogue (read only); asks the model too for an inquiry.
    func read(_ raw: [UInt8], source: ReceivedMail.Source, connection: Connection) throws -> InboundReader.Reading {
        let catalogue = try InboxStore.catalogue(connection)
        var reading = reader.read(raw, source: source, catalogue: catalogue)
        if let model, reading.extraction.kind == .inquiry || reading.extraction.kind == .reply {
            if let merged = model.improve(reading, catalogue: catalogue) {
                reading.extraction = merged
                reading.mail.extractionJSON = merged.jsonText()
            }
        }
        return reading
    }

    func ingest(_ raw: [UInt8], source: ReceivedMail.Source, connection: Connection) throws -> Result {
        let reading = try read(raw, source: source, connection: connection)
        return Result(received: try InboxStore.receive(connection, reading.mail))
    }
}
