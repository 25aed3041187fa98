extension StringProtocol {
    /// A text's length for a limit such as "at most 200 characters": its Unicode scalars (code
    /// points, as PostgreSQL's `char_length` counts them), not its `count` of visible
    /// characters. One visible "Å" followed by 200,000 combining accents is one `Character` but
    /// 400 KB (finding F2); counted this way it is 200,001, so every limit bounds the bytes too
    /// (at most four per scalar).
    public var lengthForLimits: Int { unicodeScalars.count }

    /// The first `maximum` scalars: cutting by `Character` would keep a cluster of any size.
    public func prefixForLimits(_ maximum: Int) -> String {
        var scalars = String.UnicodeScalarView()
        scalars.append(contentsOf: unicodeScalars.prefix(maximum))
        return String(scalars)
    }
}
