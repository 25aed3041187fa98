import Testing

@testable import Domain

/// The rules behind the settings form and the logo upload.
@Suite("Company settings rules")
struct CompanySettingsRulesTests {
    // MARK: Logo

    /// A PNG as `LogoImage` reads it: signature, IHDR, one IDAT, IEND, each chunk with its CRC.
    static func png(
        width: UInt32 = 3, height: UInt32 = 2, depth: UInt8 = 8, colour: UInt8 = 6, extraChunks: [[UInt8]] = []
    )
        -> [UInt8]
    {
        func chunk(_ type: String, _ data: [UInt8]) -> [UInt8] {
            let body = Array(type.utf8) + data
            return be(UInt32(data.count)) + body + be(CRC32.checksum(body))
        }
        let header = be(width) + be(height) + [depth, colour, 0, 0, 0]
        return LogoImage.pngSignature + chunk("IHDR", header) + extraChunks.flatMap { $0 }
            + chunk("IDAT", [0x78, 0x01, 0x01, 0x00, 0x00, 0xFF, 0xFF, 0x00, 0x00, 0x00, 0x01]) + chunk("IEND", [])
    }

    static func be(_ value: UInt32) -> [UInt8] {
        [UInt8(value >> 24), UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)]
    }

    /// A 1×1 baseline JPEG (decodes in browsers).
    static let jpeg: [UInt8] = hex(
        "FFD8FFE000104A46494600010100000100010000FFDB004300080606070605080707070909080A0C140D0C0B0B0C1912130F141D1A1F"
            + "1E1D1A1C1C20242E2720222C231C1C2837292C30313434341F27393D38323C2E333432FFC0000B080001000101011100FFC4001F0000"
            + "010501010101010100000000000000000102030405060708090A0BFFC400B5100002010303020403050504040000017D010203000411"
            + "05122131410613516107227114328191A1082342B1C11552D1F02433627282090A161718191A25262728292A3435363738393A434445"
            + "464748494A535455565758595A636465666768696A737475767778797A838485868788898A92939495969798999AA2A3A4A5A6A7A8A9"
            + "AAB2B3B4B5B6B7B8B9BAC2C3C4C5C6C7C8C9CAD2D3D4D5D6D7D8D9DAE1E2E3E4E5E6E7E8E9EAF1F2F3F4F5F6F7F8F9FAFFDA00080101"
            + "00003F00D2CF20FFD9")

    static func hex(_ text: String) -> [UInt8] {
        let digits = Array(text)
        return stride(from: 0, to: digits.count, by: 2).map { UInt8(String(digits[$0...$0 + 1]), radix: 16)! }
    }

    @Test func acceptsARealPNGAndJPEGWithTheirSizes() throws {
        #expect(
            try LogoImage.inspect(Self.png(width: 320, height: 80)) == LogoImage(format: .png, width: 320, height: 80))
        #expect(try LogoImage.inspect(Self.png(depth: 1, colour: 3)).format == .png)
        let jpeg = try LogoImage.inspect(Self.jpeg)
        #expect(jpeg == LogoImage(format: .jpeg, width: 1, height: 1))
        #expect(jpeg.format.mimeType == "image/jpeg")
        #expect(try LogoImage.inspect(Self.jpeg + [0, 0, 0]).format == .jpeg, "zero padding after EOI is tolerated")
    }

    @Test func refusesOtherFormatsWhateverTheyAreCalled() {
        let refused: [(String, [UInt8])] = [
            ("GIF", Self.hex("47494638396101000100800000FFFFFF00000021F90401000000002C00000000010001000002024401003B")),
            ("SVG", Array(#"<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>"#.utf8)),
            ("SVG with BOM", [0xEF, 0xBB, 0xBF] + Array("<svg/>".utf8)),
            ("WebP", Self.hex("524946461A000000574542505650384C0D0000002F0000001007101111888808")),
            ("text", Array("just text in a file named logo.png\n".utf8)),
            ("HTML", Array("<!doctype html><script>alert(1)</script>".utf8)),
            ("BMP", Self.hex("424D3A0000000000000036000000")),
        ]
        for (name, bytes) in refused {
            #expect(throws: LogoImageError.unsupportedFormat, "\(name)") { try LogoImage.inspect(bytes) }
        }
        #expect(throws: LogoImageError.empty) { try LogoImage.inspect([]) }
    }

    @Test func refusesDamagedOrDisguisedFiles() {
        var badCRC = Self.png()
        badCRC[29] ^= 0xFF  // inside the IHDR CRC
        let badDepth = Self.png(depth: 3, colour: 6)
        let truncated = Array(Self.png().dropLast(12))
        let htmlAfterIEND = Self.png() + Array("<script>alert(1)</script>".utf8)
        let signatureOnly = LogoImage.pngSignature
        let noIDAT: [UInt8] = {
            let full = Self.png()
            // signature (8) + IHDR (25), then IEND (12): drop the IDAT chunk in between.
            return Array(full[0..<33]) + Array(full[(full.count - 12)...])
        }()
        // The last 15 bytes are the start of scan (10), the scan data (3) and EOI (2).
        let jpegWithoutScan = Array(Self.jpeg.dropLast(15))
        let jpegNoEOI = Array(Self.jpeg.dropLast(2))
        let jpegMagicOnly: [UInt8] = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10] + Array("JFIF".utf8)
        for (name, bytes) in [
            ("bad CRC", badCRC), ("bad bit depth", badDepth), ("truncated", truncated),
            ("data after IEND", htmlAfterIEND),
            ("signature only", signatureOnly), ("no IDAT", noIDAT), ("JPEG without scan", jpegWithoutScan),
            ("JPEG without EOI", jpegNoEOI), ("JPEG magic only", jpegMagicOnly),
        ] {
            #expect(throws: LogoImageError.damaged, "\(name)") { try LogoImage.inspect(bytes) }
        }
    }

    @Test func refusesHugeFilesAndHugeDimensions() {
        let big = Self.png(extraChunks: [Self.textChunk(count: LogoImage.maximumBytes)])
        #expect(throws: LogoImageError.tooLarge(limit: 512 * 1024)) { try LogoImage.inspect(big) }
        #expect(throws: LogoImageError.tooManyPixels(limit: 4096)) {
            try LogoImage.inspect(Self.png(width: 4097, height: 10))
        }
        #expect(throws: LogoImageError.tooManyPixels(limit: 4096)) {
            try LogoImage.inspect(Self.png(width: 10, height: 100_000))
        }
        #expect(throws: LogoImageError.damaged) { try LogoImage.inspect(Self.png(width: 0, height: 10)) }
        #expect(throws: Never.self) { try LogoImage.inspect(Self.png(width: 4096, height: 4096)) }
    }

    static func textChunk(count: Int) -> [UInt8] {
        let data = Array("Comment".utf8) + [0] + [UInt8](repeating: 0x41, count: count)
        let body = Array("tEXt".utf8) + data
        return be(UInt32(data.count)) + body + be(CRC32.checksum(body))
    }

    @Test func crc32MatchesTheReferenceValue() {
        #expect(CRC32.checksum(Array("123456789".utf8)) == 0xCBF4_3926)
    }

    // MARK: Email sender

    @Test func aSenderIsANameAndAnAddressTheMailHeadersAccept() throws {
        let sender = try EmailSender(displayName: "  EventGaraget Väst  ", address: "bokning@eventgaraget.se")
        #expect(sender.stored == "EventGaraget Väst <bokning@eventgaraget.se>")
        #expect(try EmailSender(displayName: "", address: "a@b.se").stored == "a@b.se")
        #expect(
            EmailSender.split(stored: "EventGaraget <bokning@eventgaraget.se>") == (
                "EventGaraget", "bokning@eventgaraget.se"
            ))
        #expect(EmailSender.split(stored: "\"Quoted Name\" <q@x.se>") == ("Quoted Name", "q@x.se"))
        #expect(EmailSender.split(stored: "bare@x.se") == ("", "bare@x.se"))
        #expect(throws: EmailSender.Problem.invalidDisplayName) {
            try EmailSender(displayName: "Evil <x>", address: "a@b.se")
        }
        #expect(throws: EmailSender.Problem.invalidDisplayName) {
            try EmailSender(displayName: "Line\r\nBcc: x", address: "a@b.se")
        }
        #expect(throws: EmailSender.Problem.invalidAddress) {
            try EmailSender(displayName: "A", address: "not an address")
        }
    }

    @Test(arguments: [
        ("hej@eventgaraget.se", true), ("first.last+tag@sub.example.com", true), ("a@b.se", true),
        ("", false), ("no-at.example.com", false), ("two@@example.com", false), ("space @example.com", false),
        ("dot.@example.com", false), (".dot@example.com", false), ("do..t@example.com", false), ("a@localhost", false),
        ("a@-bad.se", false), ("a@bad-.se", false), ("å@example.se", false), ("a@exa_mple.se", false),
        ("<a@b.se>", false), ("a@b.se\r\nBcc: c@d.se", false),
    ])
    func emailAddresses(address: String, valid: Bool) {
        #expect(EmailAddressRule.isValid(address) == valid, "\(address)")
    }

    // MARK: VAT rate and Swedish numbers

    @Test(arguments: [
        ("25", 2500), ("12,5", 1250), ("12.5", 1250), ("6 %", 600), ("6%", 600), ("0", 0), ("100", 10_000),
        (" 25 ", 2500),
        ("12,25", 1225), ("7,05", 705),
    ])
    func vatRatesAreReadInPercent(text: String, basisPoints: Int) throws {
        #expect(try VATRate(percentText: text).basisPoints == basisPoints)
    }

    @Test func badVATRatesAreRefusedWithAReason() throws {
        #expect(throws: VATRateParseError.empty) { try VATRate(percentText: " ") }
        #expect(throws: VATRateParseError.outOfRange) { try VATRate(percentText: "101") }
        #expect(throws: VATRateParseError.tooPrecise) { try VATRate(percentText: "12,125") }
        for text in ["-5", "abc", "25,", ",5", "1,2,3", "2 5x", "1000", "1e2"] {
            #expect(throws: VATRateParseError.self, "\(text)") { try VATRate(percentText: text) }
        }
        #expect(VATRate.reduced12.percentText(.sv) == "12")
        #expect(try VATRate(basisPoints: 1250).percentText(.sv) == "12,5")
        #expect(try VATRate(basisPoints: 705).percentText(.en) == "7.05")
    }

    @Test func swedishOrganisationAndVATNumbersCarryACheckDigit() {
        #expect(SwedishRegistration.isValidOrganisationNumber("556677-8899"))
        #expect(SwedishRegistration.isValidOrganisationNumber("5566778899"))
        #expect(SwedishRegistration.isValidOrganisationNumber("559123-4561"))
        #expect(!SwedishRegistration.isValidOrganisationNumber("559123-4567"), "wrong check digit")
        #expect(!SwedishRegistration.isValidOrganisationNumber("55667-78899"))
        #expect(!SwedishRegistration.isValidOrganisationNumber("556677-889"))
        #expect(SwedishRegistration.isValidVATNumber("SE556677889901"))
        #expect(SwedishRegistration.isValidVATNumber("se 556677-8899 01"))
        #expect(!SwedishRegistration.isValidVATNumber("SE556677889902"))
        #expect(!SwedishRegistration.isValidVATNumber("DE556677889901"))
    }
}
