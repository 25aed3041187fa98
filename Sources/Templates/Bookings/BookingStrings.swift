public import Domain

/// The bookings feature's strings (`strings.bookings`).
public struct BookingStrings: FeatureStrings {
    public let language: Language

    init(_ language: Language) { self.language = language }

    // MARK: States and the workflow

    public func stateName(_ state: BookingState) -> String {
        switch state {
        case .confirmed: t("Bekräftad", "Confirmed")
        case .packed: t("Packad", "Packed")
        case .delivered: t("Levererad", "Delivered")
        case .returned: t("Returnerad", "Returned")
        case .closed: t("Avslutad", "Closed")
        case .cancelled: t("Avbokad", "Cancelled")
        }
    }

    /// The button that moves a booking to `state`.
    func transitionButton(_ state: BookingState) -> String {
        switch state {
        case .confirmed: t("Bekräfta", "Confirm")
        case .packed: t("Markera som packad", "Mark as packed")
        case .delivered: t("Markera som levererad", "Mark as delivered")
        case .returned: t("Markera som returnerad", "Mark as returned")
        case .closed: t("Avsluta bokningen", "Close the booking")
        case .cancelled: t("Avboka", "Cancel the booking")
        }
    }

    // MARK: List

    var title: String { t("Bokningar", "Bookings") }
    var filterState: String { t("Status", "Status") }
    var allStates: String { t("Alla", "All") }
    var filterFrom: String { t("Från och med", "From") }
    var filterTo: String { t("Till och med", "To") }
    var filterSearch: String { t("Bokningsnummer, evenemang eller kund", "Booking number, event or customer") }
    var filterApply: String { t("Filtrera", "Filter") }
    var filterClear: String { t("Rensa filter", "Clear filters") }
    var filterCustomer: String { t("Kund", "Customer") }
    var allCustomers: String { t("Visa alla kunder", "Show all customers") }
    var datesHint: String {
        t("Bokningar vars hyresperiod berör datumen.", "Bookings whose rental period touches these dates.")
    }
    var empty: String { t("Inga bokningar matchar filtret.", "No bookings match the filter.") }
    var columnBooking: String { t("Bokning", "Booking") }
    var columnCustomer: String { t("Kund", "Customer") }
    var columnPeriod: String { t("Hyresperiod", "Rental period") }
    var columnState: String { t("Status", "Status") }
    var columnApproved: String { t("Godkänd", "Approved") }
    var columnTotal: String { t("Inkl. moms", "Incl. VAT") }
    var approvedYes: String { t("Godkänd", "Approved") }
    var approvalWaiting: String { t("Väntar", "Waiting") }
    public var invalidDate: String {
        t(
            "Ange datumet som ÅÅÅÅ-MM-DD, till exempel 2026-06-19.",
            "Enter the date as YYYY-MM-DD, for example 2026-06-19.")
    }
    public var endBeforeStart: String {
        t("Slutdatumet är före startdatumet.", "The end date is before the start date.")
    }
    public var unknownBookingState: String { t("Välj en status i listan.", "Choose a status from the list.") }
    public var unknownCustomer: String { t("Kunden finns inte.", "There is no such customer.") }
    public var invalidPageLink: String { t("Länken till sidan är felaktig.", "The link to the page is not valid.") }

    func dayCount(_ n: Int) -> String { n == 1 ? t("1 dag", "1 day") : t("\(n) dagar", "\(n) days") }

    /// `2026-06-19 – 2026-06-21`.
    func periodText(_ period: RentalPeriod) -> String {
        period.start == period.end ? period.start.iso : "\(period.start.iso) – \(period.end.iso)"
    }

    // MARK: Booking page

    func heading(_ number: String) -> String { t("Bokning \(number)", "Booking \(number)") }
    var contactHeading: String { t("Kontakt", "Contact") }
    var contactPerson: String { t("Kontaktperson", "Contact person") }
    var companyLabel: String { t("Företag", "Company") }
    var phoneLabel: String { t("Telefon", "Phone") }
    var deliveryAddressHeading: String { t("Leveransadress", "Delivery address") }
    var noAddress: String { t("Ingen leveransadress angiven.", "No delivery address given.") }
    var periodHeading: String { t("Hyresperiod", "Rental period") }
    var deliveryLabel: String { t("Leverans", "Delivery") }
    var pickupLabel: String { t("Hämtning", "Pickup") }
    var eventLabel: String { t("Evenemang", "Event") }
    var quotationLabel: String { t("Offert", "Quotation") }
    func quotationVersionText(_ number: String, _ version: Int) -> String {
        t("\(number), version \(version)", "\(number), version \(version)")
    }
    var createdLabel: String { t("Skapad", "Created") }
    var linesHeading: String { t("Rader", "Lines") }
    var columnDescription: String { t("Beskrivning", "Description") }
    var columnQuantity: String { t("Antal", "Qty") }
    var columnDays: String { t("Dagar", "Days") }
    var columnUnitPrice: String { t("À-pris", "Unit price") }
    var columnDiscount: String { t("Rabatt", "Discount") }
    var columnAmount: String { t("Belopp", "Amount") }
    var columnSKU: String { t("Art.nr", "SKU") }
    var reservedNote: String { t("reserveras i lagret", "reserved from stock") }
    var subtotalLabel: String { t("Summa rader", "Lines subtotal") }
    var discountLabel: String { t("Rabatt", "Discount") }
    var shippingLabel: String { t("Frakt", "Shipping") }
    var netLabel: String { t("Summa exkl. moms", "Total excl. VAT") }
    func vatLabel(_ rate: VATRate) -> String {
        let percent = rate.basisPoints % 100 == 0 ? "\(rate.basisPoints / 100)" : "\(Double(rate.basisPoints) / 100)"
        return t("Moms \(percent) %", "VAT \(percent) %")
    }
    var totalLabel: String { t("Att betala", "Total") }

    var statusHeading: String { t("Status", "Status") }
    var workflowLabel: String { t("Arbetsflöde", "Workflow") }
    var noFurtherSteps: String { t("Bokningen är klar; inga fler steg.", "The booking is finished; no further steps.") }
    var noStepsForRole: String {
        t("Nästa steg görs av någon annan roll.", "The next step is for another role.")
    }
    func cancelledText(_ at: String) -> String { t("Avbokad \(at).", "Cancelled \(at).") }
    var cancelReasonHeading: String { t("Anledning", "Reason") }
    var cancelFormHeading: String { t("Avboka", "Cancel the booking") }
    var cancelReasonLabel: String { t("Anledning (sparas i historiken)", "Reason (kept in the history)") }
    var cancelHint: String {
        t(
            "Avbokningen släpper utrustningen i lagret och kan inte ångras.",
            "Cancelling releases the equipment in stock and cannot be undone.")
    }
    public var cancelReasonRequired: String {
        t("Skriv varför bokningen avbokas.", "Say why the booking is cancelled.")
    }
    public var cancelReasonTooLong: String { t("Högst 1 000 tecken.", "At most 1,000 characters.") }

    var approvalHeading: String { t("Godkännande", "Approval") }
    func approvedText(by name: String, at time: String) -> String {
        t("Godkänd av \(name), \(time).", "Approved by \(name), \(time).")
    }
    var notApprovedYet: String { t("Inte godkänd ännu.", "Not approved yet.") }
    var approveButton: String { t("Godkänn bokningen", "Approve the booking") }
    var approvalNotPossible: String { t("En avbokad bokning godkänns inte.", "A cancelled booking is not approved.") }

    var notesHeading: String { t("Interna anteckningar", "Internal notes") }
    var notesLabel: String { t("Anteckningar (syns bara för personalen)", "Notes (only staff see them)") }
    var notesSave: String { t("Spara anteckningar", "Save notes") }
    public var notesTooLong: String { t("Högst 5 000 tecken.", "At most 5,000 characters.") }
    var unsavedTextHeading: String { t("Din text som inte sparades", "Your text that was not saved") }

    var historyHeading: String { t("Historik", "History") }
    var historyEmpty: String { t("Ingen historik.", "No history.") }
    var actorCustomer: String { t("Kunden", "The customer") }
    var actorSystem: String { t("Systemet", "The system") }
    /// One audit row as a sentence.
    func historyText(_ entry: BookingHistoryEntry) -> String {
        switch entry.action {
        case "created":
            return t("Bokningen skapades när kunden signerade.", "The booking was created when the customer signed.")
        case "state_changed":
            let from = entry.before["state"].flatMap(BookingState.init(rawValue:)).map(stateName) ?? "?"
            let to = entry.after["state"].flatMap(BookingState.init(rawValue:)).map(stateName) ?? "?"
            var text = t("Status: \(from) → \(to).", "Status: \(from) → \(to).")
            if let reason = entry.after["cancel_reason"], !reason.isEmpty {
                text += " " + t("Anledning: \(reason)", "Reason: \(reason)")
            }
            return text
        case "approved":
            return t("Godkänd.", "Approved.")
        case "updated" where entry.after["notes"] != nil:
            return t("Anteckningarna ändrades.", "The notes were changed.")
        default:
            return entry.action
        }
    }

    var packingListLink: String { t("Packlista för utskrift", "Printable packing list") }
    var backToBookings: String { t("Alla bokningar", "All bookings") }

    // MARK: Refusals (409 / 400)

    /// Why a change was refused, with what the booking is now. Nothing was changed.
    public func refusal(_ refusal: BookingRefusal) -> String {
        switch refusal {
        case .stale(let current):
            return t(
                "Bokningen ändrades medan du hade sidan öppen: den är nu \(stateName(current).lowercased()). Inget ändrades – här är den aktuella bokningen.",
                "The booking changed while you had the page open: it is now \(stateName(current).lowercased()). Nothing was changed – here is the current booking."
            )
        case .notAllowed(let from, let to):
            return t(
                "En bokning som är \(stateName(from).lowercased()) kan inte bli \(stateName(to).lowercased()). Inget ändrades.",
                "A booking that is \(stateName(from).lowercased()) cannot become \(stateName(to).lowercased()). Nothing was changed."
            )
        case .reasonRequired:
            return cancelReasonRequired
        case .alreadyApproved(let by, let at):
            let name = by ?? "?"
            return t(
                "Bokningen är redan godkänd av \(name), \(DisplayFormat.dateTime(at)). Inget ändrades.",
                "The booking was already approved by \(name), \(DisplayFormat.dateTime(at)). Nothing was changed.")
        case .cancelled:
            return t(
                "En avbokad bokning kan inte godkännas. Inget ändrades.",
                "A cancelled booking cannot be approved. Nothing was changed.")
        case .versionChanged:
            return common.conflictMessage
        }
    }

    // MARK: Packing list

    var packingListTitle: String { t("Packlista", "Packing list") }
    var packingItemsHeading: String { t("Att packa", "To pack") }
    var columnPacked: String { t("Packat", "Packed") }
    var columnLoaded: String { t("Lastat", "Loaded") }
    var columnReturned: String { t("Åter", "Back") }
    var servicesHeading: String { t("Tjänster", "Services") }
    var nothingToPack: String { t("Inga artiklar från lagret.", "No items from stock.") }
    var timeBlank: String { t("Tid: ________", "Time: ________") }
    var printHint: String {
        t(
            "Skriv ut med webbläsarens utskriftsfunktion (Ctrl+P eller ⌘P). Menyer och knappar skrivs inte ut.",
            "Print with the browser's print command (Ctrl+P or ⌘P). Menus and buttons are left out of the printout.")
    }
    var signaturesHeading: String { t("Signaturer", "Signatures") }
    var signedPacked: String { t("Packat av", "Packed by") }
    var signedDelivered: String { t("Levererat av", "Delivered by") }
    var signedReceived: String { t("Mottaget av kunden", "Received by the customer") }
    var signedReturned: String { t("Återlämnat och kontrollerat av", "Returned and checked by") }
    var signatureLine: String { t("Signatur", "Signature") }
    var nameInPrint: String { t("Namnförtydligande", "Name in print") }
    var dateLabel: String { t("Datum", "Date") }
    func printedAt(_ time: String) -> String { t("Utskriven \(time)", "Printed \(time)") }

    // MARK: Dates

    /// 1 = Monday … 7 = Sunday.
    func weekdayName(_ isoWeekday: Int) -> String {
        let sv = ["måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag"]
        let en = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
        let index = max(1, min(7, isoWeekday)) - 1
        return t(sv[index], en[index])
    }

    func weekdayShort(_ isoWeekday: Int) -> String {
        let sv = ["mån", "tis", "ons", "tors", "fre", "lör", "sön"]
        let en = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
        let index = max(1, min(7, isoWeekday)) - 1
        return t(sv[index], en[index])
    }

    func monthName(_ month: Int) -> String {
        let sv = [
            "januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober",
            "november", "december",
        ]
        let en = [
            "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
            "November", "December",
        ]
        let index = max(1, min(12, month)) - 1
        return t(sv[index], en[index])
    }

    /// `fredag 2026-06-19` / `Friday 2026-06-19`.
    func dayWithWeekday(_ day: CalendarDate) -> String { "\(weekdayName(day.isoWeekday)) \(day.iso)" }
}

extension Strings {
    /// The bookings feature's strings.
    public var bookings: BookingStrings { BookingStrings(language) }
}
