import CQRencode

/// A QR code's modules, from libqrencode (error correction M): for the `otpauth://` URI that
/// an authenticator app scans when two-step verification is set up. Drawn by the page as SVG.
public struct QRCode: Sendable, Equatable {
    /// Modules per side.
    public let width: Int
    /// Row by row, `true` for a dark module.
    public let dark: [Bool]

    /// nil when the text is too long for a QR code.
    public init?(_ text: String) {
        guard let code = QRcode_encodeString(text, 0, QR_ECLEVEL_M, QR_MODE_8, 1) else { return nil }
        defer { QRcode_free(code) }
        let width = Int(code.pointee.width)
        self.width = width
        dark = (0..<(width * width)).map { code.pointee.data[$0] & 1 == 1 }
    }

    public func isDark(row: Int, column: Int) -> Bool { dark[row * width + column] }
}
