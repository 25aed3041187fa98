import Domain

/// Lays content down the pages top to bottom, starting a new page when the next piece does not
/// fit. Every piece of text goes through `wrap`, so nothing runs past the right margin.
struct PageFlow {
    enum Align { case left, right }

    struct Geometry {
        var pageWidth = PDFCanvas.a4Width
        var pageHeight = PDFCanvas.a4Height
        var left = 50.0
        var right = PDFCanvas.a4Width - 50
        var firstTop = 46.0
        /// Below the running header of pages 2…
        var laterTop = 78.0
        /// Above the footer.
        var bottom = PDFCanvas.a4Height - 66
        var contentWidth: Double { right - left }
    }

    let canvas: PDFCanvas
    let geometry: Geometry
    private(set) var pages: [[DrawOp]] = [[]]
    var y: Double

    init(canvas: PDFCanvas, geometry: Geometry = Geometry()) {
        self.canvas = canvas
        self.geometry = geometry
        y = geometry.firstTop
    }

    var pageTop: Double { pages.count == 1 ? geometry.firstTop : geometry.laterTop }
    /// The most that fits on one page below the running header.
    var fullPageHeight: Double { geometry.bottom - geometry.laterTop }
    var remaining: Double { geometry.bottom - y }

    mutating func add(_ op: DrawOp) { pages[pages.count - 1].append(op) }

    mutating func newPage() {
        pages.append([])
        y = geometry.laterTop
    }

    /// Starts a new page unless `height` fits below `y` (or we are already at the top of a page).
    /// Returns whether it started one.
    @discardableResult
    mutating func ensure(_ height: Double) -> Bool {
        guard y + height > geometry.bottom, y > pageTop + 0.5 else { return false }
        newPage()
        return true
    }

    /// Keeps a block together when it can fit on one page at all.
    mutating func keepTogether(_ height: Double) {
        if height <= fullPageHeight { ensure(height) }
    }

    // MARK: - Text

    /// Greedy word wrap to `width` in `font`. `"\n"` forces a break; a word wider than the line is
    /// broken between characters (SHA-256s, URLs, hostile input). Always returns at least one line.
    func wrap(_ text: String, font: PDFFont, width: Double) -> [String] {
        var lines: [String] = []
        for hardLine in PDFText.clean(text).split(separator: "\n", omittingEmptySubsequences: false) {
            var current = ""
            for word in hardLine.split(whereSeparator: { $0 == " " || $0 == "\t" }) {
                let candidate = current.isEmpty ? String(word) : current + " " + word
                if canvas.measure(candidate, font: font) <= width {
                    current = candidate
                    continue
                }
                if !current.isEmpty { lines.append(current) }
                current = ""
                if canvas.measure(String(word), font: font) <= width {
                    current = String(word)
                    continue
                }
                for character in word {
                    let longer = current + String(character)
                    if !current.isEmpty && canvas.measure(longer, font: font) > width {
                        lines.append(current)
                        current = String(character)
                    } else {
                        current = longer
                    }
                }
            }
            lines.append(current)
        }
        return lines
    }

    /// Wrapped text, one line at a time so a long text continues on the next page.
    mutating func paragraph(
        _ text: String, font: PDFFont, x: Double? = nil, width: Double? = nil, color: RGB = .ink, align: Align = .left,
        lineHeight: Double? = nil
    ) {
        let x = x ?? geometry.left
        let width = width ?? (geometry.right - x)
        let lineHeight = lineHeight ?? font.lineHeight
        for line in wrap(text, font: font, width: width) {
            ensure(lineHeight)
            self.text(line, x: x, width: width, top: y, font: font, color: color, align: align)
            y += lineHeight
        }
    }

    /// One line whose top is at `top`; `x`/`width` give the box it is aligned in.
    mutating func text(
        _ line: String, x: Double, width: Double, top: Double, font: PDFFont, color: RGB = .ink, align: Align = .left
    ) {
        guard !line.isEmpty else { return }
        let originX = align == .left ? x : x + width - canvas.measure(line, font: font)
        add(.text(line, x: originX, baseline: top + font.ascent, font: font, color: color))
    }

    mutating func rule(from x1: Double? = nil, to x2: Double? = nil, width: Double = 0.5, color: RGB = .rule) {
        add(
            .rule(
                from: Point(x: x1 ?? geometry.left, y: y), to: Point(x: x2 ?? geometry.right, y: y), width: width,
                color: color))
    }

    // MARK: - Columns

    struct Column {
        var x: Double
        var width: Double
        var lines: [String]
        var align: Align = .left
        var font: PDFFont
        var color: RGB = .ink
    }

    /// Side-by-side columns filled in lockstep, line by line, so a column taller than the page
    /// continues on the next one. `onNewPage` redraws what belongs on top (a table's header row).
    mutating func columns(_ columns: [Column], lineHeight: Double, onNewPage: (inout PageFlow) -> Void = { _ in }) {
        let rows = columns.map(\.lines.count).max() ?? 0
        for row in 0..<rows {
            if ensure(lineHeight) { onNewPage(&self) }
            for column in columns where row < column.lines.count {
                text(
                    column.lines[row], x: column.x, width: column.width, top: y, font: column.font, color: column.color,
                    align: column.align)
            }
            y += lineHeight
        }
    }
}

// MARK: - Rich text

extension PageFlow {
    /// A piece of a laid-out rich line: its text, font and colour, where it starts, and its lines.
    struct Piece: Equatable {
        var text: String
        var font: PDFFont
        var color: RGB
        var x: Double
        var width: Double
        var underline: Bool
        var strike: Bool
    }

    /// The font of a run at `size`: DejaVu Sans, bold and/or oblique as the run says.
    static func font(for run: RichRun, size: Double) -> PDFFont {
        PDFFont(face: FontFace(family: "DejaVu Sans", bold: run.bold, italic: run.italic || run.image), size: size)
    }

    /// The pieces a run is drawn as: a link's target follows its text (in the PDF nobody can hover
    /// to see it), an image is its alternative text in brackets.
    static func pieces(of run: RichRun) -> [RichRun] {
        if run.image { return [run.with(text: "[" + (run.text.isEmpty ? "…" : run.text) + "]")] }
        guard let link = run.link, link != run.text else { return [run] }
        var target = run.with(text: " (" + link + ")")
        target.underline = false
        target.bold = false
        return [run, target]
    }

    /// Greedy word wrap of styled runs to `width`: each word keeps its run's font, a run's "\n"
    /// breaks the line, a word wider than the line is broken between characters.
    func wrap(_ runs: [RichRun], size: Double, width: Double) -> [[Piece]] {
        var lines: [[Piece]] = [[]]
        var x = 0.0
        func place(_ text: String, _ run: RichRun) {
            let font = Self.font(for: run, size: size)
            let measured = canvas.measure(text, font: font)
            let last = lines[lines.count - 1].last
            // Join with the previous piece when it has the same style and touches it.
            if let last, last.font == font, last.underline == run.underline, last.strike == run.strike,
                abs(last.x + last.width - x) < 0.01
            {
                let joined = last.text + text
                lines[lines.count - 1][lines[lines.count - 1].count - 1].text = joined
                lines[lines.count - 1][lines[lines.count - 1].count - 1].width = canvas.measure(joined, font: font)
            } else {
                lines[lines.count - 1].append(
                    Piece(
                        text: text, font: font, color: run.link != nil ? .accent : .ink, x: x, width: measured,
                        underline: run.underline || (run.link != nil && !run.text.hasPrefix(" (")), strike: run.strike
                    ))
            }
            x += measured
        }
        func breakLine() {
            // A space at the end of a line is not drawn.
            if var last = lines[lines.count - 1].last, last.text.hasSuffix(" ") {
                last.text.removeLast()
                last.width = canvas.measure(last.text, font: last.font)
                lines[lines.count - 1][lines[lines.count - 1].count - 1] = last
            }
            lines.append([])
            x = 0
        }
        for run in runs.flatMap(Self.pieces) {
            if run.text == "\n" {
                breakLine()
                continue
            }
            let font = Self.font(for: run, size: size)
            // Words with the space that follows them, so spacing is measured in the run's font.
            var words: [String] = []
            var current = ""
            for character in PDFText.clean(run.text) {
                current.append(character)
                if character == " " {
                    words.append(current)
                    current = ""
                }
            }
            if !current.isEmpty { words.append(current) }
            for word in words {
                let bare = word.hasSuffix(" ") ? String(word.dropLast()) : word
                if x > 0, x + canvas.measure(bare, font: font) > width { breakLine() }
                if x == 0, word == " " { continue }
                if canvas.measure(bare, font: font) > width {
                    for character in word {
                        if x > 0, x + canvas.measure(String(character), font: font) > width { breakLine() }
                        place(String(character), run)
                    }
                } else {
                    place(word, run)
                }
            }
        }
        if lines.count > 1 || !lines[0].isEmpty { breakLine() }
        lines.removeLast()
        return lines.isEmpty ? [[]] : lines
    }

    /// One laid-out rich line with its top at `top`, starting at `x`: the text, then a line under
    /// underlined pieces and one through struck pieces.
    mutating func draw(_ line: [Piece], x: Double, top: Double, size: Double) {
        for piece in line where !piece.text.isEmpty {
            let baseline = top + piece.font.ascent
            add(.text(piece.text, x: x + piece.x, baseline: baseline, font: piece.font, color: piece.color))
            let visible = piece.text.hasSuffix(" ") ? piece.width - canvas.measure(" ", font: piece.font) : piece.width
            if piece.underline {
                add(
                    .rule(
                        from: Point(x: x + piece.x, y: baseline + size * 0.12),
                        to: Point(x: x + piece.x + visible, y: baseline + size * 0.12), width: size * 0.06,
                        color: piece.color))
            }
            if piece.strike {
                add(
                    .rule(
                        from: Point(x: x + piece.x, y: baseline - size * 0.3),
                        to: Point(x: x + piece.x + visible, y: baseline - size * 0.3), width: size * 0.07,
                        color: piece.color))
            }
        }
    }

    /// Styled runs wrapped into the width from `x`, one line at a time so they continue on the
    /// next page.
    mutating func richParagraph(_ runs: [RichRun], size: Double, x: Double? = nil, width: Double? = nil) {
        let x = x ?? geometry.left
        let width = width ?? (geometry.right - x)
        let lineHeight = size * 1.38
        for line in wrap(runs, size: size, width: width) {
            ensure(lineHeight)
            draw(line, x: x, top: y, size: size)
            y += lineHeight
        }
    }
}
