import Testing

@testable import Domain

@Suite("Quotation and booking states")
struct StateMachineTests {
    @Test func quotationsMoveOnlyAlongTheirArrows() {
        let allowed: Set<String> = [
            "draft→sent", "draft→void",
            "sent→signed", "sent→declined", "sent→expired", "sent→void", "sent→draft",
            "declined→draft", "declined→void", "expired→draft", "expired→void",
        ]
        for from in QuotationState.allCases {
            for to in QuotationState.allCases {
                #expect(from.canTransition(to: to) == allowed.contains("\(from)→\(to)"), "\(from)→\(to)")
            }
        }
    }

    @Test func aSignedQuotationIsFinal() throws {
        var state = QuotationState.draft
        try state.transition(to: .sent)
        try state.transition(to: .signed)
        #expect(state.isFinal && !state.isEditable)
        #expect(throws: StateTransitionError(from: "signed", to: "draft")) { try state.transition(to: .draft) }
        #expect(state == .signed)
    }

    @Test func editingASentQuotationMakesANewVersionReadyToSend() throws {
        var state = QuotationState.sent
        #expect(state.isSignable && state.editingMakesNewVersion)
        try state.transition(to: .draft)
        #expect(!state.editingMakesNewVersion && !state.isSignable)
        try state.transition(to: .sent)
        #expect(state == .sent)
        #expect(QuotationState.expired.editingMakesNewVersion)
    }

    @Test func bookingsStepForwardOneStateAtATime() throws {
        var state = BookingState.confirmed
        for next in [BookingState.packed, .delivered, .returned, .closed] { try state.transition(to: next) }
        #expect(state == .closed && state.isFinal)
        #expect(throws: BookingTransitionError.notAllowed(StateTransitionError(from: "confirmed", to: "delivered"))) {
            var skipping = BookingState.confirmed
            try skipping.transition(to: .delivered)
        }
        #expect(!BookingState.returned.canTransition(to: .delivered))
    }

    @Test func cancellingNeedsAReasonAndIsOnlyPossibleBeforeDelivery() throws {
        var booking = BookingState.packed
        #expect(throws: BookingTransitionError.reasonRequired) { try booking.transition(to: .cancelled) }
        #expect(throws: BookingTransitionError.reasonRequired) { try booking.transition(to: .cancelled, reason: "  ") }
        try booking.transition(to: .cancelled, reason: "Kunden ställde in festen")
        #expect(booking == .cancelled && !booking.reservesStock)
        #expect(BookingState.confirmed.canTransition(to: .cancelled))
        for state in [BookingState.delivered, .returned, .closed, .cancelled] {
            #expect(!state.canTransition(to: .cancelled), "\(state)")
        }
    }

    @Test func rawValuesMatchTheDatabase() {
        #expect(QuotationState.allCases.map(\.rawValue) == ["draft", "sent", "signed", "declined", "expired", "void"])
        #expect(
            BookingState.allCases.map(\.rawValue) == [
                "confirmed", "packed", "delivered", "returned", "closed", "cancelled",
            ])
        #expect(LinePricing.allCases.map(\.rawValue) == ["per_day", "per_rental", "flat", "per_unit"])
    }
}

@Suite("Quotation version states")
struct QuotationVersionStateTests {
    @Test func aSentVersionIsDecidedOnce() throws {
        for next in QuotationVersionState.allCases where next != .sent {
            var version = QuotationVersionState.sent
            #expect(version.isSignable)
            try version.transition(to: next)
            #expect(!version.isSignable)
            for again in QuotationVersionState.allCases {
                #expect(!version.canTransition(to: again), "\(version)→\(again)")
            }
        }
        var signed = QuotationVersionState.signed
        #expect(throws: StateTransitionError(from: "signed", to: "superseded")) {
            try signed.transition(to: .superseded)
        }
        #expect(
            QuotationVersionState.allCases.map(\.rawValue) == [
                "sent", "signed", "declined", "expired", "superseded", "void",
            ])
    }
}
