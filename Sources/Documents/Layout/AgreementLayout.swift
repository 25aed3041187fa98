import Domain

/// Places an `AgreementDocument` on A4 pages: the flowing content first (so the page count is
/// known), then each page's header and footer with "Page N of M".
struct AgreementLayout {
    let document: AgreementDocument
    let labels: AgreementLabels
    private var flow: PageFlow

    init(document: AgreementDocument, canvas: PDFCanvas) {
        self.document = document
        labels = AgreementLabels.for(document.language)
        flow = PageFlow(canvas: canvas)
    }

    private var g: PageFlow.Geometry { flow.geometry }

    /// The content of every page, in order.
    mutating func pages() -> [[DrawOp]] {
        companyHeader()
        titleAndNumbers()
        parties()
        linesTable()
        totals()
        terms()
        if document.isSigned {
            signature()
            evidence()
            if !document.evidence.auditTrail.isEmpty { auditCertificate() }
        }
        return flow.pages
    }

    // MARK: - Page chrome

    /// The footer of every page, and the running header of pages after the first.
    func chrome(page number: Int, of count: Int) -> [DrawOp] {
        var chrome = PageFlow(canvas: flow.canvas, geometry: g)
        let small = PDFFont.regular(7.5)
        let footerTop = g.pageHeight - 46
        chrome.y = footerTop
        chrome.rule()
        let pageText = labels.page(number, count)
        let pageWidth = chrome.canvas.measure(pageText, font: small)
        chrome.text(
            pageText, x: g.left, width: g.contentWidth, top: footerTop + 7, font: small, color: .muted, align: .right)
        let companyLine = [
            document.company.name, prefixed(labels.organisationNumber, document.company.organisationNumber),
            document.company.email, document.company.website,
        ].filter { !$0.isEmpty }.joined(separator: " · ")
        let companyFirstLine = chrome.wrap(companyLine, font: small, width: g.contentWidth - pageWidth - 20).first ?? ""
        chrome.text(companyFirstLine, x: g.left, width: g.contentWidth, top: footerTop + 7, font: small, color: .muted)

        if number > 1 {
            let headerTop = 36.0
            let name = PDFFont.bold(8.5)
            let reference = "\(document.title) · \(labels.quotation) \(document.quotationNumber)"
            let half = g.contentWidth / 2 - 10
            let nameLine = chrome.wrap(document.company.name, font: name, width: half).first ?? ""
            let referenceLine = chrome.wrap(reference, font: small, width: half).first ?? ""
            chrome.text(nameLine, x: g.left, width: half, top: headerTop, font: name, color: .accent)
            chrome.text(
                referenceLine, x: g.left, width: g.contentWidth, top: headerTop + 1, font: small, color: .muted,
                align: .right)
            chrome.y = headerTop + 16
            chrome.rule()
        }
        return chrome.pages[0]
    }

    // MARK: - Sections

    private mutating func companyHeader() {
        let company = document.company
        let nameFont = PDFFont.bold(17)
        let detailFont = PDFFont.regular(8)
        let leftWidth = g.contentWidth * 0.55
        let rightWidth = g.contentWidth - leftWidth - 16
        let top = flow.y
        let details = [
            prefixed(labels.organisationNumber, company.organisationNumber),
            prefixed(labels.vatNumber, company.vatNumber),
            company.address, [company.email, company.phone].filter { !$0.isEmpty }.joined(separator: " · "),
            company.website,
        ].filter { !$0.isEmpty }
        flow.columns(
            [
                .init(
                    x: g.left, width: leftWidth, lines: flow.wrap(company.name, font: nameFont, width: leftWidth),
                    font: nameFont, color: .accent)
            ], lineHeight: nameFont.size * 1.2)
        let nameBottom = flow.y
        flow.y = top
        flow.columns(
            [
                .init(
                    x: g.right - rightWidth, width: rightWidth,
                    lines: details.flatMap { flow.wrap($0, font: detailFont, width: rightWidth) }, align: .right,
                    font: detailFont, color: .muted)
            ], lineHeight: detailFont.lineHeight)
        flow.y = max(flow.y, nameBottom) + 8
        flow.rule(width: 1.2, color: .accent)
        flow.y += 20
    }

    private mutating func titleAndNumbers() {
        flow.paragraph(document.title, font: .bold(20), lineHeight: 25)
        flow.y += 10
        let version = String(document.quotationVersion)
        labelledColumns(
            [
                (labels.quotation, document.quotationNumber),
                (labels.version, version),
                (labels.booking, document.bookingNumber ?? labels.notBooked),
            ], valueFont: .bold(10.5))
        flow.y += 16
    }

    private mutating func parties() {
        let address = document.deliveryAddress.isEmpty ? labels.none : document.deliveryAddress.joined(separator: "\n")
        let customer = document.customerLines.isEmpty ? labels.none : document.customerLines.joined(separator: "\n")
        labelledColumns(
            [
                (labels.customer, customer),
                (labels.rentalPeriod, document.rentalPeriod.isEmpty ? labels.none : document.rentalPeriod),
                (labels.deliveryAddress, address),
            ], valueFont: .regular(9.5))
        flow.y += 20
        // The customer-visible custom fields, three to a row, as frozen into the version.
        var fields = document.customFields[...]
        while !fields.isEmpty {
            labelledColumns(fields.prefix(3).map { ($0.label, $0.value) }, valueFont: .regular(9.5))
            fields = fields.dropFirst(3)
            flow.y += 14
        }
    }

    /// Up to three columns, each a small grey label over its value.
    private mutating func labelledColumns(_ items: [(label: String, value: String)], valueFont: PDFFont) {
        let gap = 16.0
        let width = (g.contentWidth - gap * 2) / 3
        let labelFont = PDFFont.regular(7.5)
        func x(_ index: Int) -> Double { g.left + Double(index) * (width + gap) }
        flow.keepTogether(labelFont.lineHeight + valueFont.lineHeight * 2)
        flow.columns(
            items.enumerated().map { index, item in
                .init(
                    x: x(index), width: width, lines: flow.wrap(item.label.uppercased(), font: labelFont, width: width),
                    font: labelFont, color: .muted)
            }, lineHeight: labelFont.lineHeight + 1)
        flow.columns(
            items.enumerated().map { index, item in
                .init(
                    x: x(index), width: width, lines: flow.wrap(item.value, font: valueFont, width: width),
                    font: valueFont)
            }, lineHeight: valueFont.lineHeight)
    }

    // MARK: Lines table

    /// Column boxes: item, quantity, days, unit price, amount. Numbers are right-aligned.
    private var tableColumns: [(x: Double, width: Double, align: PageFlow.Align)] {
        let gap = 10.0
        let widths = [40.0, 36, 84, 90]
        var right = g.right
        var boxes: [(x: Double, width: Double, align: PageFlow.Align)] = []
        for width in widths.reversed() {
            boxes.insert((right - width, width, .right), at: 0)
            right -= width + gap
        }
        boxes.insert((g.left + 6, right - g.left - 6, .left), at: 0)
        return boxes
    }

    private static let cellFont = PDFFont.regular(9)
    private static let headerFont = PDFFont.bold(8)

    private mutating func tableHeader() {
        let header = [labels.item, labels.quantity, labels.days, labels.unitPrice, labels.lineTotal]
        let font = Self.headerFont
        let columns = tableColumns
        let lines = zip(header, columns).map { flow.wrap($0, font: font, width: $1.width) }
        let height = Double(lines.map(\.count).max() ?? 1) * font.lineHeight + 10
        flow.ensure(height + Self.cellFont.lineHeight + 10)
        flow.add(.fill(x: g.left, y: flow.y, width: g.contentWidth, height: height, color: .band))
        flow.y += 5
        flow.columns(
            zip(lines, columns).map {
                .init(x: $1.x, width: $1.width, lines: $0, align: $1.align, font: font, color: .ink)
            },
            lineHeight: font.lineHeight)
        flow.y += 5
    }

    private mutating func linesTable() {
        tableHeader()
        let font = Self.cellFont
        guard !document.lines.isEmpty else {
            flow.y += 5
            flow.paragraph(labels.noLines, font: .oblique(9), x: g.left + 6, color: .muted)
            flow.y += 5
            flow.rule()
            return
        }
        let columns = tableColumns
        for line in document.lines {
            let cells = [line.name, line.quantity, line.days, line.unitPrice, line.lineTotal]
            let wrapped = zip(cells, columns).map { flow.wrap($0, font: font, width: $1.width) }
            let rows = Double(wrapped.map(\.count).max() ?? 1)
            if flow.ensure(
                rows * font.lineHeight + 10 <= flow.fullPageHeight ? rows * font.lineHeight + 10 : font.lineHeight + 10)
            {
                tableHeader()
            }
            flow.y += 5
            flow.columns(
                zip(wrapped, columns).map { .init(x: $1.x, width: $1.width, lines: $0, align: $1.align, font: font) },
                lineHeight: font.lineHeight)
            flow.y += 4
            flow.rule()
        }
    }

    private mutating func totals() {
        guard !document.totals.isEmpty else { return }
        let amountColumn = tableColumns[4]
        let labelRight = tableColumns[3].x + tableColumns[3].width
        let labelWidth = labelRight - (g.left + g.contentWidth * 0.35)
        let labelX = labelRight - labelWidth
        let rows = document.totals.map { total in
            let font = total.emphasised ? PDFFont.bold(10.5) : PDFFont.regular(9)
            return (
                total, font, flow.wrap(total.label, font: font, width: labelWidth),
                flow.wrap(total.amount, font: font, width: amountColumn.width)
            )
        }
        let height = rows.reduce(8.0) { sum, row in
            sum + Double(max(row.2.count, row.3.count)) * row.1.lineHeight + (row.0.emphasised ? 10 : 2)
        }
        flow.keepTogether(height)
        flow.y += 8
        for (total, font, labelLines, amountLines) in rows {
            if total.emphasised {
                flow.ensure(font.lineHeight + 8)
                flow.y += 3
                flow.rule(from: labelX, width: 0.8, color: .ink)
                flow.y += 5
            }
            flow.columns(
                [
                    .init(x: labelX, width: labelWidth, lines: labelLines, align: .right, font: font),
                    .init(x: amountColumn.x, width: amountColumn.width, lines: amountLines, align: .right, font: font),
                ], lineHeight: font.lineHeight)
            flow.y += 2
        }
    }

    // MARK: Terms

    private mutating func sectionHeading(_ text: String, keepWith following: Double) {
        let font = PDFFont.bold(12)
        flow.y += 20
        flow.ensure(font.lineHeight + 8 + following)
        flow.paragraph(text, font: font, color: .accent)
        flow.y += 2
        flow.rule(width: 0.8, color: .accent)
        flow.y += 8
    }

    /// The terms, block by block as the signing page shows them: headings, paragraphs with their
    /// bold, italic, underlined and struck text, links with their target, images as their
    /// alternative text, numbered and bulleted lists (nested ones indented), quotes, tables and
    /// rules (finding L7).
    private mutating func terms() {
        guard !document.terms.isEmpty else { return }
        let size = 9.0
        let lineHeight = size * 1.38
        sectionHeading(labels.terms, keepWith: lineHeight * 3)
        for block in document.terms {
            switch block {
            case .heading(let runs, let level):
                let headingSize = level <= 2 ? 10.5 : level == 3 ? 9.5 : 9
                flow.y += 6
                flow.ensure(headingSize * 1.38 + lineHeight * 2)
                flow.richParagraph(
                    runs.map {
                        var run = $0
                        run.bold = true
                        return run
                    }, size: headingSize)
                flow.y += 2
            case .paragraph(let runs):
                flow.richParagraph(runs, size: size)
                flow.y += 5
            case .listItem(let runs, let marker, let depth):
                let indent = 18.0 * Double(max(1, depth))
                let lines = flow.wrap(runs, size: size, width: g.contentWidth - indent)
                for (index, line) in lines.enumerated() {
                    flow.ensure(lineHeight)
                    if index == 0, !marker.isEmpty {
                        flow.text(
                            marker, x: g.left + indent - 18, width: 13, top: flow.y, font: .regular(size), align: .right
                        )
                    }
                    flow.draw(line, x: g.left + indent, top: flow.y, size: size)
                    flow.y += lineHeight
                }
                flow.y += 2
            case .quote(let runs):
                let top = flow.y
                let lines = flow.wrap(runs, size: size, width: g.contentWidth - 16)
                for line in lines {
                    if flow.ensure(lineHeight) {}
                    flow.draw(line, x: g.left + 16, top: flow.y, size: size)
                    flow.y += lineHeight
                }
                if flow.y > top {
                    flow.add(
                        .rule(
                            from: Point(x: g.left + 5, y: max(top, flow.pageTop)), to: Point(x: g.left + 5, y: flow.y),
                            width: 2, color: .rule))
                }
                flow.y += 5
            case .table(let rows):
                table(rows, size: size)
            case .rule:
                flow.y += 4
                flow.ensure(8)
                flow.rule()
                flow.y += 8
            }
        }
    }

    /// A table of the terms: equal columns, each cell wrapped, a header row bold, rules between rows.
    private mutating func table(_ rows: [RichTableRow], size: Double) {
        let columns = max(1, rows.map(\.cells.count).max() ?? 1)
        let width = g.contentWidth / Double(columns)
        let lineHeight = size * 1.38
        flow.y += 3
        for row in rows {
            let cells = row.cells.map { cell in
                flow.wrap(
                    row.header
                        ? cell.map {
                            var run = $0
                            run.bold = true
                            return run
                        } : cell, size: size, width: width - 8)
            }
            let height = Double(cells.map(\.count).max() ?? 1) * lineHeight + 4
            flow.keepTogether(height)
            flow.rule()
            flow.y += 2
            let top = flow.y
            for (column, lines) in cells.enumerated() {
                for (index, line) in lines.enumerated() {
                    flow.draw(
                        line, x: g.left + Double(column) * width + 4, top: top + Double(index) * lineHeight, size: size)
                }
            }
            flow.y = top + height - 2
        }
        flow.rule()
        flow.y += 6
    }

    // MARK: Signature and evidence

    private static let signatureBox = (width: 250.0, height: 90.0)

    private mutating func signature() {
        let box = Self.signatureBox
        let captionFont = PDFFont.bold(9)
        let noteFont = PDFFont.regular(8)
        let nameLines = flow.wrap(document.evidence.signerName, font: captionFont, width: box.width)
        let note = "\(labels.signedElectronically) \(document.evidence.signedAtStockholm)"
        let noteLines = flow.wrap(note, font: noteFont, width: box.width)
        let height =
            14 + box.height + 6 + Double(nameLines.count) * captionFont.lineHeight
            + Double(noteLines.count) * noteFont.lineHeight
        sectionHeading(labels.signature, keepWith: min(height, flow.fullPageHeight - 40))
        flow.keepTogether(height)

        flow.paragraph(labels.customerSignature, font: .regular(7.5), color: .muted)
        flow.y += 2
        let top = flow.y
        switch document.signature {
        case .drawn(let drawing):
            let strokes = Self.place(drawing, inX: g.left + 4, y: top + 4, width: box.width - 8, height: box.height - 8)
            if !strokes.isEmpty { flow.add(.strokes(strokes, width: 1.6, color: .signatureInk)) }
        case .typed(let name):
            let preferred = PDFFont(face: .handwriting, size: 26)
            let line = PDFText.clean(name).replacing("\n", with: " ")
            let measured = flow.canvas.measure(line, font: preferred)
            let size = measured > box.width - 12 ? max(2, preferred.size * (box.width - 12) / measured) : preferred.size
            let font = PDFFont(face: .handwriting, size: size)
            flow.add(.text(line, x: g.left + 6, baseline: top + box.height - 16, font: font, color: .signatureInk))
        }
        flow.y = top + box.height
        flow.rule(from: g.left, to: g.left + box.width, width: 0.8, color: .ink)
        flow.y += 6
        flow.columns(
            [.init(x: g.left, width: box.width, lines: nameLines, font: captionFont)],
            lineHeight: captionFont.lineHeight)
        flow.columns(
            [.init(x: g.left, width: box.width, lines: noteLines, font: noteFont, color: .muted)],
            lineHeight: noteFont.lineHeight)
    }

    /// The drawing scaled into the box keeping its aspect ratio, centred; points clamped to the
    /// drawing's space, non-finite points dropped.
    static func place(_ drawing: SignatureDrawing, inX x: Double, y: Double, width: Double, height: Double) -> [[Point]]
    {
        let sourceWidth = drawing.width.isFinite && drawing.width > 0 ? drawing.width : 1
        let sourceHeight = drawing.height.isFinite && drawing.height > 0 ? drawing.height : 1
        let scale = min(width / sourceWidth, height / sourceHeight)
        let offsetX = x + (width - sourceWidth * scale) / 2
        let offsetY = y + (height - sourceHeight * scale) / 2
        return drawing.strokes.compactMap { stroke in
            let points = stroke.compactMap { point -> Point? in
                guard point.x.isFinite, point.y.isFinite else { return nil }
                let px = min(max(point.x, 0), sourceWidth)
                let py = min(max(point.y, 0), sourceHeight)
                return Point(x: offsetX + px * scale, y: offsetY + py * scale)
            }
            return points.isEmpty ? nil : points
        }
    }

    /// The audit certificate, on a page of its own at the end: the document, every event with
    /// its time in Stockholm (zone named) and UTC and its address, then the signature again.
    private mutating func auditCertificate() {
        flow.newPage()
        let small = PDFFont.regular(8)
        sectionHeading(labels.auditCertificate, keepWith: 80)
        flow.paragraph(labels.auditIntro, font: small, color: .muted)
        flow.y += 6
        let quotation = "\(document.quotationNumber), \(labels.version.lowercased()) \(document.quotationVersion)"
        for (label, value, font) in [
            (labels.quotation, quotation, small), (labels.booking, document.bookingNumber ?? labels.none, small),
            (labels.versionHash, document.evidence.versionSHA256, PDFFont.mono(7.5)),
        ] {
            let lines = flow.wrap(value, font: font, width: g.contentWidth - 150)
            flow.columns(
                [
                    .init(x: g.left, width: 140, lines: [label], font: PDFFont.bold(8)),
                    .init(x: g.left + 150, width: g.contentWidth - 150, lines: lines, font: font),
                ], lineHeight: 8 * 1.38)
        }
        flow.y += 8
        let timeWidth = 150.0
        let ipWidth = 110.0
        let eventWidth = g.contentWidth - timeWidth - ipWidth - 16
        let header: [PageFlow.Column] = [
            .init(x: g.left, width: timeWidth, lines: [labels.auditTime], font: .bold(8)),
            .init(x: g.left + timeWidth + 8, width: eventWidth, lines: [labels.auditEvent], font: .bold(8)),
            .init(x: g.right - ipWidth, width: ipWidth, lines: [labels.ipAddress], font: .bold(8)),
        ]
        flow.columns(header, lineHeight: 8 * 1.38)
        flow.y += 2
        flow.rule()
        flow.y += 4
        for entry in document.evidence.auditTrail {
            let times =
                flow.wrap(entry.stockholm, font: small, width: timeWidth)
                + flow.wrap(entry.utc, font: .regular(7), width: timeWidth)
            let event = flow.wrap(entry.event, font: small, width: eventWidth)
            let ip = flow.wrap(entry.ip.isEmpty ? labels.none : entry.ip, font: small, width: ipWidth)
            flow.keepTogether(Double(max(times.count, event.count, ip.count)) * 8 * 1.38 + 6)
            flow.columns(
                [
                    .init(x: g.left, width: timeWidth, lines: times, font: small, color: .ink),
                    .init(x: g.left + timeWidth + 8, width: eventWidth, lines: event, font: small),
                    .init(x: g.right - ipWidth, width: ipWidth, lines: ip, font: small),
                ], lineHeight: 8 * 1.38, onNewPage: { $0.columns(header, lineHeight: 8 * 1.38) })
            flow.y += 3
            flow.rule(width: 0.3)
            flow.y += 4
        }
        flow.y += 10
        signature()
    }

    private mutating func evidence() {
        let evidence = document.evidence
        let labelWidth = 140.0
        let valueX = g.left + 10 + labelWidth
        let valueWidth = g.right - 10 - valueX
        let labelFont = PDFFont.regular(8.5)
        let valueFont = PDFFont.regular(8.5)
        let method: String =
            switch document.signature {
            case .drawn: labels.drawn
            case .typed: labels.typed
            }
        let quotation = "\(document.quotationNumber), \(labels.version.lowercased()) \(document.quotationVersion)"
        let items: [(String, String, PDFFont)] =
            [
                (labels.signer, evidence.signerName, valueFont),
                (labels.email, evidence.signerEmail, valueFont),
                (labels.method, method, valueFont),
                (labels.signedStockholm, evidence.signedAtStockholm, valueFont),
                (labels.signedUTC, evidence.signedAtUTC, valueFont),
                (labels.ipAddress, evidence.ipAddress, valueFont),
                (labels.userAgent, evidence.userAgent, valueFont),
                (labels.quotation, quotation, valueFont),
                (labels.versionHash, evidence.versionSHA256, .mono(8)),
                (labels.linkID, evidence.linkID, .mono(8)),
                (labels.sentTo, evidence.sentTo, valueFont),
            ] + evidence.recipientChanges.map { (labels.recipientChanged, $0, valueFont) }
        let rows = items.map { label, value, font in
            (
                flow.wrap(label, font: labelFont, width: labelWidth),
                flow.wrap(value.isEmpty ? labels.none : value, font: font, width: valueWidth), font
            )
        }
        let introFont = PDFFont.regular(8.5)
        let intro = flow.wrap(labels.evidenceIntro, font: introFont, width: g.contentWidth - 20)
        let rowsHeight = rows.reduce(0.0) { $0 + Double(max($1.0.count, $1.1.count)) * valueFont.lineHeight + 3 }
        let height = 10 + Double(intro.count) * introFont.lineHeight + 8 + rowsHeight + 6
        sectionHeading(labels.evidence, keepWith: min(height, flow.fullPageHeight - 40))
        let fitsOnePage = height <= flow.fullPageHeight
        flow.keepTogether(height)
        if fitsOnePage {
            flow.add(.fill(x: g.left, y: flow.y, width: g.contentWidth, height: height, color: .band))
        }
        flow.y += 10
        flow.columns(
            [.init(x: g.left + 10, width: g.contentWidth - 20, lines: intro, font: introFont, color: .muted)],
            lineHeight: introFont.lineHeight)
        flow.y += 8
        for (labelLines, valueLines, font) in rows {
            flow.columns(
                [
                    .init(x: g.left + 10, width: labelWidth, lines: labelLines, font: labelFont, color: .muted),
                    .init(x: valueX, width: valueWidth, lines: valueLines, font: font),
                ], lineHeight: valueFont.lineHeight)
            flow.y += 3
        }
    }

    // MARK: - Helpers

    private func prefixed(_ label: String, _ value: String) -> String {
        value.isEmpty ? "" : "\(label) \(value)"
    }
}
