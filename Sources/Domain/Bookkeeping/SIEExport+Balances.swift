extension SIEExport {
    /// The balance of each account in an SIE file as written: the sum of its `#TRANS` amounts,
    /// read from the bytes (CP437, CRLF), not from the vouchers the file was made of, so the
    /// reconciliation also covers how the amounts were written. Amounts are decimal kronor with at
    /// most two decimals (`1234.50`, `-0.19`); anything else is not counted and makes it `nil`.
    public static func balances(ofFile bytes: [UInt8]) -> [Int: Money]? {
        var totals: [Int: Money] = [:]
        var line: [UInt8] = []
        func take() -> Bool {
            defer { line.removeAll(keepingCapacity: true) }
            guard line.starts(with: Array("#TRANS ".utf8)) else { return true }
            // `#TRANS account {objects} amount …`; the object list is `{}` here.
            let fields = line.split(separator: UInt8(ascii: " ")).map { String(decoding: $0, as: UTF8.self) }
            guard fields.count >= 4, let account = Int(fields[1]), fields[2] == "{}",
                let amount = ore(fields[3])
            else { return false }
            totals[account] = Money(ore: (totals[account]?.ore ?? 0) + amount)
            return true
        }
        for byte in bytes {
            if byte == UInt8(ascii: "\n") {
                if line.last == UInt8(ascii: "\r") { line.removeLast() }
                guard take() else { return nil }
            } else {
                line.append(byte)
            }
        }
        guard take() else { return nil }
        return totals
    }

    /// `-1234.5` → -123450.
    static func ore(_ text: String) -> Int64? {
        var digits = Substring(text)
        let negative = digits.first == "-"
        if negative { digits = digits.dropFirst() }
        let parts = digits.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), !parts[0].isEmpty, parts[0].allSatisfy({ $0.isASCII && $0.isNumber }),
            let kronor = Int64(parts[0])
        else { return nil }
        var fraction: Int64 = 0
        if parts.count == 2 {
            let decimals = parts[1]
            guard (1...2).contains(decimals.count), decimals.allSatisfy({ $0.isASCII && $0.isNumber }),
                let value = Int64(decimals)
            else { return nil }
            fraction = decimals.count == 1 ? value * 10 : value
        }
        let (scaled, overflow) = kronor.multipliedReportingOverflow(by: 100)
        guard !overflow else { return nil }
        return (negative ? -1 : 1) * (scaled + fraction)
    }
}
