import Domain
import Foundation
import LanguageModel
import Logging

/// The optional language model (`EG_LLM_URL`, an OpenAI-compatible chat-completions endpoint): it
/// is asked for the same JSON the rules produce, under a strict schema and a timeout; every field
/// of its answer is checked (dates parse, SKUs exist, quantities are positive) and merged with the
/// rules' (`InquiryExtraction.merged`). When it is not configured, slow or wrong, the rules answer
/// alone. Nothing of the message is logged.
struct InquiryModel {
    let client: ChatCompletionClient
    let logger = Logger(label: "eventgaraget.inbox.model")

    /// nil when no model is configured (or its URL cannot be used).
    init?(_ configuration: AppConfiguration) {
        guard !configuration.llmURL.isEmpty,
            let client = try? ChatCompletionClient(
                url: configuration.llmURL, model: configuration.llmModel, apiKey: configuration.llmKey,
                timeoutSeconds: Double(configuration.llmTimeoutSeconds))
        else { return nil }
        self.client = client
    }

    /// The rules' reading merged with the model's, or nil when the model gave nothing usable.
    func improve(_ reading: InboundReader.Reading, catalogue: [InquiryCatalogueItem]) -> InquiryExtraction? {
        let mail = reading.mail
        let input = InquiryInput(
            subject: mail.subject, text: mail.newText, signature: mail.signature, fromName: mail.fromName,
            fromAddress: mail.fromAddress, sentAt: mail.sentAt ?? Date(), kind: reading.extraction.kind)
        do {
            let answer = try client.completeJSON(
                system: Self.instructions(catalogue: catalogue, sentAt: input.sentAt), user: Self.message(input),
                schemaName: "inquiry", schema: InquiryExtraction.modelJSONSchema)
            return reading.extraction.merged(withModelJSON: answer, input: input, catalogue: catalogue)
        } catch {
            logger.warning("the language model gave no answer; the rules answer alone", metadata: ["error": "\(error)"])
            return nil
        }
    }

    /// What the model is told: the task, the reference day, and the catalogue it must map to.
    static func instructions(catalogue: [InquiryCatalogueItem], sentAt: Date) -> String {
        var lines = [
            "You read one customer email to an event-equipment rental company in Sweden and return the inquiry as JSON.",
            "The email was sent on \(BusinessCalendar.day(of: sentAt).iso) (Europe/Stockholm): resolve years and relative dates from that day.",
            "A single day means delivery that day and pickup the next working day, unless the text says otherwise.",
            "Use null for anything the email does not say. Map requested items to the catalogue below by SKU (products) or addonId (add-ons); quantities are positive whole numbers.",
            "Catalogue:",
        ]
        for item in catalogue where item.active {
            switch item.reference {
            case .product(_, let sku):
                lines.append(
                    "- product sku=\(sku): \(item.name)"
                        + (item.synonyms.isEmpty ? "" : " (also: \(item.synonyms.joined(separator: ", ")))")
                        + (item.capacity.map { "; serves \($0) people" } ?? ""))
            case .addon(let id):
                lines.append("- add-on addonId=\(id): \(item.name)")
            }
        }
        return lines.joined(separator: "\n")
    }

    static func message(_ input: InquiryInput) -> String {
        "From: \(input.fromName ?? "") <\(input.fromAddress ?? "")>\nSubject: \(input.subject)\n\n\(input.text)\n\n\(input.signature)"
    }
}
