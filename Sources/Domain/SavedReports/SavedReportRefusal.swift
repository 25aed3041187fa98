/// Why a report definition (or a saved report's name or sharing) is refused; nothing is run or
/// stored then. Names from the definition are carried so the message can quote them.
public enum SavedReportRefusal: Error, Sendable, Equatable {
    case nameMissing
    case nameTooLong(maximum: Int)
    case nameHasControlCharacters
    /// Another saved report has the name (names are unique, ignoring case).
    case nameTaken(String)
    case definitionUnreadable
    case unknownEntity(String)
    case unknownColumn(String)
    case noColumns
    case tooManyColumns(maximum: Int)
    /// An operator that does not exist, or that the column's type does not allow.
    case operatorNotAllowed(op: String, column: String)
    /// A filter value that is not a value of the column's type (`expected`: the type).
    case badValue(column: String, value: String, expected: ReportColumnType)
    case tooManyValues(column: String, maximum: Int)
    case tooManyFilters(maximum: Int)
    case tooManyGroups(maximum: Int)
    /// A date grouping that is not day, week, month or year, or one on a column that is not a date.
    case badGrouping(column: String, by: String)
    /// A measure that is not count, sum or avg, or a sum or average of a column that is no number.
    case badMeasure(String)
    case noMeasures
    case tooManyMeasures(maximum: Int)
    case unknownSort(String)
    case limitOutOfRange(maximum: Int)
    case unknownRole(String)
    case reportNotFound

    /// The form field the refusal is shown next to.
    public var field: String {
        switch self {
        case .nameMissing, .nameTooLong, .nameHasControlCharacters, .nameTaken: "name"
        case .unknownEntity: "entity"
        case .unknownColumn, .noColumns, .tooManyColumns: "columns"
        case .operatorNotAllowed, .badValue, .tooManyValues, .tooManyFilters: "filters"
        case .tooManyGroups, .badGrouping: "groups"
        case .badMeasure, .noMeasures, .tooManyMeasures: "measures"
        case .unknownSort: "sort"
        case .limitOutOfRange: "limit"
        case .unknownRole: "shared"
        case .definitionUnreadable, .reportNotFound: "definition"
        }
    }
}
