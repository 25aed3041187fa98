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
