/// The rental period an inquiry's date phrases add up to.
///
/// - The event is the first date phrase that is not about delivery or pickup.
/// - Delivery is the first date after a delivery word ("leverans fredag 13 juni"), else the event's
///   first day.
/// - Pickup is the first date after a pickup word ("hämtning söndag", "returned on the 16th"); a
///   weekday or a day number alone is the first such day on or after the event's last day. Without
///   one, a written range ends on its last day, and a single day, a week or a holiday weekend ends
///   on the next working day after it (``SwedishHolidays/nextWorkingDay(after:)``): equipment
///   delivered for a Saturday party is collected on Monday, or on Tuesday after Easter Monday.
enum InquiryPeriodRules {
    struct Decision: Sendable, Equatable {
        var period: RentalPeriod
        var confidence: Double
        var source: String
    }

    static func decide(_ mentions: [InquiryDateMention], tokens: InquiryTokens, reference: CalendarDate) -> Decision? {
        let event = mentions.first { $0.role == .event && $0.dayOfMonth == nil && $0.daysBeforeEvent == nil }
        let delivery = mentions.first { $0.role == .delivery }
        let pickup = mentions.first { $0.role == .pickup }
        guard let anchor = event ?? delivery else { return nil }
        let eventLast = anchor.last ?? anchor.first
        var start = delivery.map { resolve($0, base: anchor.first, latest: false) } ?? anchor.first
        if start > anchor.first { start = anchor.first }
        var end: CalendarDate
        var confidence = anchor.confidence
        if let pickup {
            end = resolve(pickup, base: eventLast, latest: true)
            confidence = min(confidence, pickup.confidence + 0.1)
        } else if anchor.isRange, let last = anchor.last {
            end = last
        } else {
            end = SwedishHolidays.nextWorkingDay(after: eventLast)
        }
        if end < start { end = SwedishHolidays.nextWorkingDay(after: start) }
        if let delivery, delivery != anchor { confidence = min(confidence, delivery.confidence + 0.1) }
        // A day long past, or years away, is more likely a misreading.
        if start < reference || start.days(since: reference) > 730 { confidence = min(confidence, 0.4) }
        guard let period = try? RentalPeriod(start: start, end: end) else { return nil }
        let used = [anchor, delivery, pickup].compactMap { $0 }
        let source = used.map { tokens.snippet($0.firstToken, $0.lastToken) }.uniqued().joined(separator: " … ")
        return Decision(period: period, confidence: (confidence * 100).rounded() / 100, source: source)
    }

    /// A delivery or pickup phrase against the event: a weekday or a day number alone is the
    /// first such day on or after `base` (before it, for delivery).
    private static func resolve(_ mention: InquiryDateMention, base: CalendarDate, latest: Bool) -> CalendarDate {
        if let weekday = mention.weekday, mention.last == nil {
            if latest { return SwedishHolidays.firstDay(weekday: weekday, onOrAfter: base) }
            let shift = (base.isoWeekday - weekday + 7) % 7
            return (try? base.adding(days: -shift)) ?? base
        }
        if let days = mention.daysBeforeEvent { return (try? base.adding(days: -days)) ?? base }
        if let day = mention.dayOfMonth {
            var year = base.year
            var month = base.month
            if day < base.day, latest {
                month += 1
                if month > 12 {
                    month = 1
                    year += 1
                }
            }
            return (try? CalendarDate(year: year, month: month, day: day)) ?? base
        }
        return latest ? (mention.last ?? mention.first) : mention.first
    }
}

extension Array where Element: Hashable {
    /// The elements in order, each once.
    func uniqued() -> [Element] {
        var seen = Set<Element>()
        return filter { seen.insert($0).inserted }
    }
}
