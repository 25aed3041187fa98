public import Domain
import Foundation

/// How a saved report's cells are printed: on the page, in the chart's labels and in the CSV
/// file, from the same cells, so the three agree.
public enum SavedReportFormat {
    static func isNumeric(_ kind: ReportResultColumn.Kind) -> Bool {
        switch kind {
        case .number, .money, .count: true
        default: false
        }
    }

    /// A cell as the table shows it: choices by their label, money in kronor, numbers with their
    /// decimals, yes/no, and "(empty)" for nothing.
    static func text(
        _ cell: ReportCell, _ column: ReportResultColumn, _ s: SavedReportStrings, _ language: Language
    )
        -> String
    {
        switch cell {
        case .text(let text):
            column.kind == .choice
                ? (column.choices.first { $0.value == text }?.label.text(language) ?? text) : text
        case .date(let date): date.iso
        case .number(let value): ChartData.Unit.hundredths.format(value, language)
        case .money(let value): Money(ore: value).formatted(language)
        case .count(let value): ChartData.Unit.count.format(value, language)
        case .bool(let value): value ? s.yes : s.no
        case .null: s.emptyValue
        }
    }

    /// The table as a CSV file (``CSVWriter``): the same rows and columns; amounts as kronor with
    /// two decimals, numbers with two, counts whole, texts as the table shows them.
    public static func csv(_ table: ReportTable, _ strings: Strings) -> [UInt8] {
        let s = strings.savedReports
        let language = strings.language
        return CSVWriter.document(
            header: table.columns.map { $0.label.text(language) },
            rows: table.rows.map { row in
                row.enumerated().map { index, cell -> CSVCell in
                    let column = table.columns[index]
                    switch cell {
                    case .number(let value): return .decimal(value, scale: 2)
                    case .money(let value): return .money(Money(ore: value))
                    case .count(let value): return .integer(value)
                    case .date(let date): return .date(date)
                    case .null: return isNumeric(column.kind) ? .empty : .text(s.emptyValue)
                    case .text, .bool: return .text(text(cell, column, s, language))
                    }
                }
            })
    }

    /// The file's name: the report's name in lower-case letters, digits and dashes, then `.csv`.
    public static func fileName(_ name: String) -> String {
        var out = ""
        for scalar in name.lowercased().unicodeScalars {
            switch scalar {
            case "a"..."z", "0"..."9": out.unicodeScalars.append(scalar)
            case "å", "ä": out += "a"
            case "ö": out += "o"
            default: if !out.hasSuffix("-") { out += "-" }
            }
        }
        let trimmed = out.trimmingCharacters(in: CharacterSet(charactersIn: "-"))
        return (trimmed.isEmpty ? "report" : String(trimmed.prefix(60))) + ".csv"
    }
}
