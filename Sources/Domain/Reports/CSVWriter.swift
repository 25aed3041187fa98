import Foundation

/// One cell of a CSV file. Cells are typed so numbers stay numbers (a credit's `-1250,00` is a
/// number, not a formula) while text is neutralised (see ``CSVWriter``).
public enum CSVCell: Sendable, Hashable {
    case text(String)
    /// A whole number: `-12`.
    case integer(Int64)
    /// Kronor with two decimals and no digit grouping: `-1250,50`.
    case money(Money)
    /// A number with `scale` decimals from its integer of smallest units: `.decimal(125, scale: 1)` is `12,5`.
    case decimal(Int64, scale: Int)
    /// ISO 8601: `2026-03-31` (Excel reads it as a date in every locale).
    case date(CalendarDate)
    case empty
}

/// CSV files for spreadsheets as they are set up in Sweden, RFC 4180 otherwise.
///
/// The choices, for Excel with Swedish regional settings (what the customers' bookkeepers open
/// these files in):
/// - **UTF-8 with a byte-order mark.** Without the BOM Excel reads the file as Windows-1252 and
///   "Tält & Scen" turns into mojibake; every other reader (LibreOffice, Numbers, Python's
///   `utf-8-sig`, pandas) skips the BOM.
/// - **Semicolon between fields, decimal comma in numbers.** Swedish Excel's list separator is `;`
///   because `,` is its decimal mark: with commas a double-clicked file lands in one column, and
///   `1250.50` is read as text or a date. Numbers have no digit grouping.
/// - **RFC 4180 otherwise:** CRLF after every record, a field quoted with `"` when it holds the
///   separator, a quote, CR or LF, and a quote inside doubled.
/// - **Formula injection** (CWE-1236): a text cell that starts with `=`, `+`, `-`, `@`, a tab or a
///   CR would be run as a formula by a spreadsheet (`=HYPERLINK(…)` in a customer's name), so it
///   gets a leading `'`, which spreadsheets show as text and do not evaluate. Numeric cells are
///   typed (``CSVCell``) and written by this type, so a negative amount stays a number.
public enum CSVWriter {
    public static let separator: Character = ";"
    public static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]
    /// The first characters that make a spreadsheet read a cell as a formula (OWASP's list).
    static let formulaStarts: Set<Character> = ["=", "+", "-", "@", "\t", "\r"]

    /// The whole file: BOM, the header row, then the rows, each record ended with CRLF.
    public static func document(header: [String], rows: [[CSVCell]]) -> [UInt8] {
        var out = byteOrderMark
        out.reserveCapacity(64 * (rows.count + 1))
        out += Array(record(header.map(CSVCell.text)).utf8)
        for row in rows { out += Array(record(row).utf8) }
        return out
    }

    /// One record with its CRLF.
    public static func record(_ cells: [CSVCell]) -> String {
        cells.map(field).joined(separator: String(separator)) + "\r\n"
    }

    /// One field as written: numbers bare, text neutralised and quoted when it must be.
    public static func field(_ cell: CSVCell) -> String {
        switch cell {
        case .empty: return ""
        case .integer(let value): return String(value)
        case .money(let money): return decimal(money.ore, scale: 2)
        case .decimal(let value, let scale): return decimal(value, scale: scale)
        case .date(let date): return date.iso
        case .text(let text):
            let safe = text.first.map { formulaStarts.contains($0) } == true ? "'" + text : text
            guard safe.contains(where: { $0 == separator || $0 == "\"" || $0 == "\r" || $0 == "\n" }) else {
                return safe
            }
            return "\"" + safe.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
    }

    /// `value / 10^scale` with a decimal comma: `decimal(-125050, scale: 2)` is `-1250,50`.
    static func decimal(_ value: Int64, scale: Int) -> String {
        guard scale > 0 else { return String(value) }
        let digits = String(value.magnitude)
        let padded = String(repeating: "0", count: max(0, scale + 1 - digits.count)) + digits
        let cut = padded.index(padded.endIndex, offsetBy: -scale)
        return (value < 0 ? "-" : "") + padded[..<cut] + "," + padded[cut...]
    }
}
