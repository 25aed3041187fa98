/// Swedish public holidays and the days a rental company treats as such, for working-day rules
/// (when equipment delivered for one day is picked up again).
///
/// Non-working: Saturdays, Sundays, the public holidays (nyårsdagen, trettondedag jul, långfredagen,
/// påskdagen, annandag påsk, första maj, Kristi himmelsfärdsdag, pingstdagen, nationaldagen,
/// midsommardagen, alla helgons dag, juldagen, annandag jul) and the eves that are days off in
/// practice (midsommarafton, julafton, nyårsafton).
public enum SwedishHolidays {
    /// Easter Sunday of `year` (Gregorian; the anonymous computus of Meeus/Jones/Butcher).
    public static func easterSunday(year: Int) -> CalendarDate {
        let a = year % 19
        let b = year / 100
        let c = year % 100
        let d = b / 4
        let e = b % 4
        let f = (b + 8) / 25
        let g = (b - f + 1) / 3
        let h = (19 * a + b - d - g + 15) % 30
        let i = c / 4
        let k = c % 4
        let l = (32 + 2 * e + 2 * i - h - k) % 7
        let m = (a + 11 * h + 22 * l) / 451
        let month = (h + l - 7 * m + 114) / 31
        let day = (h + l - 7 * m + 114) % 31 + 1
        return Self.day(year, month, day)
    }

    /// Midsommarafton: the Friday from 19 to 25 June.
    public static func midsummerEve(year: Int) -> CalendarDate {
        firstDay(weekday: 5, onOrAfter: Self.day(year, 6, 19))
    }

    /// Alla helgons dag: the Saturday from 31 October to 6 November.
    public static func allSaintsDay(year: Int) -> CalendarDate {
        firstDay(weekday: 6, onOrAfter: Self.day(year, 10, 31))
    }

    /// The non-working holidays of `year` with their Swedish names, in date order.
    public static func holidays(year: Int) -> [(date: CalendarDate, name: String)] {
        let easter = easterSunday(year: year)
        let midsummer = midsummerEve(year: year)
        func after(_ day: CalendarDate, _ days: Int) -> CalendarDate { (try? day.adding(days: days)) ?? day }
        let days: [(CalendarDate, String)] = [
            (Self.day(year, 1, 1), "Nyårsdagen"),
            (Self.day(year, 1, 6), "Trettondedag jul"),
            (after(easter, -2), "Långfredagen"),
            (easter, "Påskdagen"),
            (after(easter, 1), "Annandag påsk"),
            (Self.day(year, 5, 1), "Första maj"),
            (after(easter, 39), "Kristi himmelsfärdsdag"),
            (after(easter, 49), "Pingstdagen"),
            (Self.day(year, 6, 6), "Sveriges nationaldag"),
            (midsummer, "Midsommarafton"),
            (after(midsummer, 1), "Midsommardagen"),
            (allSaintsDay(year: year), "Alla helgons dag"),
            (Self.day(year, 12, 24), "Julafton"),
            (Self.day(year, 12, 25), "Juldagen"),
            (Self.day(year, 12, 26), "Annandag jul"),
            (Self.day(year, 12, 31), "Nyårsafton"),
        ]
        return days.sorted { $0.0 < $1.0 }.map { (date: $0.0, name: $0.1) }
    }

    /// Whether `day` is one of ``holidays(year:)``.
    public static func isHoliday(_ day: CalendarDate) -> Bool {
        holidays(year: day.year).contains { $0.date == day }
    }

    /// Monday to Friday and not a holiday.
    public static func isWorkingDay(_ day: CalendarDate) -> Bool {
        day.isoWeekday <= 5 && !isHoliday(day)
    }

    /// The first working day after `day`: the pickup day of equipment delivered on `day`.
    public static func nextWorkingDay(after day: CalendarDate) -> CalendarDate {
        var next = day
        repeat {
            guard let following = try? next.adding(days: 1) else { return next }
            next = following
        } while !isWorkingDay(next)
        return next
    }

    /// The first day on or after `day` whose ISO weekday (1 = Monday) is `weekday`.
    static func firstDay(weekday: Int, onOrAfter day: CalendarDate) -> CalendarDate {
        let shift = (weekday - day.isoWeekday + 7) % 7
        return (try? day.adding(days: shift)) ?? day
    }

    private static func day(_ year: Int, _ month: Int, _ day: Int) -> CalendarDate {
        // Only called with real dates (fixed holidays, Easter's computus) in years 1...9999.
        (try? CalendarDate(year: year, month: month, day: day)) ?? (try! CalendarDate(year: 1970, month: 1, day: 1))
    }
}
