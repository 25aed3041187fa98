import Foundation
import Testing

@testable import Domain

@Suite("iCalendar writer (RFC 5545)")
struct ICalendarWriterTests {
    /// The text of a written calendar, split into physical lines (without their CRLF).
    static func physicalLines(_ bytes: [UInt8]) -> [[UInt8]] {
        var lines: [[UInt8]] = []
        var current: [UInt8] = []
        var index = 0
        while index < bytes.count {
            if bytes[index] == 0x0D, index + 1 < bytes.count, bytes[index + 1] == 0x0A {
                lines.append(current)
                current = []
                index += 2
            } else {
                current.append(bytes[index])
                index += 1
            }
        }
        #expect(current.isEmpty, "the last line ends in CRLF")
        return lines
    }

    /// Unfolds as a parser does: a CRLF followed by one space or tab is removed.
    static func unfold(_ bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        var index = 0
        while index < bytes.count {
            if bytes[index] == 0x0D, index + 2 < bytes.count, bytes[index + 1] == 0x0A, bytes[index + 2] == 0x20 {
                index += 3
            } else {
                out.append(bytes[index])
                index += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    @Test func textValuesEscapeBackslashSemicolonCommaAndLineBreaks() {
        #expect(ICalendarWriter.escapeText(#"a\b;c,d"#) == #"a\\b\;c\,d"#)
        #expect(ICalendarWriter.escapeText("rad 1\nrad 2\r\nrad 3\rrad 4") == #"rad 1\nrad 2\nrad 3\nrad 4"#)
        #expect(ICalendarWriter.escapeText("tab\there") == "tab\there", "TAB is allowed in TEXT")
        #expect(
            ICalendarWriter.escapeText("bell\u{07}null\u{00}del\u{7F}") == "bellnulldel", "other controls are dropped")
        #expect(ICalendarWriter.escapeText("Åsa: \"Öberg\"") == "Åsa: \"Öberg\"", "colons and quotes are fine in TEXT")
    }

    @Test func linesFoldAt75OctetsWithoutSplittingUTF8() {
        // 'å' is 2 octets, '€' 3, '🎪' 4: any naive split at 75 would cut one in half.
        let value = String(repeating: "å€🎪x", count: 40)
        var ics = ICalendarWriter()
        ics.text("DESCRIPTION", value)
        let lines = Self.physicalLines(ics.bytes)
        #expect(lines.count > 1)
        for (index, line) in lines.enumerated() {
            #expect(line.count <= 75, "line \(index) has \(line.count) octets")
            #expect(String(validating: line, as: UTF8.self) != nil, "line \(index) is valid UTF-8 on its own")
            if index > 0 { #expect(line.first == 0x20, "continuation lines start with one space") }
        }
        #expect(Self.unfold(ics.bytes) == "DESCRIPTION:\(value)\r\n")
    }

    @Test func aLineOfExactly75OctetsIsNotFolded() {
        let value = String(repeating: "a", count: 75 - "SUMMARY:".count)
        var ics = ICalendarWriter()
        ics.text("SUMMARY", value)
        #expect(Self.physicalLines(ics.bytes).count == 1)
        var longer = ICalendarWriter()
        longer.text("SUMMARY", value + "b")
        let lines = Self.physicalLines(longer.bytes)
        #expect(lines.count == 2)
        #expect(lines[1] == Array(" b".utf8))
    }

    @Test func datesAndInstantsUseTheBasicFormats() throws {
        #expect(ICalendarWriter.dateValue(try date("2026-06-19")) == "20260619")
        #expect(ICalendarWriter.utcValue(Date(timeIntervalSince1970: 0)) == "19700101T000000Z")
        // 2026-06-19 08:30:05.9 UTC; fractions are cut, not rounded up.
        #expect(ICalendarWriter.utcValue(Date(timeIntervalSince1970: 1_781_857_805.9)) == "20260619T083005Z")
        #expect(ICalendarWriter.utcValue(Date(timeIntervalSince1970: -1)) == "19691231T235959Z")
        var ics = ICalendarWriter()
        ics.date("DTSTART", try date("2026-06-19"))
        ics.instant("DTSTAMP", Date(timeIntervalSince1970: 0))
        #expect(
            String(decoding: ics.bytes, as: UTF8.self) == "DTSTART;VALUE=DATE:20260619\r\nDTSTAMP:19700101T000000Z\r\n")
    }

    @Test func parametersAreQuotedWhenNeededAndValuesCannotBreakTheLine() {
        #expect(ICalendarWriter.parameterValue("DURATION") == "DURATION")
        #expect(ICalendarWriter.parameterValue("a:b") == "\"a:b\"")
        #expect(ICalendarWriter.parameterValue("say \"hi\"; ok") == "\"say hi; ok\"")
        var ics = ICalendarWriter()
        ics.value("URL", "https://example.se/x\r\nX-EVIL:1")
        #expect(String(decoding: ics.bytes, as: UTF8.self) == "URL:https://example.se/xX-EVIL:1\r\n")
    }

    @Test func componentsNestWithBeginAndEnd() {
        var ics = ICalendarWriter()
        ics.begin("VCALENDAR")
        ics.value("VERSION", "2.0")
        ics.begin("VEVENT")
        ics.text("SUMMARY", "Bröllop, Särö; 120 gäster")
        ics.end("VEVENT")
        ics.end("VCALENDAR")
        #expect(
            String(decoding: ics.bytes, as: UTF8.self)
                == "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nSUMMARY:Bröllop\\, Särö\\; 120 gäster\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
        )
    }
}
