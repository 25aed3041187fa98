public import Domain

/// The payments page's strings (`strings.payments`): BgMax imports and the unmatched queue.
public struct PaymentStrings: FeatureStrings {
    public let language: Language

    init(_ language: Language) { self.language = language }

    var title: String { t("Inbetalningar från Bankgirot", "Payments from Bankgirot") }
    var lead: String {
        t(
            "Läs in Bankgirots BgMax-fil. En betalning med en utfärdad fakturas OCR-nummer bokas på fakturan; övriga hamnar i kön nedan. Samma fil eller samma betalning två gånger bokas en gång.",
            "Import Bankgirot's BgMax file. A payment with an issued invoice's OCR reference is booked to that invoice; the others wait in the queue below. The same file or payment twice is booked once."
        )
    }
    var linkFromInvoices: String { t("Inbetalningar från Bankgirot (BgMax)", "Payments from Bankgirot (BgMax)") }
    var importHeading: String { t("Läs in en BgMax-fil", "Import a BgMax file") }
    var fileLabel: String { t("BgMax-fil", "BgMax file") }
    var fileHint: String {
        t("Filen som den kommer från Bankgirot (ISO-8859-1).", "The file as it comes from Bankgirot (ISO-8859-1).")
    }
    var importButton: String { t("Läs in", "Import") }
    var importsHeading: String { t("Inlästa filer", "Imported files") }
    var noImports: String { t("Inga filer inlästa än.", "No files imported yet.") }
    var fileName: String { t("Fil", "File") }
    var importedAt: String { t("Inläst", "Imported") }
    var importedBy: String { t("Av", "By") }
    var matched: String { t("Bokade", "Matched") }
    var unmatched: String { t("Ej matchade", "Unmatched") }
    var duplicates: String { t("Dubbletter", "Duplicates") }
    var total: String { t("Summa", "Total") }
    var system: String { t("Kommandoraden", "Command line") }
    var queueHeading: String { t("Ej matchade betalningar", "Unmatched payments") }
    var queueEmpty: String { t("Inget väntar.", "Nothing is waiting.") }
    var paidOn: String { t("Betalningsdag", "Paid on") }
    var amount: String { t("Belopp", "Amount") }
    var reference: String { t("Referens", "Reference") }
    var sender: String { t("Betalare", "Payer") }
    var why: String { t("Varför", "Why") }
    var state: String { t("Läge", "State") }
    var invoiceNumber: String { t("Fakturanummer", "Invoice number") }
    var attach: String { t("Boka på fakturan", "Attach to the invoice") }
    var ignoreReason: String { t("Skäl", "Reason") }
    var ignore: String { t("Bortse med skäl", "Ignore with a reason") }
    func reasonName(_ reason: PaymentImportRules.Unmatched) -> String {
        switch reason {
        case .invalidReference: t("Inget giltigt OCR-nummer", "No valid OCR reference")
        case .unknownReference: t("Ingen faktura har OCR-numret", "No invoice has the OCR reference")
        case .credited: t("Fakturan är krediterad", "The invoice is credited")
        case .severalReferences: t("Flera fakturor i en betalning", "Several invoices in one payment")
        case .deduction: t("Avdrag (ingen betalning)", "Deduction (not a payment)")
        case .zeroAmount: t("Beloppet är noll", "The amount is zero")
        case .lockedPeriod: t("Daterad i en låst period", "Dated in a locked period")
        }
    }
    func stateName(_ payment: UnmatchedPayment) -> String {
        switch payment.state {
        case .open: t("Väntar", "Waiting")
        case .resolved: t("Bokad på \(payment.invoiceNumber ?? "")", "Booked to \(payment.invoiceNumber ?? "")")
        case .ignored: t("Bortsedd: \(payment.ignoreReason ?? "")", "Ignored: \(payment.ignoreReason ?? "")")
        }
    }

    public var fileMissing: String { t("Välj en BgMax-fil.", "Choose a BgMax file.") }
    public var invoiceMissing: String {
        t(
            "Ange numret på en utfärdad faktura, till exempel F-2026-0001.",
            "Enter an issued invoice's number, for example F-2026-0001.")
    }
    public var reasonMissing: String {
        t(
            "Skriv varför betalningen lämnas utanför (högst 500 tecken).",
            "Say why the payment is left out (at most 500 characters).")
    }
    public var notOpen: String {
        t("Betalningen är redan bokad eller bortsedd.", "The payment is booked or ignored already.")
    }
    public var deductionNotAttached: String {
        t(
            "Ett avdrag är ingen betalning och bokas inte på en faktura: bortse från det med ett skäl.",
            "A deduction is not a payment and is not booked to an invoice: ignore it with a reason.")
    }
    public func alreadyImported(_ summary: PaymentImportSummary) -> String {
        t(
            "Filen lästes redan in (\(summary.fileName), inläsning \(summary.id)). Inget gjordes nu.",
            "The file was imported already (\(summary.fileName), import \(summary.id)). Nothing was done now.")
    }

    /// Why the file was not imported, in words.
    public func refusal(_ refusal: PaymentImportRules.Refusal) -> String {
        switch refusal {
        case .noBankgiro:
            t(
                "Företaget har inget bankgironummer (Inställningar) att jämföra filen med.",
                "The company has no bankgiro number (Settings) to check the file against.")
        case .otherBankgiro(let file, let settings):
            t(
                "Filen gäller bankgiro \(file), men företagets är \(settings). Inget lästes in.",
                "The file is for bankgiro \(file), but the company's is \(settings). Nothing was imported.")
        case .testFile:
            t(
                "Filen är märkt som testfil (T) från Bankgirot. Inget lästes in.",
                "The file is marked as a test file (T) from Bankgirot. Nothing was imported.")
        case .currency(let currency):
            t(
                "Filens betalningar är i \(currency), inte SEK. Inget lästes in.",
                "The file's payments are in \(currency), not SEK. Nothing was imported.")
        }
    }

    /// What is wrong with a file, with its line.
    public func fileError(_ error: BgMaxError) -> String {
        let nothing = t(" Inget lästes in.", " Nothing was imported.")
        return
            switch error
        {
        case .empty: t("Filen är tom.", "The file is empty.")
        case .notBgMax:
            t(
                "Det här är ingen BgMax-fil (den ska börja med en startpost, TK01, med layouten BGMAX).",
                "This is not a BgMax file (it must start with a TK01 start record of layout BGMAX).")
        case .lineTooLong(let line, let length):
            t(
                "Rad \(line) har \(length) tecken; en post har 80.",
                "Line \(line) has \(length) characters; a record has 80.")
                + nothing
        case .invalidField(let line, let code, let field):
            t(
                "Rad \(line) (TK\(code)): fältet \(fieldName(field)) är fel.",
                "Line \(line) (TK\(code)): the \(fieldName(field)) is wrong.")
                + nothing
        case .unexpectedRecord(let line, let code, _):
            t(
                "Rad \(line): TK\(code) står på fel plats i filen.",
                "Line \(line): TK\(code) is out of place in the file.") + nothing
        case .missingEndRecord:
            t(
                "Slutposten (TK70) saknas: filen kan vara avkortad.",
                "The end record (TK70) is missing: the file may be cut short.")
                + nothing
        case .countMismatch(let line, _, let stated, let found):
            t(
                "Rad \(line): slutposten anger \(stated) poster, filen har \(found).",
                "Line \(line): the end record says \(stated) records, the file holds \(found).") + nothing
        case .depositMismatch(let line, _, _, _, _):
            t(
                "Rad \(line): insättningspostens belopp eller antal stämmer inte med avsnittets betalningar.",
                "Line \(line): the deposit record's amount or count does not match its section's payments.")
                + nothing
        }
    }

    func fieldName(_ field: BgMaxError.Field) -> String {
        switch field {
        case .transactionCode: t("transaktionskod", "transaction code")
        case .layoutName: t("layoutnamn", "layout name")
        case .version: t("version", "version")
        case .timestamp: t("tidsstämpel", "timestamp")
        case .testMarker: t("testmarkering", "test marker")
        case .bankgiro: t("bankgironummer", "bankgiro number")
        case .currency: t("valuta", "currency")
        case .bankAccount: t("bankkonto", "bank account")
        case .paymentDate: t("betalningsdag", "payment date")
        case .depositSerial: t("insättningsnummer", "deposit serial")
        case .amount: t("belopp", "amount")
        case .referenceCode: t("referenskod", "reference code")
        case .channel: t("betalningskanal", "payment channel")
        case .bgcSerial: t("BGC-löpnummer", "BGC serial number")
        case .imageMarker: t("avibildmarkering", "image marker")
        case .deductionCode: t("avdragskod", "deduction code")
        case .count: t("antal", "count")
        case .organisationNumber: t("organisationsnummer", "organisation number")
        }
    }
}

extension Strings {
    /// The payments page's strings.
    public var payments: PaymentStrings { PaymentStrings(language) }
}
