/// A company logo that passed the content checks: PNG or JPEG only, judged by the bytes (never by
/// the file name or the type the browser claimed), structurally sound, of sane dimensions and size.
///
/// Why so strict: the logo is served from our own origin to every customer's signing page. SVG can
/// carry script, GIF and WebP are not needed, and a file that is not what it claims to be is the
/// first step of every upload attack. The checks walk the container format (PNG chunks with their
/// CRCs, JPEG markers up to the start of the scan), they do not decode pixels.
public struct LogoImage: Sendable, Equatable {
    public enum Format: String, Sendable, Equatable {
        case png, jpeg

        /// The `Content-Type` the logo is served with.
        public var mimeType: String {
            switch self {
            case .png: "image/png"
            case .jpeg: "image/jpeg"
            }
        }
    }

    public let format: Format
    public let width: Int
    public let height: Int

    /// The largest accepted file: a logo is shown small; anything bigger is an unoptimised photo.
    public static let maximumBytes = 512 * 1024
    /// The largest accepted width or height, in pixels.
    public static let maximumDimension = 4096

    /// Checks `bytes` and tells what they are.
    /// - Throws: the first problem found, as a `LogoImageError` the settings page words for people.
    public static func inspect(_ bytes: [UInt8]) throws(LogoImageError) -> LogoImage {
        if bytes.isEmpty { throw .empty }
        if bytes.count > maximumBytes { throw .tooLarge(limit: maximumBytes) }
        let image: LogoImage
        if bytes.starts(with: pngSignature) {
            image = try inspectPNG(bytes)
        } else if bytes.starts(with: [0xFF, 0xD8, 0xFF]) {
            image = try inspectJPEG(bytes)
        } else {
            throw .unsupportedFormat
        }
        guard image.width > 0, image.height > 0 else { throw .damaged }
        guard image.width <= maximumDimension, image.height <= maximumDimension else {
            throw .tooManyPixels(limit: maximumDimension)
        }
        return image
    }

    // MARK: PNG (ISO/IEC 15948): signature, IHDR first, chunks with CRC-32, IDAT, IEND last.

    static let pngSignature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

    private static func inspectPNG(_ bytes: [UInt8]) throws(LogoImageError) -> LogoImage {
        var position = pngSignature.count
        var width = 0
        var height = 0
        var sawIDAT = false
        var index = 0
        while true {
            guard position + 12 <= bytes.count else { throw .damaged }
            let length = Int(bigEndian32(bytes, position))
            let typeStart = position + 4
            let dataStart = position + 8
            guard length <= bytes.count - dataStart - 4 else { throw .damaged }
            let type = Array(bytes[typeStart..<typeStart + 4])
            guard type.allSatisfy({ (0x41...0x5A).contains($0) || (0x61...0x7A).contains($0) }) else { throw .damaged }
            let crcStart = dataStart + length
            guard CRC32.checksum(bytes[typeStart..<crcStart]) == bigEndian32(bytes, crcStart) else { throw .damaged }

            switch type {
            case Array("IHDR".utf8):
                guard index == 0, length == 13 else { throw .damaged }
                width = Int(bigEndian32(bytes, dataStart))
                height = Int(bigEndian32(bytes, dataStart + 4))
                let depth = bytes[dataStart + 8]
                let colour = bytes[dataStart + 9]
                guard validPNGDepths[colour]?.contains(depth) == true,
                    bytes[dataStart + 10] == 0, bytes[dataStart + 11] == 0, bytes[dataStart + 12] <= 1
                else { throw .damaged }
            case Array("IDAT".utf8):
                guard index > 0 else { throw .damaged }
                sawIDAT = true
            case Array("IEND".utf8):
                // Nothing may follow IEND: no second file hidden behind the image.
                guard sawIDAT, length == 0, crcStart + 4 == bytes.count else { throw .damaged }
                return LogoImage(format: .png, width: width, height: height)
            default:
                guard index > 0 else { throw .damaged }
            }
            position = crcStart + 4
            index += 1
        }
    }

    /// Allowed bit depths per PNG colour type.
    private static let validPNGDepths: [UInt8: Set<UInt8>] = [
        0: [1, 2, 4, 8, 16], 2: [8, 16], 3: [1, 2, 4, 8], 4: [8, 16], 6: [8, 16],
    ]

    // MARK: JPEG (ITU T.81 / JFIF): SOI, marker segments, a frame header (SOFn), then the scan.

    private static func inspectJPEG(_ bytes: [UInt8]) throws(LogoImageError) -> LogoImage {
        var position = 2
        var frame: (width: Int, height: Int)?
        while position + 4 <= bytes.count {
            guard bytes[position] == 0xFF else { throw .damaged }
            var marker = bytes[position + 1]
            // Fill bytes: any number of 0xFF before a marker.
            while marker == 0xFF {
                position += 1
                guard position + 1 < bytes.count else { throw .damaged }
                marker = bytes[position + 1]
            }
            position += 2
            switch marker {
            case 0xD8, 0xD9, 0x00:
                throw .damaged  // a second SOI, an EOI before any scan, or a stray escaped byte
            case 0xD0...0xD7, 0x01:
                continue  // stand-alone markers without a length
            default:
                break
            }
            guard position + 2 <= bytes.count else { throw .damaged }
            let length = Int(bytes[position]) << 8 | Int(bytes[position + 1])
            guard length >= 2, position + length <= bytes.count else { throw .damaged }
            let isFrame = (0xC0...0xCF).contains(marker) && ![0xC4, 0xC8, 0xCC].contains(marker)
            if isFrame {
                // P (1 byte), Y (2), X (2), Nf (1), then 3 bytes per component.
                guard frame == nil, length >= 8 else { throw .damaged }
                let components = Int(bytes[position + 7])
                guard [1, 3, 4].contains(components), length == 8 + 3 * components else { throw .damaged }
                frame = (
                    width: Int(bytes[position + 5]) << 8 | Int(bytes[position + 6]),
                    height: Int(bytes[position + 3]) << 8 | Int(bytes[position + 4])
                )
            }
            if marker == 0xDA {
                // Start of scan: the entropy-coded data follows; the file must end with EOI.
                guard let frame else { throw .damaged }
                guard bytes.count >= position + length + 2, endsWithEOI(bytes) else { throw .damaged }
                return LogoImage(format: .jpeg, width: frame.width, height: frame.height)
            }
            position += length
        }
        throw .damaged
    }

    /// EOI (`FF D9`) at the end, allowing the zero padding some encoders add after it.
    private static func endsWithEOI(_ bytes: [UInt8]) -> Bool {
        var end = bytes.count
        while end > 0, bytes[end - 1] == 0, bytes.count - end < 1024 { end -= 1 }
        return end >= 2 && bytes[end - 2] == 0xFF && bytes[end - 1] == 0xD9
    }

    private static func bigEndian32(_ bytes: [UInt8], _ at: Int) -> UInt32 {
        UInt32(bytes[at]) << 24 | UInt32(bytes[at + 1]) << 16 | UInt32(bytes[at + 2]) << 8 | UInt32(bytes[at + 3])
    }
}

/// Why an upload is not accepted as a logo. The settings page words each for people.
public enum LogoImageError: Error, Sendable, Equatable {
    /// No file, or an empty one.
    case empty
    /// Larger than `LogoImage.maximumBytes`.
    case tooLarge(limit: Int)
    /// Not PNG or JPEG by content: SVG, GIF, WebP, text, anything else, whatever its name says.
    case unsupportedFormat
    /// Starts like a PNG or JPEG but the structure is broken or truncated.
    case damaged
    /// Wider or taller than `LogoImage.maximumDimension`.
    case tooManyPixels(limit: Int)
}

/// CRC-32 (ISO 3309, the polynomial PNG and zlib use), table-driven.
enum CRC32 {
    private static let table: [UInt32] = (0..<256).map { n -> UInt32 in
        var c = UInt32(n)
        for _ in 0..<8 { c = c & 1 == 1 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
        return c
    }

    static func checksum(_ bytes: ArraySlice<UInt8>) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes { crc = table[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8) }
        return crc ^ 0xFFFF_FFFF
    }

    static func checksum(_ bytes: [UInt8]) -> UInt32 { checksum(bytes[...]) }
}
