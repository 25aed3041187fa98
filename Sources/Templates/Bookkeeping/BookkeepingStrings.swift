public import Domain

/// The bookkeeping page's strings (`strings.bookkeeping`).
public struct BookkeepingStrings: FeatureStrings {
    public let language: Language

    init(_ language: Language) { self.language = language }

    var title: String { t("Bokföring", "Bookkeeping") }
    var lead: String {
        t(
            "Verifikationerna (fakturor, kreditfakturor, betalningar, avrundning) som SIE 4I-fil till bokföringsprogrammet, kontoplanen de bokförs på, låsning av exporterade perioder och avstämning mot databasen.",
            "The vouchers (invoices, credit notes, payments, rounding) as an SIE 4I file for the accounting program, the accounts they are booked on, locking exported periods, and reconciliation with the database."
        )
    }

    // The lock
    var lockHeading: String { t("Låsta perioder", "Locked periods") }
    func lockedThrough(_ day: CalendarDate) -> String {
        t(
            "Bokföringen är låst till och med \(day.iso). Inget kan faktureras, krediteras eller betalas med ett datum till och med den dagen.",
            "The books are locked through \(day.iso). Nothing can be invoiced, credited or paid with a date up to and including that day."
        )
    }
    var nothingLocked: String { t("Inget är låst.", "Nothing is locked.") }
    var lockThroughLabel: String { t("Lås till och med", "Lock through") }
    var lockHint: String {
        t(
            "En dag som en export täcker, senast i dag. Låset flyttas bara framåt.",
            "A day an export covers, today at the latest. The lock only moves forward.")
    }
    func lockButton(_ day: String) -> String {
        day.isEmpty ? t("Lås", "Lock") : t("Lås till och med \(day)", "Lock through \(day)")
    }
    var unlockHeading: String { t("Flytta tillbaka låset", "Move the lock back") }
    var unlockHint: String {
        t(
            "Bara administratörer, med ett skäl som sparas i aktivitetsloggen. Tomt datum: inget låst.",
            "Admins only, with a reason kept in the activity log. No date: nothing locked.")
    }
    var unlockToLabel: String { t("Låst till och med (nytt datum)", "Locked through (new day)") }
    var reasonLabel: String { t("Skäl", "Reason") }
    var unlockButton: String { t("Flytta tillbaka låset", "Move the lock back") }
    public func lockRefusal(_ refusal: BooksLockRules.LockRefusal) -> String {
        switch refusal {
        case .notForward(let current):
            t(
                "Bokföringen är redan låst till och med \(current.iso). Låset flyttas bara framåt.",
                "The books are already locked through \(current.iso). The lock only moves forward.")
        case .notExported:
            t(
                "Låset skulle stänga dagar som ingen export täcker. Exportera från dagen efter låset först.",
                "The lock would close days no export covers. Export from the day after the lock first.")
        case .future: t("En dag efter i dag kan inte låsas.", "A day after today cannot be locked.")
        }
    }
    public func unlockRefusal(_ refusal: BooksLockRules.UnlockRefusal) -> String {
        switch refusal {
        case .notBack:
            t("Välj en dag före den nuvarande låsningen.", "Choose a day before the current lock.")
        case .reasonMissing: t("Skriv varför låset flyttas tillbaka.", "Say why the lock is moved back.")
        case .reasonTooLong: t("Högst 500 tecken.", "At most 500 characters.")
        }
    }
    /// A document or payment refused because its day is locked (pages show this; commands print
    /// `BooksLocked.description`).
    public func locked(_ locked: BooksLocked) -> String {
        t(
            "Bokföringen är exporterad och låst till och med \(locked.through.iso): inget kan faktureras, krediteras eller betalas den \(locked.date.iso). Använd ett senare datum.",
            "The books are exported and locked through \(locked.through.iso): nothing can be invoiced, credited or paid on \(locked.date.iso). Use a later date."
        )
    }

    // The export
    var exportHeading: String { t("Exportera SIE 4I", "Export SIE 4I") }
    var exportText: String {
        t(
            "Periodens fakturor och kreditfakturor (serie A) och betalningar (serie B), teckentabell CP437 med kontrollsumma. Varje export sparas med filens SHA-256.",
            "The period's invoices and credit notes (series A) and payments (series B), code page CP437 with a checksum. Every export is recorded with the file's SHA-256."
        )
    }
    var from: String { t("Från", "From") }
    var to: String { t("Till och med", "To") }
    var lockAfterExport: String {
        t(
            "Lås perioden efter exporten (till och med sista dagen)",
            "Lock the period after exporting (through its last day)")
    }
    var exportButton: String { t("Ladda ner SIE-filen", "Download the SIE file") }
    public func periodProblem(_ problem: BookkeepingPeriod.Problem) -> String {
        switch problem {
        case .notADate: t("Ange ett datum (ÅÅÅÅ-MM-DD).", "Enter a date (YYYY-MM-DD).")
        case .backwards: t("Slutet kan inte vara före början.", "The end cannot be before the start.")
        case .acrossYears:
            t("Ett räkenskapsår i taget: samma år i båda fälten.", "One fiscal year at a time: the same year in both.")
        }
    }

    // Past exports
    var exportsHeading: String { t("Tidigare exporter", "Past exports") }
    var noExports: String { t("Inget har exporterats ännu.", "Nothing has been exported yet.") }
    var period: String { t("Period", "Period") }
    var exportedAt: String { t("Exporterad", "Exported") }
    var exportedBy: String { t("Av", "By") }
    var vouchers: String { t("Verifikationer", "Vouchers") }
    var commandLine: String { t("kommandoraden", "the command line") }

    // Reconciliation
    var reconciliationHeading: String { t("Avstämning", "Reconciliation") }
    var reconciliationText: String {
        t(
            "Per konto: saldot beräknat direkt ur databasens utfärdade dokument och betalningar, bredvid saldot i SIE-filen för samma period.",
            "Per account: the balance computed straight from the database's issued documents and payments, next to the balance in the SIE file for the same period."
        )
    }
    var show: String { t("Visa", "Show") }
    var account: String { t("Konto", "Account") }
    var name: String { t("Namn", "Name") }
    var database: String { t("Databasen", "Database") }
    var file: String { t("SIE-filen", "SIE file") }
    var result: String { t("Resultat", "Result") }
    var matches: String { t("stämmer", "matches") }
    func differs(_ difference: String) -> String { t("skiljer \(difference)", "differs by \(difference)") }
    var allMatch: String { t("Alla konton stämmer.", "Every account matches.") }
    var someDiffer: String { t("Några konton stämmer inte.", "Some accounts do not match.") }
    var nothingInPeriod: String { t("Inga verifikationer i perioden.", "No vouchers in the period.") }

    // The mapping
    var mappingHeading: String { t("Kontoplan", "Account mapping") }
    var mappingText: String {
        t(
            "Vilket BAS-konto varje slags rad bokförs på. Intäkterna per momssats: fakturaraderna bär ingen produktkategori som står fast när produkter flyttas, och en låst period måste exporteras likadant varje gång.",
            "Which BAS account each kind of row is booked on. Revenue per VAT rate: invoice lines carry no product category that stays fixed when products move, and a locked period must export the same every time."
        )
    }
    var saveMapping: String { t("Spara kontoplanen", "Save the account mapping") }
    func keyName(_ key: BASMapping.Key) -> String {
        switch key {
        case .receivables: t("Kundfordringar", "Receivables")
        case .bank: t("Bank (inbetalningar)", "Bank (payments)")
        case .vat25: t("Utgående moms 25 %", "Output VAT 25 %")
        case .vat12: t("Utgående moms 12 %", "Output VAT 12 %")
        case .vat6: t("Utgående moms 6 %", "Output VAT 6 %")
        case .revenue25: t("Intäkter 25 %", "Revenue 25 %")
        case .revenue12: t("Intäkter 12 %", "Revenue 12 %")
        case .revenue6: t("Intäkter 6 %", "Revenue 6 %")
        case .revenue0: t("Intäkter momsfria", "Revenue, VAT exempt")
        case .revenueEUReverseCharge: t("Intäkter EU, omvänd betalningsskyldighet", "Revenue EU, reverse charge")
        case .rounding: t("Öresavrundning", "Rounding")
        case .reminderFees: t("Påminnelseavgifter", "Reminder fees")
        case .securityDeposits: t("Depositioner (skuld)", "Security deposits (liability)")
        case .lateInterest: t("Dröjsmålsränta", "Late-payment interest")
        }
    }
    var accountLabel: String { t("Konto", "Account") }
    var nameLabel: String { t("Kontonamn", "Account name") }
    public func mappingProblem(_ problem: BASMapping.Problem) -> String {
        switch problem {
        case .notAnAccount: t("Ett BAS-konto: fyra siffror, 1000–8999.", "A BAS account: four digits, 1000–8999.")
        case .wrongClass(let range):
            t(
                "Det här kontot ska vara mellan \(range.lowerBound) och \(range.upperBound).",
                "This account must be between \(range.lowerBound) and \(range.upperBound).")
        case .nameMissing: t("Ange kontots namn.", "Enter the account's name.")
        case .nameTooLong: t("Högst 100 tecken.", "At most 100 characters.")
        }
    }
}

extension Strings {
    /// The bookkeeping feature's strings.
    public var bookkeeping: BookkeepingStrings { BookkeepingStrings(language) }
}
