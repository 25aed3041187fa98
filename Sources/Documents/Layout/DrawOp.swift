/// One thing drawn on a page, positioned by the layout; the renderer replays them onto cairo.
import Domain

/// A point in PDF user space: points, origin top left.
struct Point: Equatable {
    var x: Double
    var y: Double
}

struct RGB: Equatable {
    var red: Double
    var green: Double
    var blue: Double

    static let ink = RGB(red: 0.11, green: 0.12, blue: 0.14)
    static let muted = RGB(red: 0.40, green: 0.42, blue: 0.45)
    static let rule = RGB(red: 0.78, green: 0.80, blue: 0.82)
    static let band = RGB(red: 0.94, green: 0.95, blue: 0.96)
    static let accent = RGB(red: 0.09, green: 0.33, blue: 0.29)
    static let signatureInk = RGB(red: 0.08, green: 0.15, blue: 0.45)
}

/// The faces the agreement uses, all from DejaVu (found through fontconfig): it covers å, ä, ö and
/// far more, and cairo embeds it with a Unicode map so the text is searchable.
struct FontFace: Equatable {
    var family: String
    var bold = false
    var italic = false

    static let regular = FontFace(family: "DejaVu Sans")
    static let bold = FontFace(family: "DejaVu Sans", bold: true)
    static let oblique = FontFace(family: "DejaVu Sans", italic: true)
    static let mono = FontFace(family: "DejaVu Sans Mono")
    static let handwriting = FontFace(family: "DejaVu Serif", italic: true)
}

struct PDFFont: Equatable {
    var face: FontFace
    var size: Double

    static func regular(_ size: Double) -> PDFFont { PDFFont(face: .regular, size: size) }
    static func bold(_ size: Double) -> PDFFont { PDFFont(face: .bold, size: size) }
    static func oblique(_ size: Double) -> PDFFont { PDFFont(face: .oblique, size: size) }
    static func mono(_ size: Double) -> PDFFont { PDFFont(face: .mono, size: size) }

    /// Baseline-to-baseline distance for body text in this font.
    var lineHeight: Double { size * 1.38 }
    /// From the top of a line box to its baseline.
    var ascent: Double { size * 0.95 }
}

enum DrawOp: Equatable {
    case text(String, x: Double, baseline: Double, font: PDFFont, color: RGB)
    case rule(from: Point, to: Point, width: Double, color: RGB)
    case fill(x: Double, y: Double, width: Double, height: Double, color: RGB)
    case strokes([[Point]], width: Double, color: RGB)
    /// A PNG or JPEG (the company's logo) scaled into the box at `x`, `y` (top left).
    case image(InvoiceLogo, x: Double, y: Double, width: Double, height: Double)
}

enum PDFText {
    /// Text safe to hand to cairo as one C string: control characters (including NUL, which would
    /// end the C string early) become spaces; CR LF and CR become LF, which the layout treats as a line break.
    static func clean(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        var previousCR = false
        for scalar in text.unicodeScalars {
            defer { previousCR = scalar == "\r" }
            switch scalar {
            case "\n" where previousCR: continue
            case "\r", "\n", "\u{2028}", "\u{2029}": scalars.append("\n")
            case _ where scalar.properties.generalCategory == .control: scalars.append(" ")
            default: scalars.append(scalar)
            }
        }
        return String(scalars)
    }
}
