public import Domain

/// The custom fields' strings (`strings.customFields`): the admin pages, the inputs on the records'
/// forms, the list filters and why a value or a definition was refused.
public struct CustomFieldStrings: FeatureStrings {
    public let language: Language

    init(_ language: Language) { self.language = language }

    var title: String { t("Egna fält", "Custom fields") }
    var lead: String {
        t(
            "Fält ni själva lägger till på kunder, produkter, offerter och bokningar. De visas i formulären, kan bli kolumner och filter i listorna och går att använda i automationens villkor.",
            "Fields you add yourselves to customers, products, quotations and bookings. They show in the forms, can be list columns and filters, and can be used in automation conditions."
        )
    }
    var newField: String { t("Nytt fält", "New field") }
    var none: String { t("Inga fält än.", "No fields yet.") }
    var archivedHeading: String { t("Arkiverade", "Archived") }
    var back: String { t("Tillbaka till egna fält", "Back to custom fields") }
    var entity: String { t("Gäller", "Belongs to") }
    var key: String { t("Nyckel", "Key") }
    var keyHint: String {
        t(
            "Små bokstäver a–z, siffror och understreck, högst 40 tecken, börjar med en bokstav. Används i villkor som object.custom.nyckel och kan inte ändras.",
            "Lower-case letters a–z, digits and underscores, at most 40 characters, starting with a letter. Used in conditions as object.custom.key and cannot be changed."
        )
    }
    var kind: String { t("Typ", "Kind") }
    var label: String { t("Rubrik", "Label") }
    var help: String { t("Hjälptext", "Help text") }
    var options: String { t("Alternativ", "Options") }
    var optionsHint: String {
        t("Ett alternativ per rad (för val och flerval).", "One option a line (choice and multiple choice).")
    }
    var required: String { t("Obligatoriskt", "Required") }
    var defaultValue: String { t("Standardvärde", "Default") }
    var defaultHint: String {
        t(
            "Fylls i på nya poster. Ja/nej: ja eller nej; datum: ÅÅÅÅ-MM-DD; flerval: ett alternativ per rad.",
            "Filled in on new records. Yes/no: yes or no; date: YYYY-MM-DD; multiple choice: one option a line.")
    }
    var listColumn: String { t("Visa som kolumn i listan", "Show as a list column") }
    var filterable: String { t("Kan filtreras i listan", "Usable as a list filter") }
    var customerVisible: String {
        t("Visas för kunden (offert, signering och avtal)", "Customer-visible (quotation, signing page and agreement)")
    }
    var create: String { t("Lägg till", "Add") }
    var save: String { t("Spara", "Save") }
    var edit: String { t("Ändra", "Edit") }
    var archive: String { t("Arkivera", "Archive") }
    var restore: String { t("Återställ", "Restore") }
    var up: String { t("Upp", "Up") }
    var down: String { t("Ned", "Down") }
    var archivedNote: String {
        t(
            "Arkiverat: syns inte i formulär och listor, men sparade värden finns kvar.",
            "Archived: not in forms or lists, but stored values are kept.")
    }
    var flags: String { t("Egenskaper", "Properties") }
    var yes: String { t("Ja", "Yes") }
    var no: String { t("Nej", "No") }
    var any: String { t("Alla", "Any") }
    var from: String { t("från", "from") }
    var to: String { t("till", "to") }
    var customHeading: String { t("Egna fält", "Custom fields") }
    var linkHint: String { t("Numret (id) på posten.", "The record's number (id).") }
    var filter: String { t("Filtrera", "Filter") }
    var clearFilters: String { t("Rensa filter", "Clear filters") }

    public func entityName(_ entity: CustomFieldEntity) -> String {
        switch entity {
        case .customer: t("Kunder", "Customers")
        case .product: t("Produkter", "Products")
        case .quotation: t("Offerter", "Quotations")
        case .booking: t("Bokningar", "Bookings")
        }
    }

    public func kindName(_ kind: CustomFieldKind) -> String {
        switch kind {
        case .text: t("Text", "Text")
        case .longText: t("Lång text", "Long text")
        case .number: t("Tal", "Number")
        case .money: t("Belopp (kr)", "Amount (SEK)")
        case .date: t("Datum", "Date")
        case .yesNo: t("Ja/nej", "Yes/no")
        case .choice: t("Val", "Choice")
        case .multiChoice: t("Flerval", "Multiple choice")
        case .customer: t("Länk till kund", "Link to a customer")
        case .product: t("Länk till produkt", "Link to a product")
        case .file: t("Fil", "File")
        }
    }

    public func problem(_ problem: CustomValueProblem) -> String {
        switch problem {
        case .required: t("Fyll i det här fältet.", "Fill in this field.")
        case .tooLong(let maximum): t("Högst \(maximum) tecken.", "At most \(maximum) characters.")
        case .notNumber: t("Skriv ett tal, till exempel 12 eller 12,5.", "Enter a number, such as 12 or 12.5.")
        case .amount:
            t("Skriv ett belopp, till exempel 1 250 eller 1 250,50.", "Enter an amount, such as 1250 or 1250.50.")
        case .invalidDate: t("Skriv ett datum som finns, ÅÅÅÅ-MM-DD.", "Enter a date that exists, YYYY-MM-DD.")
        case .invalidChoice: t("Välj ett av alternativen.", "Choose one of the options.")
        case .noSuchRecord: t("Det finns ingen post med det numret.", "There is no record with that number.")
        }
    }

    public func refusal(_ refusal: CustomFieldRefusal) -> String {
        switch refusal {
        case .keyMalformed:
            t(
                "Nyckeln ska vara små bokstäver a–z, siffror och understreck, börja med en bokstav och vara högst 40 tecken.",
                "The key must be lower-case letters a–z, digits and underscores, start with a letter and be at most 40 characters."
            )
        case .keyTaken(let key):
            t("Det finns redan ett fält med nyckeln \(key).", "There is already a field with the key \(key).")
        case .labelMissing: t("Skriv en rubrik.", "Enter a label.")
        case .labelTooLong(let maximum):
            t("Rubriken får vara högst \(maximum) tecken.", "The label may be at most \(maximum) characters.")
        case .labelHasControlCharacters:
            t(
                "Rubriken får inte innehålla radbrytningar eller tabbar.",
                "The label must not contain line breaks or tabs.")
        case .helpTooLong(let maximum):
            t("Hjälptexten får vara högst \(maximum) tecken.", "The help text may be at most \(maximum) characters.")
        case .optionsMissing: t("Skriv minst ett alternativ, ett per rad.", "Enter at least one option, one a line.")
        case .tooManyOptions(let maximum): t("Högst \(maximum) alternativ.", "At most \(maximum) options.")
        case .optionTooLong(let maximum):
            t("Ett alternativ får vara högst \(maximum) tecken.", "An option may be at most \(maximum) characters.")
        case .optionRepeated(let option):
            t("Alternativet \(option) står två gånger.", "The option \(option) is there twice.")
        case .defaultInvalid(let problem):
            t("Standardvärdet duger inte: ", "The default does not fit: ") + self.problem(problem)
        case .defaultNotAllowed: t("Filer och länkar har inget standardvärde.", "Files and links have no default.")
        case .customerVisibleNotQuotation:
            t("Bara offertfält kan visas för kunden.", "Only quotation fields can be shown to the customer.")
        case .filterNotAllowed: t("En fil kan inte vara ett filter.", "A file cannot be a filter.")
        case .notFound: t("Fältet finns inte.", "The field does not exist.")
        }
    }
}

extension Strings {
    /// The custom fields' strings.
    public var customFields: CustomFieldStrings { CustomFieldStrings(language) }
}
