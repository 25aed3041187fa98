public import Domain
public import Foundation

/// Gap-free document numbers (`Q-2026-0001`, `EG-2026-0001`) per kind and Stockholm year.
public enum NumberStore {
    /// The next number. Call it inside the transaction that uses the number: the sequence row
    /// stays locked until that transaction ends, and a rollback gives the number back.
    /// - Throws: `DatabaseError`, or `DocumentNumberError` for a number out of range.
    public static func allocate(
        _ tx: Connection, kind: DocumentNumber.Kind, at instant: Date = Date()
    ) throws -> DocumentNumber {
        let allocated = try tx.query(
            """
            INSERT INTO number_sequences (kind, year, last_number)
            VALUES (\(kind.rawValue), extract(year FROM \(instant) AT TIME ZONE 'Europe/Stockholm')::int, 1)
            ON CONFLICT (kind, year) DO UPDATE SET last_number = number_sequences.last_number + 1
            RETURNING year, last_number
            """)
        return try DocumentNumber(
            kind: kind, year: try allocated[0].decode("year"), sequence: try allocated[0].decode("last_number"))
    }
}
