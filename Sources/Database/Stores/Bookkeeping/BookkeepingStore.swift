public import Domain
public import Foundation

/// The bookkeeping's own tables (migration 0029): the account mapping, the record of exports, and
/// the per-account balances of a period computed from the issued documents and payments in SQL,
/// independently of the SIE writer, for the reconciliation.
public enum BookkeepingStore {
    /// The mapping as stored.
    public static func mapping(_ connection: Connection) throws -> BASMapping {
        var accounts: [BASMapping.Key: BASMapping.Account] = [:]
        for row in try connection.query("SELECT key, account, name FROM account_mapping") {
            guard let key = BASMapping.Key(rawValue: try row.decode("key")) else { continue }
            accounts[key] = BASMapping.Account(number: try row.decode("account"), name: try row.decode("name"))
        }
        return BASMapping(accounts)
    }

    /// Stores the accounts that changed, with one audit row naming them (`bookkeeping.mapping_changed`).
    /// - Returns: whether anything changed.
    public static func saveMapping(
        _ connection: Connection, _ mapping: BASMapping, by user: UserID, actor: AuditActor
    ) throws -> Bool {
        try connection.transaction { tx in
            let current = try Self.mapping(tx)
            var before: [String: String] = [:]
            var after: [String: String] = [:]
            for key in BASMapping.Key.allCases where current[key] != mapping[key] {
                let account = mapping[key]
                try tx.execute(
                    """
                    UPDATE account_mapping SET account = \(account.number), name = \(account.name),
                           updated_by = \(user.rawValue), updated_at = now()
                     WHERE key = \(key.rawValue)
                    """)
                before[key.rawValue] = "\(current[key].number) \(current[key].name)"
                after[key.rawValue] = "\(account.number) \(account.name)"
            }
            guard !after.isEmpty else { return false }
            try AuditStore.record(
                tx, actor: actor, entity: "bookkeeping", entityID: nil, action: "mapping_changed", before: before,
                after: after)
            return true
        }
    }

    /// Records an export (inside the use case's transaction) with its audit row
    /// (`bookkeeping.exported`). - Returns: its id.
    public static func recordExport(
        _ tx: Connection, from: CalendarDate, to: CalendarDate, file: [UInt8], vouchers: Int,
        balances: [Int: Money], by user: UserID?, actor: AuditActor
    ) throws -> Int64 {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let json = String(
            decoding: try encoder.encode(
                Dictionary(uniqueKeysWithValues: balances.map { (String($0.key), $0.value.ore) })),
            as: UTF8.self)
        let sha256 = SHA256.hexDigest(file)
        let id: Int64 = try tx.query(
            """
            INSERT INTO bookkeeping_exports (period_from, period_to, file_sha256, byte_count, vouchers, balances, mapping,
                                             exported_by)
            SELECT \(from.iso)::date, \(to.iso)::date, \(sha256), \(file.count), \(vouchers), \(json)::jsonb,
                   jsonb_object_agg(key, jsonb_build_object('account', account, 'name', name)), \(user?.rawValue)
              FROM account_mapping
            RETURNING id
            """)[0].decode("id")
        try AuditStore.record(
            tx, actor: actor, entity: "bookkeeping", entityID: id, action: "exported",
            after: [
                "from": from.iso, "to": to.iso, "sha256": sha256, "vouchers": String(vouchers),
                "bytes": String(file.count),
            ])
        return id
    }

    /// The newest exports first.
    public static func exports(_ connection: Connection, limit: Int = 50) throws -> [BookkeepingExport] {
        try connection.query(
            """
            SELECT e.id, e.period_from, e.period_to, e.file_sha256, e.byte_count, e.vouchers, e.exported_at,
                   e.balances::text AS balances, u.name AS exported_by
              FROM bookkeeping_exports e LEFT JOIN users u ON u.id = e.exported_by
             ORDER BY e.id DESC LIMIT \(limit)
            """
        ).map { row in
            let json = try JSONDecoder().decode(
                [String: Int64].self, from: Data(try row.decode("balances", as: String.self).utf8))
            return BookkeepingExport(
                id: try row.decode("id"), from: try CalendarDate(iso: try row.decode("period_from")),
                to: try CalendarDate(iso: try row.decode("period_to")), sha256: try row.decode("file_sha256"),
                byteCount: try row.decode("byte_count"), vouchers: try row.decode("vouchers"),
                exportedBy: try row.decode("exported_by"), exportedAt: try row.decode("exported_at"),
                balances: Dictionary(
                    uniqueKeysWithValues: json.compactMap { key, ore in Int(key).map { ($0, Money(ore: ore)) } }))
        }
    }

    /// Each account's balance in the period, from the database: issued invoices and credit notes
    /// by issue date (receivables, revenue and VAT per rate from their stored VAT breakdown,
    /// reverse charge from the buyer they were issued to, a security deposit as a liability,
    /// rounding), payments by payment date (bank against receivables; one paid from a security
    /// deposit against the deposits' liability) and reminders' charges by the day sent (fees and interest against
    /// receivables), each through the stored mapping. Written apart from
    /// `SIEExport` on purpose: the reconciliation compares the two.
    public static func databaseBalances(
        _ connection: Connection, from: CalendarDate, to: CalendarDate
    ) throws -> [Int: Money] {
        let rows = try connection.query(
            """
            WITH docs AS (
                SELECT CASE i.kind WHEN 'invoice' THEN 1 ELSE -1 END::bigint AS sign, i.payable_ore, i.rounding_ore,
                       i.vat_breakdown, i.purpose = 'security_deposit' AS security_deposit,
                       coalesce((i.buyer ->> 'isCompany')::boolean, false)
                           AND upper(coalesce(i.buyer -> 'address' ->> 'country', '')) IN (
                               'AT', 'BE', 'BG', 'CY', 'CZ', 'DE', 'DK', 'EE', 'ES', 'FI', 'FR', 'GR', 'HR', 'HU', 'IE',
                               'IT', 'LT', 'LU', 'LV', 'MT', 'NL', 'PL', 'PT', 'RO', 'SI', 'SK')
                           AND coalesce(i.buyer ->> 'vatNumber', '') <> '' AS reverse_charge
                  FROM invoices i
                 WHERE i.state = 'issued' AND i.issue_date BETWEEN \(from.iso)::date AND \(to.iso)::date
            ), rates AS (
                SELECT d.sign, d.reverse_charge, d.security_deposit, (r ->> 'rate_bp')::int AS rate_bp,
                       (r ->> 'taxable_ore')::bigint AS taxable, (r ->> 'vat_ore')::bigint AS vat
                  FROM docs d, jsonb_array_elements(d.vat_breakdown) r
            ), paid AS (
                SELECT amount_ore, method = 'deposit' AS from_deposit FROM invoice_payments
                 WHERE paid_on BETWEEN \(from.iso)::date AND \(to.iso)::date
            ), reminded AS (
                SELECT fee_ore + compensation_ore AS fees, interest_ore FROM invoice_reminders
                 WHERE reminded_on BETWEEN \(from.iso)::date AND \(to.iso)::date
            ), amounts (key, ore) AS (
                SELECT 'receivables', sign * payable_ore FROM docs
                UNION ALL SELECT 'rounding', -sign * rounding_ore FROM docs
                UNION ALL
                SELECT CASE WHEN security_deposit THEN 'security_deposits'
                            WHEN reverse_charge THEN 'revenue_eu_reverse_charge'
                            WHEN rate_bp = 2500 THEN 'revenue_25' WHEN rate_bp = 1200 THEN 'revenue_12'
                            WHEN rate_bp = 600 THEN 'revenue_6' ELSE 'revenue_0' END,
                       -sign * taxable
                  FROM rates
                UNION ALL
                SELECT CASE rate_bp WHEN 2500 THEN 'vat_25' WHEN 1200 THEN 'vat_12' ELSE 'vat_6' END, -sign * vat
                  FROM rates WHERE rate_bp IN (2500, 1200, 600)
                UNION ALL SELECT CASE WHEN from_deposit THEN 'security_deposits' ELSE 'bank' END, amount_ore FROM paid
                UNION ALL SELECT 'receivables', -amount_ore FROM paid
                UNION ALL SELECT 'receivables', fees + interest_ore FROM reminded
                UNION ALL SELECT 'reminder_fees', -fees FROM reminded
                UNION ALL SELECT 'late_interest', -interest_ore FROM reminded
            )
            SELECT m.account, sum(a.ore)::bigint AS ore
              FROM amounts a JOIN account_mapping m ON m.key = a.key
             GROUP BY m.account ORDER BY m.account
            """)
        var balances: [Int: Money] = [:]
        for row in rows { balances[try row.decode("account")] = Money(ore: try row.decode("ore")) }
        return balances
    }
}
