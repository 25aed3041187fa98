import Domain

/// A believable month of a working rental company around today, for `seed-demo`: about forty
/// bookings in every state — finished and closed ones behind, some out at customers now,
/// deliveries and pickups today and tomorrow, confirmed ones ahead (some still waiting for a
/// manager's approval), a few cancelled. Offsets are days from today (Europe/Stockholm).
enum DemoMonth {
    struct Booking {
        let customer: Int
        let title: String
        /// First day, relative to today.
        let start: Int
        let days: Int
        let state: BookingState
        let approved: Bool
        let lines: [(sku: String, quantity: Int)]
    }

    /// Small, typical orders; none of them uses the products the first demo booking holds, and no
    /// booking starts or ends on its days (today + 25 and 26), so its calendar days show it alone.
    static let packages: [[(sku: String, quantity: Int)]] = [
        [("TALT-3x3", 1), ("BORD-180", 3), ("STOL-VIT", 24)],
        [("TALT-3x6", 1), ("STOL-VIT", 30), ("LJUS-SLINGA", 2)],
        [("BORD-RUND", 5), ("STOL-CHIAV", 40), ("LJUS-KRON", 1)],
        [("LJUD-PA-S", 1), ("LJUD-MIK", 2), ("LJUS-LED", 4)],
        [("TALT-4x8", 1), ("GOLV-KASS", 32), ("BORD-180", 4), ("STOL-VIT", 32)],
        [("STOL-BANK", 6), ("VARM-EL", 2), ("LJUS-STRAL", 2)],
        [("SCEN-2x1", 6), ("SCEN-TRAPPA", 1), ("LJUD-MIK", 1)],
        [("GOLV-DANS", 16), ("LJUS-LED", 8), ("BORD-DUK", 10)],
    ]

    static let titles = [
        "Födelsedagsfest", "Kräftskiva", "Företagsmingel", "Studentfest", "Bröllopsmiddag", "Loppis i trädgården",
        "Sommarkonsert", "Jubileumsfest", "Personalfest", "Dop och kalas", "Föreningens årsmöte", "Gårdsfest",
        "Vernissage", "Release-fest",
    ]

    /// The customers the month's bookings go to (every demo customer but the one whose single
    /// booking the first demo quotation made).
    static let customers = [0, 1, 2, 3, 4, 6, 7, 8]

    /// The bookings, in the order they are created.
    static var bookings: [Booking] {
        // (start, days, state, approved)
        let layout: [(Int, Int, BookingState, Bool)] = [
            // Behind us: closed, a few returned and not yet closed, two cancelled.
            (-30, 2, .closed, true), (-28, 1, .closed, true), (-26, 3, .closed, true), (-25, 1, .cancelled, false),
            (-23, 2, .closed, true), (-21, 1, .closed, true), (-19, 3, .closed, true), (-17, 2, .closed, true),
            (-15, 1, .closed, true), (-13, 2, .cancelled, true), (-11, 3, .closed, true), (-9, 2, .returned, true),
            (-6, 2, .returned, true), (-4, 1, .returned, true),
            // Out at customers now: picked up today, tomorrow, or later.
            (-3, 4, .delivered, true), (-1, 2, .delivered, true), (-2, 4, .delivered, true), (-1, 3, .delivered, true),
            (-5, 9, .delivered, true), (-2, 6, .delivered, true),
            // Going out today and tomorrow.
            (0, 2, .packed, true), (0, 1, .packed, true), (0, 3, .packed, true),
            (1, 2, .packed, true), (1, 1, .confirmed, true), (1, 3, .confirmed, true),
            // Ahead: confirmed, some waiting for approval, two cancelled.
            (2, 2, .confirmed, true), (3, 1, .confirmed, false), (4, 3, .confirmed, true), (6, 2, .cancelled, false),
            (7, 1, .confirmed, false), (9, 2, .confirmed, true), (11, 3, .confirmed, true), (13, 1, .confirmed, false),
            (15, 2, .confirmed, true), (18, 2, .cancelled, true), (20, 3, .confirmed, true), (22, 1, .confirmed, false),
            (24, 1, .confirmed, true), (28, 3, .confirmed, true),
        ]
        return layout.enumerated().map { index, entry in
            Booking(
                customer: customers[index % customers.count], title: titles[index % titles.count], start: entry.0,
                days: entry.1, state: entry.2, approved: entry.3, lines: packages[index % packages.count])
        }
    }

    /// The workflow steps from `confirmed` to `state` (cancelling is one step).
    static func steps(to state: BookingState) -> [BookingState] {
        if state == .cancelled { return [.cancelled] }
        guard let last = BookingState.workflow.firstIndex(of: state), last > 0 else { return [] }
        return Array(BookingState.workflow[1...last])
    }
}
