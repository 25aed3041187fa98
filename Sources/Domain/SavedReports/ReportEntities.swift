/// The built-in entities' columns. Each expression is SQL written here over the entity's `from`;
/// timestamps become their day in Stockholm, amounts stay öre.
extension ReportEntity {
    static let bookingStates = [
        ReportChoice("confirmed", "Bekräftad", "Confirmed"), ReportChoice("packed", "Packad", "Packed"),
        ReportChoice("delivered", "Levererad", "Delivered"), ReportChoice("returned", "Returnerad", "Returned"),
        ReportChoice("closed", "Avslutad", "Closed"), ReportChoice("cancelled", "Avbokad", "Cancelled"),
    ]

    static let quotationStates = [
        ReportChoice("draft", "Utkast", "Draft"), ReportChoice("sent", "Skickad", "Sent"),
        ReportChoice("signed", "Signerad", "Signed"), ReportChoice("declined", "Avböjd", "Declined"),
        ReportChoice("expired", "Utgången", "Expired"), ReportChoice("void", "Makulerad", "Void"),
    ]

    public static let bookings = ReportEntity(
        key: "bookings", label: ReportLabel("Bokningar", "Bookings"),
        from: "bookings b LEFT JOIN customers c ON c.id = b.customer_id", id: "b.id", customAlias: "b",
        columns: [
            ReportColumn("number", "Nummer", "Number", .text, "b.number"),
            ReportColumn("title", "Titel", "Title", .text, "b.title"),
            ReportColumn("state", "Status", "State", .choice, "b.state", choices: bookingStates),
            ReportColumn("customer", "Kund", "Customer", .text, "c.name"),
            ReportColumn("period_start", "Startdag", "Start day", .date, "b.period_start"),
            ReportColumn("period_end", "Slutdag", "End day", .date, "b.period_end"),
            ReportColumn("delivery_city", "Leveransort", "Delivery city", .text, "b.delivery_city"),
            ReportColumn("subtotal", "Delsumma", "Subtotal", .money, "b.subtotal_ore"),
            ReportColumn("discount", "Rabatt", "Discount", .money, "b.discount_ore"),
            ReportColumn("shipping", "Frakt", "Shipping", .money, "b.shipping_ore"),
            ReportColumn("vat", "Moms", "VAT", .money, "b.vat_ore"),
            ReportColumn("total", "Totalt", "Total", .money, "b.total_ore"),
            ReportColumn("approved", "Godkänd", "Approved", .bool, "(b.approved_at IS NOT NULL)"),
            ReportColumn("invoiced", "Fakturerad", "Invoiced", .bool, "(b.invoiced_at IS NOT NULL)"),
            ReportColumn(
                "created", "Skapad", "Created", .date, "(b.created_at AT TIME ZONE 'Europe/Stockholm')::date"),
        ],
        defaultColumns: ["number", "customer", "state", "period_start", "total"])

    public static let quotations = ReportEntity(
        key: "quotations", label: ReportLabel("Offerter", "Quotations"),
        from: "quotations q LEFT JOIN customers c ON c.id = q.customer_id", id: "q.id", customAlias: "q",
        columns: [
            ReportColumn("number", "Nummer", "Number", .text, "q.number"),
            ReportColumn("title", "Titel", "Title", .text, "q.title"),
            ReportColumn("state", "Status", "State", .choice, "q.state", choices: quotationStates),
            ReportColumn("customer", "Kund", "Customer", .text, "c.name"),
            ReportColumn("period_start", "Startdag", "Start day", .date, "q.period_start"),
            ReportColumn("period_end", "Slutdag", "End day", .date, "q.period_end"),
            ReportColumn("delivery_city", "Leveransort", "Delivery city", .text, "q.delivery_city"),
            ReportColumn("subtotal", "Delsumma", "Subtotal", .money, "q.subtotal_ore"),
            ReportColumn("vat", "Moms", "VAT", .money, "q.vat_ore"),
            ReportColumn("total", "Totalt", "Total", .money, "q.total_ore"),
            ReportColumn(
                "created", "Skapad", "Created", .date, "(q.created_at AT TIME ZONE 'Europe/Stockholm')::date"),
        ],
        defaultColumns: ["number", "customer", "state", "period_start", "total"])

    public static let invoices = ReportEntity(
        key: "invoices", label: ReportLabel("Fakturor", "Invoices"),
        from: "invoices i LEFT JOIN customers c ON c.id = i.customer_id", id: "i.id",
        columns: [
            ReportColumn("number", "Nummer", "Number", .text, "i.number"),
            ReportColumn(
                "kind", "Typ", "Kind", .choice, "i.kind",
                choices: [
                    ReportChoice("invoice", "Faktura", "Invoice"),
                    ReportChoice("credit_note", "Kreditfaktura", "Credit note"),
                ]),
            ReportColumn(
                "state", "Status", "State", .choice, "i.state",
                choices: [ReportChoice("draft", "Utkast", "Draft"), ReportChoice("issued", "Utfärdad", "Issued")]),
            ReportColumn("customer", "Kund", "Customer", .text, "c.name"),
            ReportColumn("issue_date", "Fakturadatum", "Issue date", .date, "i.issue_date"),
            ReportColumn("due_date", "Förfallodag", "Due date", .date, "i.due_date"),
            ReportColumn("net", "Netto", "Net", .money, "i.net_ore"),
            ReportColumn("vat", "Moms", "VAT", .money, "i.vat_ore"),
            ReportColumn("payable", "Att betala", "Payable", .money, "i.payable_ore"),
        ],
        defaultColumns: ["number", "customer", "issue_date", "payable"])

    public static let customers = ReportEntity(
        key: "customers", label: ReportLabel("Kunder", "Customers"), from: "customers c", id: "c.id", customAlias: "c",
        columns: [
            ReportColumn("name", "Namn", "Name", .text, "c.name"),
            ReportColumn(
                "kind", "Typ", "Kind", .choice, "c.kind",
                choices: [
                    ReportChoice("person", "Privatperson", "Person"), ReportChoice("company", "Företag", "Company"),
                ]),
            ReportColumn("company_name", "Företagsnamn", "Company name", .text, "c.company_name"),
            ReportColumn("email", "E-post", "Email", .text, "c.email::text"),
            ReportColumn("city", "Ort", "City", .text, "c.billing_city"),
            ReportColumn("country", "Land", "Country", .text, "c.billing_country"),
            ReportColumn(
                "locale", "Språk", "Language", .choice, "c.locale",
                choices: [ReportChoice("sv", "Svenska", "Swedish"), ReportChoice("en", "Engelska", "English")]),
            ReportColumn("archived", "Arkiverad", "Archived", .bool, "(c.archived_at IS NOT NULL)"),
            ReportColumn(
                "created", "Skapad", "Created", .date, "(c.created_at AT TIME ZONE 'Europe/Stockholm')::date"),
        ],
        defaultColumns: ["name", "kind", "email", "city"])

    public static let products = ReportEntity(
        key: "products", label: ReportLabel("Produkter", "Products"),
        from: "products p LEFT JOIN product_categories pc ON pc.id = p.category_id", id: "p.id", customAlias: "p",
        columns: [
            ReportColumn("sku", "Artikelnummer", "SKU", .text, "p.sku"),
            ReportColumn("name", "Namn", "Name", .text, "p.name"),
            ReportColumn("category", "Kategori", "Category", .text, "pc.name"),
            ReportColumn("price", "Pris", "Price", .money, "p.price_ore"),
            ReportColumn(
                "pricing", "Prissättning", "Pricing", .choice, "p.pricing",
                choices: [
                    ReportChoice("per_day", "Per dag", "Per day"), ReportChoice("per_rental", "Per hyra", "Per rental"),
                ]),
            ReportColumn("stock", "Lager", "Stock", .number, "p.stock"),
            ReportColumn("capacity", "Kapacitet", "Capacity", .number, "p.capacity"),
            ReportColumn("active", "Aktiv", "Active", .bool, "p.active"),
            ReportColumn(
                "created", "Skapad", "Created", .date, "(p.created_at AT TIME ZONE 'Europe/Stockholm')::date"),
        ],
        defaultColumns: ["sku", "name", "category", "price", "stock"])

    static let taskStates = [
        ReportChoice("open", "Öppen", "Open"), ReportChoice("done", "Klar", "Done"),
        ReportChoice("cancelled", "Avbruten", "Cancelled"),
    ]

    /// Tasks, with their form, who they are for, what they are about and the flow level that made
    /// them: "open tasks per department", "overdue survey tasks".
    public static let tasks = ReportEntity(
        key: "tasks", label: ReportLabel("Uppgifter", "Tasks"),
        from: """
            tasks t JOIN form_versions fv ON fv.id = t.form_version_id LEFT JOIN bookings b ON b.id = t.booking_id
            LEFT JOIN departments d ON d.id = t.assignee_department_id LEFT JOIN positions p ON p.id = t.assignee_position_id
            LEFT JOIN users u ON u.id = t.assignee_user_id LEFT JOIN customers c ON c.id = t.assignee_customer_id
            """, id: "t.id",
        columns: [
            ReportColumn("title", "Rubrik", "Title", .text, "t.title"),
            ReportColumn("form", "Formulär", "Form", .text, "fv.name"),
            ReportColumn("state", "Status", "State", .choice, "t.state", choices: taskStates),
            ReportColumn(
                "assignee_kind", "Tilldelad som", "Assigned as", .choice, "t.assignee_kind",
                choices: [
                    ReportChoice("user", "Person", "Person"), ReportChoice("role", "Roll", "Role"),
                    ReportChoice("department", "Avdelning", "Department"),
                    ReportChoice("position", "Befattning", "Position"), ReportChoice("customer", "Kund", "Customer"),
                ]),
            ReportColumn(
                "assignee", "Tilldelad", "Assigned to", .text,
                "coalesce(u.name, t.assignee_role, d.name, p.name, c.name)"),
            ReportColumn("booking", "Bokning", "Booking", .text, "b.number"),
            ReportColumn("due_on", "Klar senast", "Due", .date, "t.due_on"),
            ReportColumn(
                "overdue", "Försenad", "Overdue", .bool,
                "(t.state = 'open' AND t.due_on < (now() AT TIME ZONE 'Europe/Stockholm')::date)"),
            ReportColumn("flow_level", "Flödesnivå", "Flow level", .text, "t.flow_level"),
            ReportColumn(
                "created", "Skapad", "Created", .date, "(t.created_at AT TIME ZONE 'Europe/Stockholm')::date"),
            ReportColumn(
                "completed", "Klar", "Completed", .date, "(t.completed_at AT TIME ZONE 'Europe/Stockholm')::date"),
        ],
        defaultColumns: ["title", "form", "assignee", "state", "due_on"])
}
