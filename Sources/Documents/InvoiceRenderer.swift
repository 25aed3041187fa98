public import Domain

/// Renders an issued invoice or credit note as an A4 PDF, from the same `InvoiceDocument` its UBL
/// is written from, so the two agree to the öre: the seller with its organisation number, VAT
/// number, registered seat and "Godkänd för F-skatt", the buyer, the invoice's number, dates,
/// rental period and OCR reference, the lines, VAT per rate, rounding, the amount to pay and how
/// to pay it, "Page N of M" on every page. Text is real text (searchable, copyable).
public enum InvoiceRenderer {
    public static func render(_ document: InvoiceDocument, language: Language) throws(DocumentError) -> [UInt8] {
        let canvas = try PDFCanvas()
        let labels = InvoiceLabels.for(language)
        let title = document.kind == .creditNote ? labels.creditNote : labels.invoice
        try canvas.setMetadata(
            title: "\(title) \(document.number)", author: document.seller.party.legalName, creator: "EventGaraget")
        var layout = InvoiceLayout(document: document, labels: labels, language: language, canvas: canvas)
        let pages = layout.pages()
        for (index, operations) in pages.enumerated() {
            let number = index + 1
            for operation in operations + layout.footer(page: number, of: pages.count) {
                AgreementRenderer.draw(operation, on: canvas)
            }
            if number < pages.count { try canvas.showPage(number) }
        }
        return try canvas.finish()
    }
}

struct InvoiceLabels {
    var invoice, creditNote, number, issueDate, dueDate, ocr, period, buyer, credits: String
    var description, quantity, unitPrice, discount, vat, amount: String
    var netTotal, rounding, toPay, toCredit, payTo, bankgiro, fTax, seat, vatNumber, organisationNumber: String
    var reverseCharge, days, pieces, terms, securityDeposit: String
    var page: (Int, Int) -> String

    static func `for`(_ language: Language) -> InvoiceLabels {
        switch language {
        case .sv:
            InvoiceLabels(
                invoice: "Faktura", creditNote: "Kreditfaktura", number: "Fakturanummer", issueDate: "Fakturadatum",
                dueDate: "Förfallodatum", ocr: "OCR-nummer", period: "Hyresperiod", buyer: "Köpare",
                credits: "Krediterar faktura", description: "Beskrivning", quantity: "Antal", unitPrice: "À-pris",
                discount: "Rabatt", vat: "Moms", amount: "Belopp", netTotal: "Summa exkl. moms",
                rounding: "Öresavrundning", toPay: "Att betala", toCredit: "Att kreditera", payTo: "Betala till",
                bankgiro: "Bankgiro", fTax: "Godkänd för F-skatt", seat: "Säte", vatNumber: "Momsreg.nr",
                organisationNumber: "Org.nr", reverseCharge: "Omvänd betalningsskyldighet", days: "dagar",
                pieces: "st", terms: "dagar netto. Dröjsmålsränta enligt räntelagen.",
                securityDeposit:
                    "Deposition: ej föremål för moms. Återbetalas efter hyran, med avdrag för eventuella skador enligt villkoren.",
                page: { "Sida \($0) av \($1)" })
        case .en:
            InvoiceLabels(
                invoice: "Invoice", creditNote: "Credit note", number: "Invoice number", issueDate: "Issue date",
                dueDate: "Due date", ocr: "OCR reference", period: "Rental period", buyer: "Buyer",
                credits: "Credits invoice", description: "Description", quantity: "Quantity", unitPrice: "Unit price",
                discount: "Discount", vat: "VAT", amount: "Amount", netTotal: "Total excluding VAT",
                rounding: "Rounding", toPay: "To pay", toCredit: "To credit", payTo: "Pay to", bankgiro: "Bankgiro",
                fTax: "Approved for F-tax (Godkänd för F-skatt)", seat: "Registered seat", vatNumber: "VAT no.",
                organisationNumber: "Reg. no.", reverseCharge: "Reverse charge (Omvänd betalningsskyldighet)",
                days: "days", pieces: "pcs", terms: "days net. Late payment interest under the Swedish Interest Act.",
                securityDeposit:
                    "Security deposit: not subject to VAT. Repaid after the rental, less any damage as the terms say.",
                page: { "Page \($0) of \($1)" })
        }
    }
}

struct InvoiceLayout {
    let document: InvoiceDocument
    let labels: InvoiceLabels
    let language: Language
    private var flow: PageFlow

    init(document: InvoiceDocument, labels: InvoiceLabels, language: Language, canvas: PDFCanvas) {
        self.document = document
        self.labels = labels
        self.language = language
        flow = PageFlow(canvas: canvas)
    }

    private var g: PageFlow.Geometry { flow.geometry }
    private var credit: Bool { document.kind == .creditNote }
    private var reverseCharge: Bool {
        !document.purpose.isOutsideVAT && InvoiceRequirements.isReverseCharge(document.buyer)
    }

    mutating func pages() -> [[DrawOp]] {
        header()
        facts()
        lines()
        totals()
        payment()
        return flow.pages
    }

    /// The footer on every page: the seller's legal facts and the page number.
    func footer(page number: Int, of count: Int) -> [DrawOp] {
        var chrome = PageFlow(canvas: flow.canvas, geometry: g)
        let small = PDFFont.regular(7.5)
        let top = g.pageHeight - 46
        chrome.y = top
        chrome.rule()
        let seller = document.seller
        let legal = [
            seller.party.legalName, "\(labels.organisationNumber) \(seller.party.organisationNumber)",
            "\(labels.vatNumber) \(seller.party.vatNumber)",
            seller.registeredSeat.isEmpty ? "" : "\(labels.seat) \(seller.registeredSeat)",
            seller.approvedForFTax ? labels.fTax : "",
        ].filter { !$0.isEmpty }.joined(separator: " · ")
        let pageText = labels.page(number, count)
        let pageWidth = chrome.canvas.measure(pageText, font: small)
        chrome.text(pageText, x: g.left, width: g.contentWidth, top: top + 7, font: small, color: .muted, align: .right)
        for (index, line) in chrome.wrap(legal, font: small, width: g.contentWidth - pageWidth - 20).prefix(2)
            .enumerated()
        {
            chrome.text(
                line, x: g.left, width: g.contentWidth, top: top + 7 + Double(index) * 10, font: small, color: .muted)
        }
        return chrome.pages[0]
    }

    private mutating func header() {
        let party = document.seller.party
        let nameFont = PDFFont.bold(17)
        let detail = PDFFont.regular(8)
        let leftWidth = g.contentWidth * 0.55
        let rightWidth = g.contentWidth - leftWidth - 16
        let top = flow.y
        if let logo = document.logo {
            // At most 40 pt high and half the width, its proportions kept; the name below it.
            let scale = min(40 / Double(logo.height), leftWidth / Double(logo.width))
            flow.add(
                .image(
                    logo, x: g.left, y: flow.y, width: Double(logo.width) * scale, height: Double(logo.height) * scale))
            flow.y += Double(logo.height) * scale + 6
        }
        flow.columns(
            [
                .init(
                    x: g.left, width: leftWidth, lines: flow.wrap(party.name, font: nameFont, width: leftWidth),
                    font: nameFont, color: .accent)
            ],
            lineHeight: nameFont.size * 1.2)
        let nameBottom = flow.y
        flow.y = top
        let details =
            (party.address.printedLines + [[party.email, party.phone].filter { !$0.isEmpty }.joined(separator: " · ")])
            .filter { !$0.isEmpty }
        flow.columns(
            [
                .init(
                    x: g.right - rightWidth, width: rightWidth,
                    lines: details.flatMap { flow.wrap($0, font: detail, width: rightWidth) }, align: .right,
                    font: detail,
                    color: .muted)
            ], lineHeight: detail.lineHeight)
        flow.y = max(flow.y, nameBottom) + 8
        flow.rule(width: 1.2, color: .accent)
        flow.y += 18
        flow.paragraph(
            "\(credit ? labels.creditNote : labels.invoice) \(document.number)", font: .bold(20), lineHeight: 25)
        flow.y += 8
    }

    /// Buyer on the left; number, dates, OCR and period on the right.
    private mutating func facts() {
        let half = g.contentWidth / 2 - 10
        let label = PDFFont.regular(7.5)
        let value = PDFFont.regular(9.5)
        let buyer = document.buyer
        var buyerLines = [buyer.legalName] + buyer.address.printedLines
        if !buyer.organisationNumber.isEmpty {
            buyerLines.append("\(labels.organisationNumber) \(buyer.organisationNumber)")
        }
        if !buyer.vatNumber.isEmpty { buyerLines.append("\(labels.vatNumber) \(buyer.vatNumber)") }
        if !buyer.contact.isEmpty { buyerLines.append(buyer.contact) }
        var facts: [(String, String)] = [
            (labels.number, document.number), (labels.issueDate, document.issueDate.iso),
        ]
        if credit, let credited = document.credited {
            facts.append((labels.credits, "\(credited.number) (\(credited.issueDate.iso))"))
        } else {
            facts.append((labels.dueDate, document.dueDate.iso))
            facts.append((labels.ocr, document.ocr.digits))
        }
        if let period = document.period { facts.append((labels.period, "\(period.start.iso) – \(period.end.iso)")) }
        let top = flow.y
        flow.columns(
            [.init(x: g.left, width: half, lines: [labels.buyer.uppercased()], font: label, color: .muted)],
            lineHeight: label.lineHeight + 1)
        flow.columns(
            [
                .init(
                    x: g.left, width: half, lines: buyerLines.flatMap { flow.wrap($0, font: value, width: half) },
                    font: value)
            ],
            lineHeight: value.lineHeight)
        let left = flow.y
        flow.y = top
        let x = g.right - half
        for (name, text) in facts {
            flow.columns(
                [
                    .init(x: x, width: half * 0.36, lines: [name], font: label, color: .muted),
                    .init(
                        x: x + half * 0.36, width: half * 0.64,
                        lines: flow.wrap(text, font: .bold(9.5), width: half * 0.64),
                        align: .right, font: .bold(9.5)),
                ], lineHeight: value.lineHeight)
        }
        flow.y = max(flow.y, left) + 18
    }

    /// Description, quantity, unit price, discount, VAT, amount.
    private var columns: [(x: Double, width: Double, align: PageFlow.Align)] {
        let gap = 8.0
        let widths = [58.0, 70, 54, 34, 76]
        var right = g.right
        var boxes: [(x: Double, width: Double, align: PageFlow.Align)] = []
        for width in widths.reversed() {
            boxes.insert((right - width, width, .right), at: 0)
            right -= width + gap
        }
        boxes.insert((g.left + 4, right - g.left - 4, .left), at: 0)
        return boxes
    }

    private mutating func tableHeader() {
        let font = PDFFont.bold(8)
        let titles = [
            labels.description, labels.quantity, labels.unitPrice, labels.discount, labels.vat, labels.amount,
        ]
        flow.ensure(font.lineHeight + 30)
        flow.add(.fill(x: g.left, y: flow.y, width: g.contentWidth, height: font.lineHeight + 8, color: .band))
        flow.y += 4
        flow.columns(
            zip(titles, columns).map { .init(x: $1.x, width: $1.width, lines: [$0], align: $1.align, font: font) },
            lineHeight: font.lineHeight)
        flow.y += 4
    }

    private mutating func lines() {
        tableHeader()
        let font = PDFFont.regular(9)
        for (index, line) in document.lines.enumerated() {
            let rate = reverseCharge ? VATRate.zero : line.vatRate
            let cells = [
                line.description, "\(line.quantity) \(line.unit == .day ? labels.days : labels.pieces)",
                line.unitPrice.formatted(language), line.discount.isZero ? "" : line.discount.formatted(language),
                rate.formatted(language), document.totals.lineNets[index].formatted(language),
            ]
            let wrapped = zip(cells, columns).map { flow.wrap($0, font: font, width: $1.width) }
            let rows = Double(wrapped.map(\.count).max() ?? 1)
            if flow.ensure(rows * font.lineHeight + 10) { tableHeader() }
            flow.y += 5
            flow.columns(
                zip(wrapped, columns).map { .init(x: $1.x, width: $1.width, lines: $0, align: $1.align, font: font) },
                lineHeight: font.lineHeight)
            flow.y += 4
            flow.rule()
        }
    }

    private mutating func totals() {
        var rows: [(String, String, Bool)] = document.allowances.map {
            ($0.reason, "−" + $0.amount.formatted(language), false)
        }
        rows.append((labels.netTotal, document.totals.taxExclusive.formatted(language), false))
        for rate in document.totals.rates {
            rows.append(("\(labels.vat) \(rate.rate.formatted(language))", rate.vat.formatted(language), false))
        }
        if !document.totals.rounding.isZero {
            rows.append((labels.rounding, document.totals.rounding.formatted(language), false))
        }
        rows.append((credit ? labels.toCredit : labels.toPay, document.totals.payable.formatted(language), true))
        let amount = columns[5]
        let labelWidth = g.contentWidth * 0.45
        let labelX = amount.x - 12 - labelWidth
        flow.keepTogether(Double(rows.count) * 16 + 20)
        flow.y += 8
        for (text, value, emphasised) in rows {
            let font = emphasised ? PDFFont.bold(11) : PDFFont.regular(9)
            if emphasised {
                flow.y += 3
                flow.rule(from: labelX, width: 0.8, color: .ink)
                flow.y += 5
            }
            flow.columns(
                [
                    .init(x: labelX, width: labelWidth, lines: [text], align: .right, font: font),
                    .init(x: amount.x, width: amount.width, lines: [value], align: .right, font: font),
                ], lineHeight: font.lineHeight)
            flow.y += 2
        }
        if reverseCharge {
            flow.y += 6
            flow.paragraph(labels.reverseCharge, font: .bold(9))
        }
        if document.purpose.isOutsideVAT {
            flow.y += 6
            flow.paragraph(labels.securityDeposit, font: .bold(9))
        }
        flow.y += 14
    }

    /// How to pay: bankgiro, OCR, due date, the terms.
    private mutating func payment() {
        guard !credit else { return }
        flow.keepTogether(70)
        flow.add(.fill(x: g.left, y: flow.y, width: g.contentWidth, height: 56, color: .band))
        flow.y += 8
        let font = PDFFont.bold(10.5)
        let seller = document.seller
        let accounts = [
            seller.bankgiro.isEmpty ? nil : "\(labels.bankgiro) \(seller.bankgiro)",
            (seller.plusgiro ?? "").isEmpty ? nil : "Plusgiro \(seller.plusgiro ?? "")",
            (seller.iban ?? "").isEmpty
                ? nil : "IBAN \(seller.iban ?? "")" + ((seller.bic ?? "").isEmpty ? "" : " (BIC \(seller.bic ?? ""))"),
        ].compactMap { $0 }
        flow.paragraph(
            "\(labels.payTo) \(accounts.joined(separator: " · ")) · \(labels.ocr) \(document.ocr.digits) · "
                + "\(labels.dueDate) \(document.dueDate.iso)", font: font, x: g.left + 10, width: g.contentWidth - 20)
        flow.paragraph(
            "\(labels.toPay) \(document.totals.payable.formatted(language)). \(document.paymentTermsDays) \(labels.terms)",
            font: .regular(9), x: g.left + 10, width: g.contentWidth - 20)
        flow.y += 16
    }
}
