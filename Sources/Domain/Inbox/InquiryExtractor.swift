/// Turns a customer's email into a proposed quotation: pure rules over the text, no I/O.
///
/// Dates, guests, the address and the lines are read from the body only (never from the
/// signature or quoted history); contact details from the signature, the closing line, the body
/// and the sender. The subject is a fallback for the period and the guests ("Tält 14 juni, 80 pers").
/// Auto-replies and bounces keep only the contact: their dates are no rental.
public enum InquiryExtractor {
    public static func extract(_ input: InquiryInput, catalogue: [InquiryCatalogueItem]) -> InquiryExtraction {
        let parts = InquiryMessageParts(input)
        let body = InquiryTokens(parts.body)
        let subject = InquiryTokens(subjectWithoutPrefixes(input.subject))
        let reference = BusinessCalendar.day(of: input.sentAt)
        var extraction = InquiryExtraction(kind: input.kind, language: InquiryLanguage.detect(body))
        func record(_ field: InquiryExtraction.Field, _ confidence: Double, _ source: String) {
            extraction.confidence[field] = (confidence * 100).rounded() / 100
            extraction.sources[field] = source
        }

        if let found = InquiryContactRules.name(parts: parts, input: input) {
            extraction.customer.name = found.value
            record(.name, found.confidence, found.source)
        }
        if let found = InquiryContactRules.email(parts: parts, input: input) {
            extraction.customer.email = found.value
            record(.email, found.confidence, found.source)
        }
        if let found = InquiryContactRules.phone(parts: parts) {
            extraction.customer.phone = found.value
            record(.phone, found.confidence, found.source)
        }
        let company = InquiryContactRules.company(parts: parts, input: input)
        if let company {
            extraction.customer.company = company.value
            record(.company, company.confidence, company.source)
        }
        if let found = InquiryContactRules.organisationNumber(in: parts.body + "\n" + parts.signature) {
            extraction.customer.organisationNumber = found.value
            record(.organisationNumber, found.confidence, found.source)
        }

        // An out-of-office answer or a bounce asks for nothing: only who sent it is read.
        guard input.kind != .autoReply, input.kind != .bounce else { return extraction }

        let mentions = InquiryDateGrammar(tokens: body, reference: reference).mentions()
        if let decision = InquiryPeriodRules.decide(mentions, tokens: body, reference: reference) {
            extraction.period = decision.period
            record(.period, decision.confidence, decision.source)
        } else if let decision = InquiryPeriodRules.decide(
            InquiryDateGrammar(tokens: subject, reference: reference).mentions(), tokens: subject, reference: reference)
        {
            extraction.period = decision.period
            record(.period, decision.confidence * 0.9, decision.source)
        }

        if let decision = InquiryGuestRules.decide(body) ?? InquiryGuestRules.decide(subject) {
            extraction.guests = decision.guests
            record(.guests, decision.confidence, decision.source)
        }

        if let decision = InquiryAddressRules.decide(parts.body) {
            extraction.deliveryAddress = decision.address
            record(.deliveryAddress, decision.confidence, decision.source)
        }

        let excluded = excludedTokens(body, company: company?.value)
        extraction.lines = InquiryLineRules(
            index: InquiryCatalogueIndex(catalogue), tokens: body, guests: extraction.guests,
            city: extraction.deliveryAddress?.city, excluded: excluded
        ).lines()
        return extraction
    }

    /// "Re:", "SV:", "Fwd:", "VB:" and the like, however many.
    static func subjectWithoutPrefixes(_ subject: String) -> String {
        var text = Substring(subject)
        while true {
            let trimmed = text.drop { $0 == " " }
            guard let colon = trimmed.firstIndex(of: ":"), trimmed.distance(from: trimmed.startIndex, to: colon) <= 4,
                ["re", "sv", "fw", "fwd", "vb", "vs", "aw", "tr", "ang"].contains(trimmed[..<colon].lowercased())
            else { return String(trimmed) }
            text = trimmed[trimmed.index(after: colon)...]
        }
    }

    /// Tokens that are part of an email address, a web address or the customer's company name: "från
    /// Tältkompaniet AB" is no tent.
    private static func excludedTokens(_ tokens: InquiryTokens, company: String?) -> Set<Int> {
        var excluded = Set<Int>()
        for position in 0..<tokens.count where tokens[position].isSymbol("@") {
            var left = position - 1
            while left >= 0, !tokens[left].spaceBefore || left == position - 1, !tokens[left].isBreak {
                excluded.insert(left)
                if tokens[left].spaceBefore { break }
                left -= 1
            }
            var right = position + 1
            while right < tokens.count, !tokens[right].spaceBefore, !tokens[right].isBreak {
                excluded.insert(right)
                right += 1
            }
        }
        for position in 0..<tokens.count where ["www", "http", "https"].contains(tokens[position].lower) {
            var right = position
            while right < tokens.count, right == position || !tokens[right].spaceBefore, !tokens[right].isBreak {
                excluded.insert(right)
                right += 1
            }
        }
        if let company {
            let words = InquiryTokens(company).tokens.filter { !$0.isSymbol(",.") }.map(\.lower)
            guard !words.isEmpty else { return excluded }
            for start in 0..<tokens.count {
                var cursor = start
                var matched = 0
                while matched < words.count, cursor < tokens.count, tokens[cursor].lower == words[matched] {
                    matched += 1
                    cursor += 1
                }
                if matched == words.count { excluded.formUnion(start..<cursor) }
            }
        }
        return excluded
    }
}
