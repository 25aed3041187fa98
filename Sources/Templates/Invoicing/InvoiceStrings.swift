public import Domain

/// The invoicing feature's strings (`strings.invoices`).
public struct InvoiceStrings: FeatureStrings {
    public let language: Language

    init(_ language: Language) { self.language = language }

    var title: String { t("Fakturor", "Invoices") }
    var lead: String {
        t(
            "En faktura görs från bokningens signerade version. När den utfärdas får den nästa nummer i serien, datum, OCR-nummer och sin Peppol-fil, och kan sedan inte ändras: rättelser görs med kreditfaktura.",
            "An invoice is made from the booking's signed version. Issuing gives it the next number of the series, its dates, an OCR reference and its Peppol file; after that it cannot change: corrections are credit notes."
        )
    }
    var none: String { t("Inga fakturor än. Skapa en från en bokning.", "No invoices yet. Make one from a booking.") }
    var allStatuses: String { t("Alla", "All") }
    var searchLabel: String { t("Nummer, kund eller bokning", "Number, customer or booking") }
    var filter: String { t("Visa", "Show") }
    var noneMatch: String { t("Inga fakturor matchar.", "No invoices match.") }
    var pages: String { t("Sidor", "Pages") }
    var previousPage: String { t("← Föregående", "← Previous") }
    var nextPage: String { t("Nästa →", "Next →") }
    var noneHere: String { t("Inga fakturor här än.", "No invoices here yet.") }
    var number: String { t("Nummer", "Number") }
    var customer: String { t("Kund", "Customer") }
    var booking: String { t("Bokning", "Booking") }
    var issueDate: String { t("Fakturadatum", "Issue date") }
    var dueDate: String { t("Förfallodatum", "Due date") }
    var ocr: String { t("OCR-nummer", "OCR reference") }
    var toPay: String { t("Att betala", "To pay") }
    var status: String { t("Status", "Status") }
    var draft: String { t("Utkast", "Draft") }
    var issued: String { t("Utfärdad", "Issued") }
    func kindName(_ kind: InvoiceDocument.Kind) -> String {
        switch kind {
        case .invoice: t("Faktura", "Invoice")
        case .creditNote: t("Kreditfaktura", "Credit note")
        }
    }
    func draftTitle(_ id: Int64) -> String { t("Fakturautkast \(id)", "Draft invoice \(id)") }
    var period: String { t("Hyresperiod", "Rental period") }
    var buyer: String { t("Köpare", "Buyer") }
    var lines: String { t("Rader", "Lines") }
    var description: String { t("Beskrivning", "Description") }
    var quantity: String { t("Antal", "Quantity") }
    var unitPrice: String { t("À-pris", "Unit price") }
    var discount: String { t("Rabatt", "Discount") }
    var vat: String { t("Moms", "VAT") }
    var net: String { t("Belopp", "Amount") }
    var netTotal: String { t("Summa exkl. moms", "Total excluding VAT") }
    func vatAt(_ rate: String) -> String { t("Moms \(rate)", "VAT \(rate)") }
    var rounding: String { t("Öresavrundning", "Rounding") }
    var issue: String { t("Utfärda fakturan", "Issue the invoice") }
    var issueHint: String {
        t(
            "Numret tas, datum och OCR-nummer sätts och Peppol-filen skrivs. Därefter kan fakturan inte ändras.",
            "The number is taken, the dates and the OCR reference are set and the Peppol file is written. After that the invoice cannot change."
        )
    }
    var emailIt: String { t("Skicka till kunden", "Email it to the customer") }
    public var notIssued: String { t("Bara en utfärdad faktura kan skickas.", "Only an issued invoice can be sent.") }
    var downloadPDF: String { t("PDF", "PDF") }
    var downloadUBL: String { t("Ladda ner Peppol-fil (UBL)", "Download the Peppol file (UBL)") }
    var createFromBooking: String { t("Fakturera hela bokningen", "Invoice the whole booking") }
    var openInvoice: String { t("Visa fakturan", "Open the invoice") }
    var missingTitle: String { t("Kan inte utfärdas än", "Cannot be issued yet") }
    func problem(_ problem: InvoiceRequirements.Problem) -> String {
        switch problem {
        case .sellerName: t("Företagets namn saknas (Inställningar).", "The company's name is missing (Settings).")
        case .sellerAddress:
            t("Företagets adress saknas (Inställningar).", "The company's address is missing (Settings).")
        case .sellerVATNumber:
            t(
                "Företagets momsregistreringsnummer saknas (Inställningar).",
                "The company's VAT number is missing (Settings).")
        case .sellerOrganisationNumber:
            t(
                "Företagets organisationsnummer saknas eller har fel kontrollsiffra (Inställningar).",
                "The company's organisation number is missing or has a wrong check digit (Settings).")
        case .sellerRegisteredSeat:
            t(
                "Ett aktiebolag anger sitt säte på fakturan (Inställningar).",
                "A limited company states its registered seat (Settings).")
        case .paymentAccount: t("Bankgironummer saknas (Inställningar).", "The bankgiro number is missing (Settings).")
        case .buyerName: t("Kundens namn saknas.", "The customer's name is missing.")
        case .buyerAddress:
            t(
                "Kundens fakturaadress saknas (gata, postnummer, ort).",
                "The customer's billing address is missing (street, postcode, town).")
        case .buyerVATNumberForReverseCharge:
            t(
                "Ett företag i ett annat EU-land behöver sitt momsregistreringsnummer (omvänd betalningsskyldighet).",
                "A business in another EU country needs its VAT number (reverse charge).")
        }
    }
    var credit: String { t("Kreditera fakturan", "Credit the invoice") }
    var creditHint: String {
        t(
            "Ett utkast till kreditfaktura för det som återstår av fakturan, som hänvisar till den. Sänk antal eller ta bort rader för en delkreditering; den utfärdas som en faktura.",
            "A draft credit note for what is left of the invoice, referring to it. Lower quantities or remove lines for a partial credit; it is issued like an invoice."
        )
    }
    var credited: String { t("Krediterat", "Credited") }
    func purposeName(_ purpose: InvoicePurpose) -> String {
        switch purpose {
        case .full: t("Faktura", "Invoice")
        case .deposit: t("Förskottsfaktura", "Deposit invoice")
        case .final: t("Slutfaktura", "Final invoice")
        case .standalone: t("Fristående faktura", "Stand-alone invoice")
        case .securityDeposit: t("Deposition", "Security deposit")
        }
    }
    var purpose: String { t("Typ", "Kind") }
    func createDeposit(_ percent: Int) -> String { t("Förskottsfaktura \(percent) %", "Deposit invoice \(percent) %") }
    var createFinal: String { t("Slutfaktura", "Final invoice") }
    var createStandalone: String { t("Ny faktura", "New invoice") }
    var createSecurityDeposit: String { t("Fakturera deposition", "Invoice a security deposit") }
    var securityDepositAmount: String { t("Deposition (kr, ingen moms)", "Security deposit (SEK, no VAT)") }
    public func refused(_ refusal: InvoiceDraftRefusal) -> String {
        switch refusal {
        case .useFinal:
            t(
                "Bokningen har en förskottsfaktura: fakturera resten med en slutfaktura.",
                "The booking has a deposit invoice: invoice the rest with a final invoice.")
        case .alreadyInvoiced:
            t("Bokningen är redan fakturerad.", "The booking is invoiced already.")
        case .noIssuedDeposit:
            t(
                "En slutfaktura kräver en utfärdad förskottsfaktura.",
                "A final invoice needs an issued deposit invoice.")
        }
    }
    // The draft's editor.
    var editLines: String { t("Rader och rabatter", "Lines and discounts") }
    var editHint: String {
        t(
            "Utkastet kan ändras tills det utfärdas: extra dagar, skador, städning, transport. Lämna à-pris i kronor exklusive moms.",
            "The draft can change until it is issued: extra days, damages, cleaning, transport. Unit prices in kronor excluding VAT."
        )
    }
    var unit: String { t("Enhet", "Unit") }
    func unitName(_ unit: InvoiceLine.Unit) -> String {
        switch unit {
        case .each: t("st", "pcs")
        case .day: t("dagar", "days")
        }
    }
    var reason: String { t("Rabatt för", "Discount for") }
    var addLine: String { t("+ Rad", "+ Line") }
    var addAllowance: String { t("+ Rabatt på hela fakturan", "+ Discount on the whole invoice") }
    var remove: String { t("Ta bort", "Remove") }
    func lineLabel(_ n: Int, _ field: String) -> String { t("Rad \(n): \(field)", "Line \(n): \(field)") }
    func allowanceLabel(_ n: Int, _ field: String) -> String {
        t("Rabatt \(n): \(field)", "Discount \(n): \(field)")
    }
    var saveLines: String { t("Spara raderna", "Save the lines") }
    var noLinesYet: String { t("Inga rader än.", "No lines yet.") }
    public var tooManyLines: String { t("För många rader.", "Too many lines.") }
    public var vatInvalid: String { t("Välj 25, 12, 6 eller 0 %.", "Choose 25, 12, 6 or 0 %.") }
    public func tooLong(_ max: Int) -> String { t("Högst \(max) tecken.", "At most \(max) characters.") }
    public var quantityInvalid: String { t("Ett heltal från 1.", "A whole number from 1.") }
    public var discountTooLarge: String { t("Rabatten är större än raden.", "The discount is larger than the line.") }
    public var allowanceTooLarge: String {
        t(
            "En rabatt är större än raderna med samma momssats.",
            "A discount is larger than the lines at its VAT rate.")
    }
    public var amountsTooLarge: String { t("Beloppen är för stora.", "The amounts are too large.") }
    public var notDraft: String {
        t("Fakturan är utfärdad och kan inte ändras.", "The invoice is issued and cannot change.")
    }
    public var customerGone: String { t("Kunden finns inte.", "The customer does not exist.") }
    public func invalid(_ error: InvoiceError) -> String {
        switch error {
        case .noLines: t("Fakturan har inga rader.", "The invoice has no lines.")
        case .taxedSecurityDeposit:
            t(
                "En deposition är inte momspliktig: alla rader ska ha 0 % moms.",
                "A security deposit is not subject to VAT: every line must be at 0 %.")
        case .zeroAmount:
            t(
                "Beloppet att betala är noll: en faktura på 0 kr utfärdas inte.",
                "The amount to pay is zero: a 0 kr invoice is not issued.")
        case .quantityNotPositive, .negativeAmount, .discountExceedsLine:
            t("En rad har fel belopp eller antal.", "A line has a wrong amount or quantity.")
        case .allowanceWithoutLines, .allowanceExceedsLines: allowanceTooLarge
        case .overflow: amountsTooLarge
        }
    }
    public func notValid(_ problems: String) -> String {
        t(
            "Peppol-valideringen godkände inte fakturan, så den utfärdades inte: \(problems)",
            "The Peppol validation refused the invoice, so it was not issued: \(problems)")
    }
    public func exceeds(_ rate: String, left: String) -> String {
        t(
            "Krediteringen är större än det som återstår av fakturan med moms \(rate) (\(left) exkl. moms).",
            "The credit is larger than what is left of the invoice at VAT \(rate) (\(left) excluding VAT).")
    }
    func credits(_ number: String) -> String { t("Krediterar \(number)", "Credits \(number)") }
    public var depositInFinal: String {
        t(
            "Förskottet dras av på bokningens slutfaktura: kreditera slutfakturan först.",
            "The booking's final invoice subtracts this deposit: credit the final invoice first.")
    }
    public var notCreditable: String {
        t("Bara en utfärdad faktura kan krediteras.", "Only an issued invoice can be credited.")
    }
    func statusName(_ status: InvoiceStatus) -> String {
        switch status {
        case .draft: t("Utkast", "Draft")
        case .issued: t("Utfärdad", "Issued")
        case .partlyPaid: t("Delbetald", "Partly paid")
        case .paid: t("Betald", "Paid")
        case .overdue: t("Förfallen", "Overdue")
        case .credited: t("Krediterad", "Credited")
        }
    }
    func methodName(_ method: PaymentMethod) -> String {
        switch method {
        case .bankgiro: t("Bankgiro", "Bankgiro")
        case .transfer: t("Banköverföring", "Bank transfer")
        case .swish: t("Swish", "Swish")
        case .card: t("Kort", "Card")
        case .cash: t("Kontant", "Cash")
        case .deposit: t("Avräknat mot deposition", "From the security deposit")
        }
    }
    var reminders: String { t("Påminnelser", "Reminders") }
    var noReminders: String { t("Ingen påminnelse skickad än.", "No reminder sent yet.") }
    var reminder: String { t("Nr", "No.") }
    var remindedOn: String { t("Skickad", "Sent") }
    var reminderFee: String { t("Avgift", "Fee") }
    var compensation: String { t("Förseningsersättning", "Compensation") }
    var interest: String { t("Ränta", "Interest") }
    var remindNow: String { t("Skicka en påminnelse nu", "Send a reminder now") }
    var remindHint: String {
        t(
            "Påminnelser går annars ut enligt inställningarna. Avgift bara om kundens signerade villkor har klausulen; företag betalar i stället 450 kr förseningsersättning en gång; dröjsmålsränta enligt räntelagen.",
            "Otherwise reminders go out as the settings say. A fee only when the customer's signed terms have the clause; a business instead pays 450 kr compensation once; late interest under the Interest Act."
        )
    }
    public var remindedToday: String {
        t("En påminnelse har redan skickats i dag.", "A reminder was already sent today.")
    }
    public var notOverdue: String {
        t(
            "Bara en förfallen faktura med belopp kvar påminns.",
            "Only an overdue invoice with something left to pay is reminded.")
    }
    var payments: String { t("Betalningar", "Payments") }
    var noPayments: String { t("Inga betalningar än.", "No payments yet.") }
    var paid: String { t("Betalt", "Paid") }
    var left: String { t("Kvar att betala", "Left to pay") }
    var overpaid: String { t("Överbetalt", "Overpaid") }
    var paidOn: String { t("Betalningsdag", "Paid on") }
    var amount: String { t("Belopp (kr)", "Amount (SEK)") }
    var method: String { t("Sätt", "Method") }
    var reference: String { t("Referens", "Reference") }
    var register: String { t("Registrera betalningen", "Register the payment") }
    public var paidOnInvalid: String { t("Ange ett datum, senast i dag.", "Enter a date, today at the latest.") }
    public var amountInvalid: String {
        t("Ange ett belopp större än noll, till exempel 1 250,50.", "Enter an amount above zero, for example 1250.50.")
    }
    public var methodInvalid: String { t("Välj hur det betalades.", "Choose how it was paid.") }
    public var referenceTooLong: String { t("Högst 100 tecken.", "At most 100 characters.") }
    public var notPayable: String {
        t(
            "Betalningar registreras bara mot utfärdade fakturor.",
            "Payments are registered against issued invoices only.")
    }
    public var bookingGone: String { t("Bokningen finns inte.", "The booking does not exist.") }
}

extension Strings {
    /// The invoicing feature's strings.
    public var invoices: InvoiceStrings { InvoiceStrings(language) }
}
