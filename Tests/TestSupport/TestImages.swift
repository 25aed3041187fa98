public import Foundation

/// Small image files for upload tests, made here rather than checked in: a real PNG (RGBA, zlib
/// stream of stored blocks, correct CRCs and Adler-32, decodes in Chromium), a real 1×1 baseline
/// JPEG, and files that must be refused (GIF, SVG with script, WebP, text).
public enum TestImages {
    /// A valid PNG of `width` × `height` pixels of one colour.
    public static func png(width: Int, height: Int) -> Data {
        var raw: [UInt8] = []
        for _ in 0..<height {
            raw.append(0)  // filter: none
            for _ in 0..<width { raw += [0x1F, 0x5F, 0x4A, 0xFF] }
        }
        var zlib: [UInt8] = [0x78, 0x01]
        var blocks = stride(from: 0, to: raw.count, by: 65_535).map { Array(raw[$0..<min($0 + 65_535, raw.count)]) }
        if blocks.isEmpty { blocks = [[]] }
        for (index, block) in blocks.enumerated() {
            zlib.append(index == blocks.count - 1 ? 1 : 0)
            let length = UInt16(block.count)
            zlib += [UInt8(length & 0xFF), UInt8(length >> 8), UInt8(~length & 0xFF), UInt8(~length >> 8)]
            zlib += block
        }
        zlib += bigEndian(adler32(raw))
        var header = bigEndian(UInt32(width)) + bigEndian(UInt32(height))
        header += [8, 6, 0, 0, 0]  // 8 bits, RGBA, deflate, adaptive filtering, no interlace
        let bytes: [UInt8] =
            [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
            + chunk("IHDR", header) + chunk("IDAT", zlib) + chunk("IEND", [])
        return Data(bytes)
    }

    /// A 1×1 grey baseline JPEG (JFIF, 333 bytes).
    public static let jpeg = Data(
        hex: """
            FFD8FFE000104A46494600010100000100010000FFDB004300080606070605080707070909080A0C140D0C0B0B0C1912130F141D1A1F\
            1E1D1A1C1C20242E2720222C231C1C2837292C30313434341F27393D38323C2E333432FFC0000B080001000101011100FFC4001F0000\
            010501010101010100000000000000000102030405060708090A0BFFC400B5100002010303020403050504040000017D010203000411\
            05122131410613516107227114328191A1082342B1C11552D1F02433627282090A161718191A25262728292A3435363738393A434445\
            464748494A535455565758595A636465666768696A737475767778797A838485868788898A92939495969798999AA2A3A4A5A6A7A8A9\
            AAB2B3B4B5B6B7B8B9BAC2C3C4C5C6C7C8C9CAD2D3D4D5D6D7D8D9DAE1E2E3E4E5E6E7E8E9EAF1F2F3F4F5F6F7F8F9FAFFDA00080101\
            00003F00D2CF20FFD9
            """)

    /// A 1×1 GIF89a.
    public static let gif = Data(
        hex: "47494638396101000100800000FFFFFF00000021F90401000000002C00000000010001000002024401003B")

    /// An SVG that would run script if it were served as an image from our origin.
    public static let svg = Data(
        #"<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(document.cookie)</script></svg>"#
            .utf8)

    /// The first bytes of a WebP (RIFF container).
    public static let webp = Data(hex: "524946461A000000574542505650384C0D0000002F0000001007101111888808")

    /// Text pretending to be a PNG by its name.
    public static let text = Data("This is not an image, whatever the file name says.\n".utf8)

    private static func chunk(_ type: String, _ data: [UInt8]) -> [UInt8] {
        let body = Array(type.utf8) + data
        return bigEndian(UInt32(data.count)) + body + bigEndian(crc32(body))
    }

    private static func bigEndian(_ value: UInt32) -> [UInt8] {
        [UInt8(value >> 24), UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)]
    }

    private static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? 0xEDB8_8320 ^ (crc >> 1) : crc >> 1 }
        }
        return crc ^ 0xFFFF_FFFF
    }

    private static func adler32(_ bytes: [UInt8]) -> UInt32 {
        var a: UInt32 = 1
        var b: UInt32 = 0
        for byte in bytes {
            a = (a + UInt32(byte)) % 65_521
            b = (b + a) % 65_521
        }
        return b << 16 | a
    }
}

extension Data {
    /// Bytes from hex digits (whitespace ignored).
    init(hex: String) {
        let digits = Array(hex.filter(\.isHexDigit))
        self.init(stride(from: 0, to: digits.count - 1, by: 2).map { UInt8(String(digits[$0...$0 + 1]), radix: 16)! })
    }
}
