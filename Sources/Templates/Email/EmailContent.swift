public import Domain
import Foundation

/// An email's subject, plain text and HTML. The HTML is built with the pages' escaping DSL from
/// the same paragraphs as the text, so there is one escaper for pages and emails alike.
public struct EmailContent: Sendable, Equatable {
    public let subject: String
    public let text: String
    public let html: String

    /// One paragraph: its lines, shown with line breaks.
    typealias Paragraph = [String]

    /// The text is the paragraphs separated by blank lines. The HTML is read back from that text, so
    /// both always say the same: one `<p>` per block between blank lines (also inside a value the
    /// customer typed, such as a decline reason), a `<br>` for each line break within it.
    init(language: Language, subject: String, paragraphs: [Paragraph]) {
        self.subject = subject
        text = paragraphs.map { $0.joined(separator: "\n") }.joined(separator: "\n\n") + "\n"
        let blocks = text.dropLast().split(separator: "\n\n")
        var buffer: [UInt8] = []
        Node.fragment([
            .literal("<!doctype html>"),
            Templates.html(.attr("lang", language.rawValue)) {
                head { meta(.attr("charset", "utf-8")) }
                body {
                    for block in blocks {
                        p {
                            for (index, line) in block.split(separator: "\n", omittingEmptySubsequences: false)
                                .enumerated()
                            {
                                if index > 0 { br() }
                                String(line)
                            }
                        }
                    }
                }
            },
        ]).render(into: &buffer)
        html = String(decoding: buffer, as: UTF8.self)
    }
}

extension EmailContent {
    /// A message from plain text a person wrote (a trigger's template, filled in): paragraphs at
    /// blank lines, line breaks kept; the HTML escapes everything, like every other email.
    public static func plain(language: Language, subject: String, body: String) -> EmailContent {
        let paragraphs = body.replacingOccurrences(of: "\r\n", with: "\n").components(separatedBy: "\n\n")
            .map { $0.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }
            .filter { !$0.allSatisfy { $0.trimmingCharacters(in: .whitespaces).isEmpty } }
        return EmailContent(language: language, subject: subject, paragraphs: paragraphs)
    }
}
