import CCairo
import Domain
import Foundation

/// The one place that talks to cairo: a PDF surface writing into a Swift buffer, plus the few
/// drawing calls the layout needs. Everything else in the module deals in `DrawOp` values.
///
/// Thread rule: a canvas is created, used and finished on one thread (not `Sendable`); separate
/// canvases on separate threads are fine (cairo and fontconfig lock their shared caches).
final class PDFCanvas {
    static let a4Width = 595.2756  // 210 mm in points
    static let a4Height = 841.8898  // 297 mm

    /// Where cairo's write callback appends the PDF bytes.
    private final class Sink {
        var bytes: [UInt8] = []
    }

    private let sink = Sink()
    private let surface: OpaquePointer
    private let context: OpaquePointer
    private var currentFont: PDFFont?
    private var finished = false

    init(width: Double = PDFCanvas.a4Width, height: Double = PDFCanvas.a4Height) throws(DocumentError) {
        let closure = Unmanaged.passUnretained(sink).toOpaque()
        let write: cairo_write_func_t = { closure, data, length in
            guard length > 0 else { return CAIRO_STATUS_SUCCESS }
            guard let closure, let data else { return CAIRO_STATUS_WRITE_ERROR }
            let sink = Unmanaged<Sink>.fromOpaque(closure).takeUnretainedValue()
            sink.bytes.append(contentsOf: UnsafeBufferPointer(start: data, count: Int(length)))
            return CAIRO_STATUS_SUCCESS
        }
        // cairo returns a "nil surface" object in an error state rather than NULL; check its status.
        guard let surface = cairo_pdf_surface_create_for_stream(write, closure, width, height) else {
            throw DocumentError(
                cairoStatus: CAIRO_STATUS_NO_MEMORY.rawValue, message: "no surface", operation: "create PDF surface")
        }
        let surfaceStatus = cairo_surface_status(surface)
        guard surfaceStatus == CAIRO_STATUS_SUCCESS else {
            cairo_surface_destroy(surface)
            throw Self.error(surfaceStatus, "create PDF surface")
        }
        guard let context = cairo_create(surface) else {
            cairo_surface_destroy(surface)
            throw DocumentError(
                cairoStatus: CAIRO_STATUS_NO_MEMORY.rawValue, message: "no context", operation: "create context")
        }
        let contextStatus = cairo_status(context)
        guard contextStatus == CAIRO_STATUS_SUCCESS else {
            cairo_destroy(context)
            cairo_surface_destroy(surface)
            throw Self.error(contextStatus, "create context")
        }
        self.surface = surface
        self.context = context
    }

    deinit {
        cairo_destroy(context)
        cairo_surface_destroy(surface)
    }

    // MARK: - Document

    func setMetadata(title: String, author: String, creator: String) throws(DocumentError) {
        let items: [(cairo_pdf_metadata_t, String)] = [
            (CAIRO_PDF_METADATA_TITLE, title), (CAIRO_PDF_METADATA_AUTHOR, author),
            (CAIRO_PDF_METADATA_CREATOR, creator),
        ]
        for (key, value) in items {
            cairo_pdf_surface_set_metadata(surface, key, PDFText.clean(value).replacing("\n", with: " "))
        }
        try checkSurface("set metadata")
    }

    /// Ends the current page and starts the next.
    func showPage(_ number: Int) throws(DocumentError) {
        try check("draw page \(number)")
        cairo_show_page(context)
        try check("end page \(number)")
    }

    /// Ends the last page, flushes the PDF and returns its bytes. The canvas is unusable afterwards.
    func finish() throws(DocumentError) -> [UInt8] {
        try check("draw last page")
        cairo_show_page(context)
        try check("end last page")
        cairo_surface_finish(surface)
        finished = true
        try checkSurface("finish PDF")
        return sink.bytes
    }

    // MARK: - Images

    /// Draws a PNG (decoded by cairo) or a JPEG (embedded as it is: cairo's PDF surface writes the
    /// JPEG stream it is given as mime data, so nothing is decoded) scaled into the box. An image
    /// cairo cannot read is left out: a missing logo must not stop an invoice.
    func drawImage(_ logo: InvoiceLogo, x: Double, y: Double, width: Double, height: Double) {
        guard let image = Self.surface(for: logo) else { return }
        defer { cairo_surface_destroy(image) }
        let pixelWidth = Double(cairo_image_surface_get_width(image))
        let pixelHeight = Double(cairo_image_surface_get_height(image))
        guard pixelWidth > 0, pixelHeight > 0 else { return }
        cairo_save(context)
        cairo_translate(context, x, y)
        cairo_scale(context, width / pixelWidth, height / pixelHeight)
        cairo_set_source_surface(context, image, 0, 0)
        cairo_paint(context)
        cairo_restore(context)
    }

    private final class ByteReader {
        let bytes: [UInt8]
        var offset = 0
        init(_ bytes: [UInt8]) { self.bytes = bytes }
    }

    private static func surface(for logo: InvoiceLogo) -> OpaquePointer? {
        if logo.isJPEG {
            guard let surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, Int32(logo.width), Int32(logo.height))
            else { return nil }
            // cairo keeps the bytes until it drops the mime data, then calls `free`.
            let copy = malloc(logo.bytes.count)!
            logo.bytes.withUnsafeBytes { copy.copyMemory(from: $0.baseAddress!, byteCount: logo.bytes.count) }
            let status = cairo_surface_set_mime_data(
                surface, CAIRO_MIME_TYPE_JPEG, copy.assumingMemoryBound(to: UInt8.self), UInt(logo.bytes.count),
                { free($0) }, copy)
            guard status == CAIRO_STATUS_SUCCESS else {
                free(copy)
                cairo_surface_destroy(surface)
                return nil
            }
            return surface
        }
        let reader = ByteReader(logo.bytes)
        let closure = Unmanaged.passUnretained(reader).toOpaque()
        let read: cairo_read_func_t = { closure, data, length in
            guard let closure, let data else { return CAIRO_STATUS_READ_ERROR }
            let reader = Unmanaged<ByteReader>.fromOpaque(closure).takeUnretainedValue()
            let count = Int(length)
            guard reader.offset + count <= reader.bytes.count else { return CAIRO_STATUS_READ_ERROR }
            reader.bytes.withUnsafeBufferPointer { buffer in
                data.update(from: buffer.baseAddress! + reader.offset, count: count)
            }
            reader.offset += count
            return CAIRO_STATUS_SUCCESS
        }
        let surface = withExtendedLifetime(reader) { cairo_image_surface_create_from_png_stream(read, closure) }
        guard let surface, cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS else {
            if let surface { cairo_surface_destroy(surface) }
            return nil
        }
        return surface
    }

    // MARK: - Text

    /// The advance width of `text` in `font`, in points.
    func measure(_ text: String, font: PDFFont) -> Double {
        guard !text.isEmpty else { return 0 }
        select(font)
        var extents = cairo_text_extents_t()
        cairo_text_extents(context, text, &extents)
        return extents.x_advance
    }

    /// Draws one line of text with its baseline at `y`.
    func drawText(_ text: String, x: Double, baseline y: Double, font: PDFFont, color: RGB) {
        guard !text.isEmpty else { return }
        select(font)
        setColor(color)
        cairo_move_to(context, x, y)
        cairo_show_text(context, text)
    }

    private func select(_ font: PDFFont) {
        guard font != currentFont else { return }
        let slant = font.face.italic ? CAIRO_FONT_SLANT_ITALIC : CAIRO_FONT_SLANT_NORMAL
        let weight = font.face.bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL
        cairo_select_font_face(context, font.face.family, slant, weight)
        cairo_set_font_size(context, font.size)
        currentFont = font
    }

    // MARK: - Shapes

    func fillRect(x: Double, y: Double, width: Double, height: Double, color: RGB) {
        setColor(color)
        cairo_rectangle(context, x, y, width, height)
        cairo_fill(context)
    }

    func strokeLine(from start: Point, to end: Point, width: Double, color: RGB) {
        setColor(color)
        cairo_set_line_width(context, width)
        cairo_set_line_cap(context, CAIRO_LINE_CAP_BUTT)
        cairo_move_to(context, start.x, start.y)
        cairo_line_to(context, end.x, end.y)
        cairo_stroke(context)
    }

    /// Each polyline as one path with round caps and joins; a single point becomes a dot.
    func strokePolylines(_ polylines: [[Point]], width: Double, color: RGB) {
        setColor(color)
        cairo_set_line_width(context, width)
        cairo_set_line_cap(context, CAIRO_LINE_CAP_ROUND)
        cairo_set_line_join(context, CAIRO_LINE_JOIN_ROUND)
        for polyline in polylines {
            guard let first = polyline.first else { continue }
            cairo_move_to(context, first.x, first.y)
            if polyline.count == 1 {
                cairo_line_to(context, first.x, first.y)
            }
            for point in polyline.dropFirst() { cairo_line_to(context, point.x, point.y) }
            cairo_stroke(context)
        }
    }

    private func setColor(_ color: RGB) {
        cairo_set_source_rgb(context, color.red, color.green, color.blue)
    }

    // MARK: - Status

    /// Throws when the context or surface is in an error state. cairo errors are sticky, so one
    /// check covers every call since the previous one; the renderer checks once per page.
    func check(_ operation: String) throws(DocumentError) {
        let status = cairo_status(context)
        guard status == CAIRO_STATUS_SUCCESS else { throw Self.error(status, operation) }
        if !finished { try checkSurface(operation) }
    }

    private func checkSurface(_ operation: String) throws(DocumentError) {
        let status = cairo_surface_status(surface)
        guard status == CAIRO_STATUS_SUCCESS else { throw Self.error(status, operation) }
    }

    private static func error(_ status: cairo_status_t, _ operation: String) -> DocumentError {
        let message = cairo_status_to_string(status).map { String(cString: $0) } ?? "unknown cairo status"
        return DocumentError(cairoStatus: status.rawValue, message: message, operation: operation)
    }
}
