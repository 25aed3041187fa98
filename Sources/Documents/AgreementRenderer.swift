import Domain

/// Renders the signed agreement as an A4 PDF.
///
/// Thread rule: call from any thread (the worker renders on its own); each call has its own cairo
/// surface and no state is shared between calls.
public enum AgreementRenderer {
    /// The PDF's bytes: company header, numbers, customer and period, lines and totals, terms,
    /// the signature and the evidence block, "Page N of M" on every page. Text is real text
    /// (DejaVu, embedded), so it can be searched and copied; metadata carries the title, the
    /// company as author and "EventGaraget" as creator.
    ///
    /// - Throws: `DocumentError` when cairo fails (out of memory, no usable font). Odd input does not throw.
    public static func render(_ document: AgreementDocument) throws(DocumentError) -> [UInt8] {
        let canvas = try PDFCanvas()
        try canvas.setMetadata(
            title: "\(document.title) \(document.quotationNumber)", author: document.company.name,
            creator: "EventGaraget")
        var layout = AgreementLayout(document: document, canvas: canvas)
        let pages = layout.pages()
        for (index, operations) in pages.enumerated() {
            let number = index + 1
            for operation in operations + layout.chrome(page: number, of: pages.count) {
                draw(operation, on: canvas)
            }
            if number < pages.count { try canvas.showPage(number) }
        }
        return try canvas.finish()
    }

    /// One drawing operation on the canvas (the invoice's renderer draws with it too).
    static func draw(_ operation: DrawOp, on canvas: PDFCanvas) {
        switch operation {
        case .text(let text, let x, let baseline, let font, let color):
            canvas.drawText(text, x: x, baseline: baseline, font: font, color: color)
        case .rule(let from, let to, let width, let color):
            canvas.strokeLine(from: from, to: to, width: width, color: color)
        case .fill(let x, let y, let width, let height, let color):
            canvas.fillRect(x: x, y: y, width: width, height: height, color: color)
        case .strokes(let polylines, let width, let color):
            canvas.strokePolylines(polylines, width: width, color: color)
        case .image(let logo, let x, let y, let width, let height):
            canvas.drawImage(logo, x: x, y: y, width: width, height: height)
        }
    }
}
