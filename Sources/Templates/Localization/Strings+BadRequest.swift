/// The reasons shown on a 400 page, one per kind of malformed request.
extension Strings {
    public var reasonInvalidPathEncoding: String {
        t("Adressen innehåller en ogiltig %-kodning.", "The address contains an invalid %-encoding.")
    }
    public var reasonInvalidQueryEncoding: String {
        t(
            "Frågedelen av adressen innehåller en ogiltig %-kodning.",
            "The query part of the address contains an invalid %-encoding.")
    }
    public var reasonInvalidFormEncoding: String {
        t("Formulärdata innehåller en ogiltig %-kodning.", "The form data contains an invalid %-encoding.")
    }
    public var reasonInvalidUTF8: String {
        t("Texten är inte giltig UTF-8.", "The text is not valid UTF-8.")
    }
    public var reasonPathTraversal: String {
        t("Adressen försöker gå utanför webbplatsen (”..”).", "The address tries to leave the site (“..”).")
    }
    public var reasonMalformedMultipart: String {
        t(
            "Den uppladdade formulärdatan är trasig eller ofullständig.",
            "The uploaded form data is broken or incomplete.")
    }
    public func reasonTooManyFields(_ limit: Int) -> String {
        t("Formuläret har för många fält (högst \(limit)).", "The form has too many fields (at most \(limit)).")
    }
    /// `field` is the form field's name as the page's form sent it (escaped where it is shown).
    public func reasonControlCharacter(field: String) -> String {
        t(
            "Fältet \u{201C}\(field)\u{201D} innehåller ett kontrolltecken (till exempel NUL) som inte är text. Inget har sparats.",
            "The field \u{201C}\(field)\u{201D} contains a control character (such as NUL) that is not text. Nothing was saved."
        )
    }
    public var reasonInvalidContentLength: String {
        t("Förfrågans längduppgift är ogiltig.", "The request's length header is invalid.")
    }
    public var reasonTextTooLong: String {
        t(
            "En text i formuläret är längre än vad som går att spara. Korta den och försök igen.",
            "A text in the form is longer than can be stored. Shorten it and try again.")
    }
    public var reasonIncompleteBody: String {
        t(
            "Förfrågan tog slut innan allt som utlovats hade kommit fram. Försök igen.",
            "The request ended before all it announced had arrived. Please try again.")
    }
    public func reasonTooLarge(limitBytes: Int) -> String {
        let megabytes = Double(limitBytes) / 1_048_576
        let shown = megabytes >= 1 ? "\(Int(megabytes.rounded())) MB" : "\(limitBytes / 1024) kB"
        return t("Högsta tillåtna storlek är \(shown).", "The largest size allowed is \(shown).")
    }
}
