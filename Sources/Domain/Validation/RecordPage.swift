/// One page of a keyset-paginated list: at most a page's rows, and the cursor of the next page
/// (the last row's id) when there are more. Lists never count all their rows.
public struct RecordPage<Row: Sendable>: Sendable {
    public let rows: [Row]
    /// Pass as `after` for the next page; nil on the last page.
    public let nextAfter: Int64?

    public init(rows: [Row], nextAfter: Int64?) {
        self.rows = rows
        self.nextAfter = nextAfter
    }

    /// Staff lists show 50 rows a page.
    public static var size: Int { 50 }
}
