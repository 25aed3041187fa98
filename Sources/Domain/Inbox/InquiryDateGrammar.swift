/// The date phrases of Swedish and English inquiries, read into ``InquiryDateMention``s.
///
/// - Dates: `2027-06-15`, `15/6`, `15.6`, `15 juni`, `den 15:e juni`, `lördag 21 juni`,
///   `June 15th`, `15th of June`, `Saturday June 21`, with or without a year. A date without a
///   year is the next occurrence on or after the message's day (`15 januari` written in December
///   is next January).
/// - Ranges: `14–16 juni`, `helgen 14-15 juni`, `14 och 15 juni`, `30 juni – 2 juli`,
///   `between June 14 and 16`, `June 14-16`, `fredag–söndag`.
/// - Named days: `midsommarafton` (the Friday from 19 to 25 June), `midsommardagen`,
///   `midsommarhelgen` (the eve to the Sunday), `julafton`, `nyårsafton`, `valborg`.
/// - Weeks: `vecka 24`, `v. 24`, `v24`, `week 24`: Monday to Sunday of that ISO week.
/// - Relative to the message's day: `imorgon`, `i övermorgon`, `idag`, `tomorrow`, `på lördag`,
///   `nästa lördag`, `next Saturday`, `i helgen`, `this weekend` (a weekday is the first such day
///   after the message's day; "nästa" does not skip a week, because customers use both meanings).
/// - A day number alone (`the 16th`, `den 16:e`) only after a pickup or delivery word, in the
///   month of the event.
struct InquiryDateGrammar {
    let tokens: InquiryTokens
    let reference: CalendarDate

    static let months: [String: Int] = [
        "januari": 1, "jan": 1, "january": 1, "februari": 2, "feb": 2, "february": 2, "mars": 3, "mar": 3,
        "march": 3, "april": 4, "apr": 4, "maj": 5, "may": 5, "juni": 6, "jun": 6, "june": 6, "juli": 7,
        "jul": 7, "july": 7, "augusti": 8, "aug": 8, "august": 8, "september": 9, "sep": 9, "sept": 9,
        "oktober": 10, "okt": 10, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12,
        "dec": 12,
    ]

    static let weekdays: [String: Int] = [
        "måndag": 1, "måndagen": 1, "monday": 1, "tisdag": 2, "tisdagen": 2, "tuesday": 2, "onsdag": 3,
        "onsdagen": 3, "wednesday": 3, "torsdag": 4, "torsdagen": 4, "thursday": 4, "fredag": 5, "fredagen": 5,
        "friday": 5, "lördag": 6, "lördagen": 6, "saturday": 6, "söndag": 7, "söndagen": 7, "sunday": 7,
    ]

    private static let ordinalSuffixes: Set<String> = ["e", "a", "st", "nd", "rd", "th"]
    private static let rangeWords: Set<String> = ["till", "to", "until", "och", "and", "tom", "through", "thru"]
    private static let deliveryWords = [
        "leverans", "levereras", "leverera", "leveransen", "levererat", "utkörning", "deliver", "delivery",
        "delivered", "uppsättning", "uppställning", "setup", "drop", "köra", "kör",
    ]
    /// Collecting: the start when the customer collects, the end when we do.
    private static let collectWords: Set<String> = [
        "hämta", "hämtar", "hämtat", "hämtad", "hämtade", "pick", "picked", "collect", "collected", "collecting",
    ]
    private static let pickupWords = [
        "hämtning", "hämtningen", "hämtas", "upphämtning", "återlämning", "återlämnas", "retur", "returnera",
        "returneras", "return", "returned", "tillbaka", "pickup", "collection", "nedmontering", "rivning", "back",
        "lämna", "lämnar", "until", "tills",
    ]

    /// Every date phrase in the text, in order.
    func mentions() -> [InquiryDateMention] {
        var found: [InquiryDateMention] = []
        var index = 0
        while index < tokens.count {
            if var mention = mention(at: index) {
                mention.role = role(before: mention.firstToken)
                if mention.daysBeforeEvent != nil, mention.role == .event { mention.role = .delivery }
                found.append(mention)
                index = mention.lastToken + 1
            } else {
                index += 1
            }
        }
        return found
    }

    // MARK: - One phrase

    private func mention(at index: Int) -> InquiryDateMention? {
        let token = tokens[index]
        if token.isNumber { return numeric(at: index) }
        guard token.isWord else { return nil }
        let word = token.lower
        if let month = Self.months[word], word.count >= 3 { return monthFirst(at: index, month: month) }
        if let weekday = Self.weekdays[word] { return weekdayPhrase(at: index, weekday: weekday) }
        return named(at: index)
    }

    /// `2027-06-15`, `15/6`, `15.6.2027`, `15 juni`, `15:e juni`, `15th of June`, `14-16 juni`.
    private func numeric(at index: Int) -> InquiryDateMention? {
        let token = tokens[index]
        guard let first = token.number else { return nil }
        if let previous = tokens.at(index - 1), ["kl", "klockan", "at"].contains(previous.lower) { return nil }
        if let previous = tokens.at(index - 1), !token.spaceBefore, previous.isSymbol("/.-+") || previous.isNumber {
            return nil
        }
        // ISO 8601.
        if token.text.count == 4, isGlued(index + 1, "-"), let month = tokens.at(index + 2)?.number,
            isGlued(index + 3, "-"), let day = tokens.at(index + 4)?.number, tokens[index + 4].text.count <= 2,
            let date = try? CalendarDate(year: first, month: month, day: day)
        {
            return InquiryDateMention(
                first: date, firstToken: index, lastToken: index + 4, confidence: 0.95, explicitYear: true)
        }
        guard (1...31).contains(first), token.text.count <= 2 else { return nil }
        // 15/6, 15.6, 15/6/2027, 15.6.27 (and 6/15 when only that order makes a date).
        if isGlued(index + 1, "/."), let second = tokens.at(index + 2)?.number, !tokens[index + 2].spaceBefore,
            tokens[index + 2].text.count <= 2
        {
            var last = index + 2
            var year: Int?
            if isGlued(index + 3, "/.-"), let written = tokens.at(index + 4)?.number, !tokens[index + 4].spaceBefore,
                [2, 4].contains(tokens[index + 4].text.count)
            {
                year = written < 100 ? 2000 + written : written
                last = index + 4
            }
            // "14.30" is a time, "1.5" a size, "0.5" a decimal: a date has a month of 1...12.
            if let trailing = tokens.at(last + 1),
                trailing.isSymbol("%:") || ["kr", "m", "meter", "sek"].contains(trailing.lower)
            {
                return nil
            }
            let (day, month) = (1...12).contains(second) ? (first, second) : (second, first)
            guard (1...12).contains(month) else { return nil }
            guard let date = resolve(day: day, month: month, year: year) else { return nil }
            var mention = InquiryDateMention(
                first: date, firstToken: index, lastToken: last, confidence: year == nil ? 0.8 : 0.9,
                explicitYear: year != nil)
            extendRange(&mention)
            return mention
        }
        // 15 juni, 15:e juni, 15th of June, 14-16 juni, 14 och 15 juni.
        var cursor = skipOrdinal(index + 1)
        var rangeEnd: Int?
        if let connector = tokens.at(cursor), connector.isSymbol("-–—") || Self.rangeWords.contains(connector.lower),
            let second = tokens.at(cursor + 1)?.number, (1...31).contains(second), tokens[cursor + 1].text.count <= 2
        {
            let afterSecond = skipOrdinal(cursor + 2)
            if Self.months[skipOf(afterSecond)] != nil {
                rangeEnd = second
                cursor = afterSecond
            }
        }
        let monthIndex = tokens.at(cursor)?.lower == "of" ? cursor + 1 : cursor
        guard let monthToken = tokens.at(monthIndex), monthToken.isWord, let month = Self.months[monthToken.lower]
        else {
            return dayAlone(at: index, ordinalEnd: cursor)
        }
        let (year, last) = year(after: monthIndex)
        guard let date = resolve(day: first, month: month, year: year) else { return nil }
        var mention = InquiryDateMention(
            first: date, firstToken: index, lastToken: last, confidence: year == nil ? 0.9 : 0.95,
            explicitYear: year != nil)
        if let rangeEnd, let end = try? CalendarDate(year: date.year, month: month, day: rangeEnd) {
            mention.last =
                end < date
                ? (try? CalendarDate(year: date.year, month: month + 1 > 12 ? 1 : month + 1, day: rangeEnd)) : end
            mention.isRange = true
        } else {
            extendRange(&mention)
        }
        return mention
    }

    /// `the 16th`, `den 16:e`, `den 16`: a day of the event's month, read only after a pickup or
    /// delivery word ("returned on the 16th").
    private func dayAlone(at index: Int, ordinalEnd: Int) -> InquiryDateMention? {
        let ordinal = ordinalEnd > index + 1
        let article = ["den", "the"].contains(tokens.at(index - 1)?.lower ?? "")
        guard ordinal || article, role(before: index) != .event, let day = tokens[index].number else { return nil }
        guard let date = resolve(day: day, month: reference.month, year: nil) else { return nil }
        var mention = InquiryDateMention(
            first: date, firstToken: article ? index - 1 : index, lastToken: ordinalEnd - 1, confidence: 0.75,
            explicitYear: false)
        mention.dayOfMonth = day
        return mention
    }

    /// `June 15th`, `June 15, 2027`, `June 14-16`, `June 14 and 16`.
    private func monthFirst(at index: Int, month: Int) -> InquiryDateMention? {
        guard let day = tokens.at(index + 1)?.number, (1...31).contains(day), tokens[index + 1].text.count <= 2 else {
            return nil
        }
        var cursor = skipOrdinal(index + 2)
        var rangeEnd: Int?
        if let connector = tokens.at(cursor), connector.isSymbol("-–—") || Self.rangeWords.contains(connector.lower),
            let second = tokens.at(cursor + 1)?.number, (1...31).contains(second), second > day,
            tokens[cursor + 1].text.count <= 2
        {
            rangeEnd = second
            cursor = skipOrdinal(cursor + 2)
        }
        let (year, last) = year(after: cursor - 1)
        guard let date = resolve(day: day, month: month, year: year) else { return nil }
        var mention = InquiryDateMention(
            first: date, firstToken: index, lastToken: max(last, cursor - 1), confidence: year == nil ? 0.9 : 0.95,
            explicitYear: year != nil)
        if let rangeEnd, let end = try? CalendarDate(year: date.year, month: month, day: rangeEnd) {
            mention.last = end
            mention.isRange = true
        } else {
            extendRange(&mention)
        }
        return mention
    }

    /// `lördag 21 juni` (the date decides), `på lördag`, `nästa lördag`, `fredag–söndag`.
    private func weekdayPhrase(at index: Int, weekday: Int) -> InquiryDateMention? {
        var next = index + 1
        if tokens.at(next)?.isSymbol(",") ?? false { next += 1 }
        if ["den", "the"].contains(tokens.at(next)?.lower ?? "") { next += 1 }
        if let token = tokens.at(next), token.isNumber || Self.months[token.lower] != nil,
            var dated = mention(at: next)
        {
            dated.firstToken = index
            return dated
        }
        let previous = tokens.at(index - 1)?.lower ?? ""
        let explicit = ["på", "nästa", "next", "this", "on", "kommande", "denna", "till", "this", "coming"].contains(
            previous)
        let start = previous == "nästa" || previous == "next" || explicit ? index - 1 : index
        let day = SwedishHolidays.firstDay(weekday: weekday, onOrAfter: (try? reference.adding(days: 1)) ?? reference)
        var mention = InquiryDateMention(
            first: day, firstToken: start, lastToken: index, confidence: explicit ? 0.65 : 0.6, explicitYear: false)
        mention.weekday = weekday
        // fredag–söndag, fredag till söndag
        if let connector = tokens.at(index + 1),
            connector.isSymbol("-–—") || ["till", "to", "until"].contains(connector.lower),
            let endWord = tokens.at(index + 2), let endDay = Self.weekdays[endWord.lower]
        {
            mention.last = SwedishHolidays.firstDay(weekday: endDay, onOrAfter: day)
            mention.isRange = true
            mention.lastToken = index + 2
        }
        return mention
    }

    /// Holidays, weeks, `imorgon`, `i helgen`.
    private func named(at index: Int) -> InquiryDateMention? {
        let word = tokens[index].lower
        let year = reference.year
        func upcoming(_ make: (Int) -> CalendarDate) -> CalendarDate {
            let this = make(year)
            return this >= reference ? this : make(year + 1)
        }
        func fixed(_ month: Int, _ day: Int) -> (Int) -> CalendarDate {
            { (try? CalendarDate(year: $0, month: month, day: day)) ?? SwedishHolidays.midsummerEve(year: $0) }
        }
        var day: CalendarDate?
        var last: CalendarDate?
        var spansWeekend = false
        switch word {
        case "midsommarafton", "midsommar", "midsummer":
            day = upcoming(SwedishHolidays.midsummerEve(year:))
        case "midsommardagen", "midsommardag":
            day = upcoming {
                (try? SwedishHolidays.midsummerEve(year: $0).adding(days: 1)) ?? SwedishHolidays.midsummerEve(year: $0)
            }
        case "midsommarhelgen":
            day = upcoming(SwedishHolidays.midsummerEve(year:))
            last = try? day?.adding(days: 2)
            spansWeekend = true
        case "julafton": day = upcoming(fixed(12, 24))
        case "nyårsafton", "nyår", "nyårsaftonen": day = upcoming(fixed(12, 31))
        case "valborg", "valborgsmässoafton", "valborgsafton": day = upcoming(fixed(4, 30))
        case "innan",
            "before" where ["dagen", "day"].contains(tokens.at(index - 1)?.lower ?? ""):
            // "leverans dagen innan", "delivery the day before": resolved against the event.
            var mention = InquiryDateMention(
                first: reference, firstToken: index - 1, lastToken: index, confidence: 0.8, explicitYear: false)
            mention.daysBeforeEvent = 1
            return mention
        case "imorgon", "tomorrow": day = try? reference.adding(days: 1)
        case "idag", "today", "ikväll", "tonight": day = reference
        case "övermorgon": day = try? reference.adding(days: 2)
        case "morgon" where tokens.at(index - 1)?.lower == "i": day = try? reference.adding(days: 1)
        case "helgen", "helg", "weekend":
            guard ["i", "nästa", "next", "this", "kommande", "denna"].contains(tokens.at(index - 1)?.lower ?? "") else {
                return nil
            }
            let saturday = SwedishHolidays.firstDay(
                weekday: 6, onOrAfter: (try? reference.adding(days: 1)) ?? reference)
            day = saturday
            last = try? saturday.adding(days: 1)
            var mention = InquiryDateMention(
                first: saturday, firstToken: index - 1, lastToken: index, confidence: 0.6, explicitYear: false)
            mention.last = last
            mention.isRange = true
            return mention
        case "vecka", "veckan", "week", "v", "w":
            return week(at: index)
        default:
            if word.hasPrefix("v"), word.count == 1 { return week(at: index) }
            return nil
        }
        guard let day else { return nil }
        var end = index
        var explicitYear = false
        if let written = tokens.at(index + 1)?.number, (2000...2100).contains(written) {
            explicitYear = true
            end = index + 1
            if let dated = Self.sameHoliday(word, year: written) { return named(word, dated, index, end, explicitYear) }
        }
        var mention = named(word, day, index, end, explicitYear)
        if let last {
            mention.last = last
            mention.endsWithPickupAfter = spansWeekend
            mention.isRange = !spansWeekend
        }
        return mention
    }

    private func named(
        _ word: String, _ day: CalendarDate, _ first: Int, _ last: Int, _ explicitYear: Bool
    ) -> InquiryDateMention {
        let relative = ["imorgon", "tomorrow", "idag", "today", "ikväll", "tonight", "övermorgon", "morgon"].contains(
            word)
        return InquiryDateMention(
            first: day, firstToken: word == "morgon" || word == "övermorgon" ? max(0, first - 1) : first,
            lastToken: last, confidence: relative ? 0.7 : 0.85, explicitYear: explicitYear)
    }

    private static func sameHoliday(_ word: String, year: Int) -> CalendarDate? {
        switch word {
        case "midsommarafton", "midsommar", "midsummer", "midsommarhelgen": SwedishHolidays.midsummerEve(year: year)
        case "midsommardagen", "midsommardag": try? SwedishHolidays.midsummerEve(year: year).adding(days: 1)
        case "julafton": try? CalendarDate(year: year, month: 12, day: 24)
        case "nyårsafton", "nyår", "nyårsaftonen": try? CalendarDate(year: year, month: 12, day: 31)
        case "valborg", "valborgsmässoafton", "valborgsafton": try? CalendarDate(year: year, month: 4, day: 30)
        default: nil
        }
    }

    /// `vecka 24`, `v. 24`, `v24`, `week 24 2027`: Monday to Sunday; pickup follows the Sunday.
    private func week(at index: Int) -> InquiryDateMention? {
        var cursor = index + 1
        if tokens.at(cursor)?.isSymbol(".") ?? false { cursor += 1 }
        guard let number = tokens.at(cursor)?.number, (1...53).contains(number), tokens[cursor].text.count <= 2 else {
            return nil
        }
        // "v. 33", "v33", but not a "v" glued to a word before it.
        if tokens[index].text.count == 1, !tokens[index].spaceBefore, let previous = tokens.at(index - 1),
            !previous.isBreak
        {
            return nil
        }
        var year = reference.year
        var last = cursor
        var explicitYear = false
        if let written = tokens.at(cursor + 1)?.number, (2000...2100).contains(written) {
            year = written
            last = cursor + 1
            explicitYear = true
        }
        guard var monday = Self.monday(ofWeek: number, year: year) else { return nil }
        if !explicitYear, let sunday = try? monday.adding(days: 6), sunday < reference,
            let next = Self.monday(ofWeek: number, year: year + 1)
        {
            monday = next
        }
        var mention = InquiryDateMention(
            first: monday, firstToken: index, lastToken: last, confidence: 0.75, explicitYear: explicitYear)
        mention.last = try? monday.adding(days: 6)
        mention.endsWithPickupAfter = true
        return mention
    }

    /// The Monday of ISO week `week` of `year` (week 1 holds the year's first Thursday).
    static func monday(ofWeek week: Int, year: Int) -> CalendarDate? {
        guard let january4 = try? CalendarDate(year: year, month: 1, day: 4) else { return nil }
        let firstMonday = try? january4.adding(days: 1 - january4.isoWeekday)
        guard let monday = try? firstMonday?.adding(days: (week - 1) * 7) else { return nil }
        return monday.isoWeek.week == week ? monday : nil
    }

    // MARK: - Pieces

    /// A following "– 16 juni", "till 2 juli", "- 16/6" turns a date into a range.
    private func extendRange(_ mention: inout InquiryDateMention) {
        let cursor = mention.lastToken + 1
        guard let connector = tokens.at(cursor),
            connector.isSymbol("-–—")
                || ["till", "to", "until", "tom", "through", "and", "och"].contains(connector.lower)
        else { return }
        var next = cursor + 1
        if let word = tokens.at(next), let weekday = Self.weekdays[word.lower] {
            // "från imorgon till måndag", "from tomorrow until Monday"
            guard let following = tokens.at(next + 1),
                following.isNumber || Self.months[following.lower] != nil
                    || ["den", "the"].contains(following.lower)
            else {
                mention.last = SwedishHolidays.firstDay(weekday: weekday, onOrAfter: mention.first)
                mention.isRange = true
                mention.lastToken = next
                return
            }
            next += 1
        }
        if ["den", "the"].contains(tokens.at(next)?.lower ?? "") { next += 1 }
        guard let token = tokens.at(next), token.isNumber || Self.months[token.lower] != nil,
            let end = self.mention(at: next)
        else {
            // "between 14 and 16 June" is read at the first number; "the 14th to the 16th" too.
            return
        }
        guard end.first >= mention.first, end.first.days(since: mention.first) <= 60 else { return }
        mention.last = end.first
        mention.isRange = true
        mention.lastToken = end.lastToken
    }

    /// A year right after `index` ("15 juni 2027", "June 15, 2027"): the year and the last token.
    private func year(after index: Int) -> (Int?, Int) {
        var cursor = index + 1
        if tokens.at(cursor)?.isSymbol(",") ?? false { cursor += 1 }
        if let year = tokens.at(cursor)?.number, (2000...2100).contains(year), tokens[cursor].text.count == 4 {
            return (year, cursor)
        }
        return (nil, index)
    }

    private func skipOrdinal(_ index: Int) -> Int {
        var cursor = index
        if tokens.at(cursor)?.isSymbol(":") ?? false, let suffix = tokens.at(cursor + 1),
            ["e", "a"].contains(suffix.lower)
        {
            cursor += 2
        } else if let suffix = tokens.at(cursor), !suffix.spaceBefore, Self.ordinalSuffixes.contains(suffix.lower) {
            cursor += 1
        }
        return cursor
    }

    private func skipOf(_ index: Int) -> String {
        tokens.at(index)?.lower == "of" ? tokens.at(index + 1)?.lower ?? "" : tokens.at(index)?.lower ?? ""
    }

    private func isGlued(_ index: Int, _ symbols: String) -> Bool {
        guard let token = tokens.at(index) else { return false }
        return token.isSymbol(symbols) && !token.spaceBefore
    }

    /// The day with that day and month on or after the reference day (or in the written year).
    func resolve(day: Int, month: Int, year: Int?) -> CalendarDate? {
        if let year { return try? CalendarDate(year: year, month: month, day: day) }
        if let this = try? CalendarDate(year: reference.year, month: month, day: day), this >= reference { return this }
        return try? CalendarDate(year: reference.year + 1, month: month, day: day)
    }

    /// Whether the words just before `index` (on its line, up to six) say delivery or pickup.
    /// Collecting is the start when the customer does it ("vi hämtar själva fredag", "we'll pick
    /// them up on Friday") and the end when we do ("hämtning söndag", "pick-up on Monday").
    private func role(before index: Int) -> InquiryDateMention.Role {
        var cursor = index - 1
        var seen = 0
        var words: [String] = []
        while cursor >= 0, seen < 7 {
            let token = tokens[cursor]
            if token.isBreak || token.isSymbol(".;!?") { break }
            if token.isWord {
                seen += 1
                words.append(token.lower)
                if ["festen", "eventet", "bröllopet", "party", "event", "wedding", "fest"].contains(token.lower) {
                    break
                }
            }
            cursor -= 1
        }
        let customerDoesIt = words.contains {
            ["vi", "jag", "we", "i", "ourselves", "själva", "själv", "us"].contains($0)
        }
        for word in words {
            if Self.collectWords.contains(word) { return customerDoesIt ? .delivery : .pickup }
            if Self.pickupWords.contains(word) || word.hasPrefix("hämtning") { return .pickup }
            if Self.deliveryWords.contains(word) || word.hasPrefix("leverans") || word.hasPrefix("levere") {
                return .delivery
            }
        }
        return .event
    }
}

/// One date phrase of an inquiry: a day, or a range of days, and what it is for.
struct InquiryDateMention: Sendable, Equatable {
    enum Role: Sendable, Equatable {
        /// The event itself ("festen är lördag 21 juni").
        case event
        /// When the equipment should arrive ("leverans fredag").
        case delivery
        /// When it may be collected ("hämtning söndag", "returned on the 16th").
        case pickup
    }

    var first: CalendarDate
    var last: CalendarDate?
    var firstToken: Int
    var lastToken: Int
    var confidence: Double
    var explicitYear: Bool
    var role: Role = .event
    /// A weekday written alone ("på lördag"): resolved against another date when it says pickup.
    var weekday: Int?
    /// A day number written alone ("the 16th"): resolved in the month of another date.
    var dayOfMonth: Int?
    /// "dagen innan": days before the event.
    var daysBeforeEvent: Int?
    /// A written range (`14–16 juni`): the customer keeps the equipment to its last day.
    var isRange = false
    /// A week or holiday weekend: pickup is the working day after its last day.
    var endsWithPickupAfter = false
}
