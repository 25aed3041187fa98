import Foundation
import Testing

@testable import Domain

/// The decisions of the core flow's use cases, without a database.
@Suite("Use case rules: signing, sending, bookings, sign-in, jobs")
struct UseCaseRulesTests {
    static let now = Date(timeIntervalSince1970: 1_780_000_000)
    static let later = now.addingTimeInterval(86_400)
    static let earlier = now.addingTimeInterval(-1)

    // MARK: May this version be signed now?

    @Test func aSentVersionWithALiveLinkMaySignOnlyBeforeItExpires() {
        #expect(
            SigningLinkState.of(
                version: .sent, quotation: .sent, linkVoided: false, expiresAt: Self.later, now: Self.now) == .valid)
        #expect(
            SigningLinkState.of(version: .sent, quotation: .sent, linkVoided: false, expiresAt: Self.now, now: Self.now)
                == .expired)
        #expect(
            SigningLinkState.of(
                version: .sent, quotation: .sent, linkVoided: false, expiresAt: Self.earlier, now: Self.now) == .expired
        )
        #expect(SigningRules.step(for: .valid) == .proceed)
        #expect(SigningRules.step(for: .expired) == .expired)
    }

    @Test func aVoidedLinkOrAWithdrawnQuotationIsReplacedEvenBeforeExpiry() {
        #expect(
            SigningLinkState.of(
                version: .sent, quotation: .sent, linkVoided: true, expiresAt: Self.later, now: Self.now) == .voided)
        #expect(
            SigningLinkState.of(
                version: .sent, quotation: .void, linkVoided: false, expiresAt: Self.later, now: Self.now) == .voided)
        // Replaced wins over expired: the customer is sent to the newer offer.
        #expect(
            SigningLinkState.of(
                version: .sent, quotation: .sent, linkVoided: true, expiresAt: Self.earlier, now: Self.now) == .voided)
    }

    @Test func whatTheVersionBecameDecidesOverTheLink() {
        for (version, expected) in [
            (QuotationVersionState.signed, SigningLinkState.signed), (.declined, .declined), (.expired, .expired),
            (.superseded, .voided), (.void, .voided),
        ] {
            // Even a voided, expired link of a signed version shows the signature.
            #expect(
                SigningLinkState.of(
                    version: version, quotation: .signed, linkVoided: true, expiresAt: Self.earlier, now: Self.now)
                    == expected)
        }
    }

    @Test func aSecondSubmitGetsTheFirstAnswerNotASecondBooking() {
        #expect(SigningRules.step(for: .signed) == .alreadySigned)
        #expect(SigningRules.step(for: .declined) == .alreadyDeclined)
        #expect(SigningRules.step(for: .voided) == .voided)
        for state in [SigningLinkState.signed, .declined, .expired, .voided] { #expect(!state.isSignable) }
    }

    @Test func signingRechecksStockPerProductWithLinesCountedTogether() throws {
        var fields = QuotationSnapshotTests.Fields()
        fields.chairs = 50
        let snapshot = try fields.snapshot()
        let period = snapshot.period
        #expect(SigningRules.products(of: snapshot) == [ProductID(rawValue: 11), ProductID(rawValue: 31)])
        let booked = [Reservation(quantity: 20, period: period)]
        let fits: [ProductID: Availability] = [
            ProductID(rawValue: 11): .compute(stock: 2, reservations: [], period: period),
            ProductID(rawValue: 31): .compute(stock: 70, reservations: booked, period: period),
        ]
        #expect(SigningRules.shortages(snapshot, availability: fits).isEmpty)
        let short: [ProductID: Availability] = [
            ProductID(rawValue: 11): .compute(stock: 2, reservations: [], period: period),
            ProductID(rawValue: 31): .compute(stock: 69, reservations: booked, period: period),
        ]
        #expect(
            SigningRules.shortages(snapshot, availability: short) == [
                UnavailableItem(productID: 31, description: "Stol, vit klappstol", requested: 50, available: 49)
            ])
        // A product that no longer exists has no stock.
        #expect(SigningRules.shortages(snapshot, availability: [:]).map(\.productID) == [11, 31])
    }

    // MARK: Which quotations may be sent, resent, voided

    @Test func onlyDraftSentDeclinedAndExpiredQuotationsAreSent() throws {
        let sendable: Set<QuotationState> = [.draft, .sent, .declined, .expired]
        for state in QuotationState.allCases {
            #expect(state.isSendable == sendable.contains(state), "\(state)")
            #expect(state.isResendable == (state == .sent), "\(state)")
            #expect(state.isVoidable == [.draft, .sent, .declined, .expired].contains(state), "\(state)")
        }
    }

    @Test func sendingChecksTheStalePageFirstAndStockLast() throws {
        let lines = [try Catalogue.chairs(quantity: 10)]
        let short = StockCheck(
            lines: lines,
            availability: [ProductID(rawValue: 31): .compute(stock: 5, reservations: [], period: try weekend())])
        let fine = StockCheck(
            lines: lines,
            availability: [ProductID(rawValue: 31): .compute(stock: 50, reservations: [], period: try weekend())])
        func refusal(
            _ state: QuotationState = .draft, version: Int = 3, lines: Int = 1, email: String = "a@b.se",
            stock: StockCheck, reason: String? = nil
        )
            -> SendingRules.SendRefusal?
        {
            SendingRules.sendRefusal(
                state: state, version: version, expectedVersion: 3, lineCount: lines, customerEmail: email,
                stock: stock,
                shortageReason: reason)
        }
        #expect(refusal(.signed, version: 2, stock: short) == .conflict)
        #expect(refusal(.signed, stock: fine) == .notSendable(.signed))
        #expect(refusal(.void, stock: fine) == .notSendable(.void))
        #expect(refusal(lines: 0, stock: fine) == .noLines)
        #expect(refusal(email: "", stock: fine) == .customerHasNoEmail)
        #expect(refusal(stock: short) == .shortageNeedsReason(short.shortages))
        #expect(refusal(stock: short, reason: "  \n") == .shortageNeedsReason(short.shortages))
        #expect(refusal(stock: short, reason: "Kunden hämtar själv") == nil)
        #expect(refusal(.expired, stock: fine) == nil)
    }

    @Test func onlyALiveLinkOfASentQuotationIsRenewed() {
        #expect(
            SendingRules.resendRefusal(state: .draft, linkExpiresAt: Self.later, customerEmail: "a@b.se", now: Self.now)
                == .notResendable(.draft))
        #expect(
            SendingRules.resendRefusal(state: .sent, linkExpiresAt: nil, customerEmail: "a@b.se", now: Self.now)
                == .notResendable(.sent))
        #expect(
            SendingRules.resendRefusal(state: .sent, linkExpiresAt: Self.now, customerEmail: "a@b.se", now: Self.now)
                == .linkExpired)
        #expect(
            SendingRules.resendRefusal(state: .sent, linkExpiresAt: Self.later, customerEmail: "", now: Self.now)
                == .customerHasNoEmail)
        #expect(
            SendingRules.resendRefusal(state: .sent, linkExpiresAt: Self.later, customerEmail: "a@b.se", now: Self.now)
                == nil)
        #expect(SendingRules.linkExpiry(now: Self.now, validityDays: 30) == Self.now.addingTimeInterval(30 * 86_400))
    }

    // MARK: Bookings

    @Test func aBookingMovesOnlyFromTheStateThePageShowed() {
        #expect(
            BookingRules.transition(current: .confirmed, seen: .confirmed, to: .packed, reason: nil)
                == .move(to: .packed))
        #expect(
            BookingRules.transition(current: .packed, seen: .confirmed, to: .packed, reason: nil)
                == .refused(.stale(current: .packed)))
        #expect(
            BookingRules.transition(current: .confirmed, seen: .confirmed, to: .delivered, reason: nil)
                == .refused(.notAllowed(from: .confirmed, to: .delivered)))
        #expect(
            BookingRules.transition(current: .packed, seen: .packed, to: .cancelled, reason: " ")
                == .refused(.reasonRequired))
        #expect(
            BookingRules.transition(current: .packed, seen: .packed, to: .cancelled, reason: "Regn")
                == .move(to: .cancelled))
        #expect(
            BookingRules.transition(current: .delivered, seen: .delivered, to: .cancelled, reason: "Regn")
                == .refused(.notAllowed(from: .delivered, to: .cancelled)))
    }

    @Test func aBookingIsApprovedOnceAndNeverWhenCancelled() {
        #expect(BookingRules.approvalRefusal(state: .confirmed, approvedBy: nil, approvedAt: nil) == nil)
        #expect(BookingRules.approvalRefusal(state: .delivered, approvedBy: nil, approvedAt: nil) == nil)
        #expect(
            BookingRules.approvalRefusal(state: .confirmed, approvedBy: "Maja", approvedAt: Self.now)
                == .alreadyApproved(by: "Maja", at: Self.now))
        #expect(BookingRules.approvalRefusal(state: .cancelled, approvedBy: nil, approvedAt: nil) == .cancelled)
    }

    // MARK: Sign-in

    @Test func onlyAnActiveAccountWithAMatchingArgon2idHashSignsIn() {
        #expect(SignInRules.usableHash("$argon2id$v=19$m=65536,t=2,p=1$abc$def") != nil)
        #expect(SignInRules.usableHash("!") == nil)
        #expect(SignInRules.usableHash("$2b$12$bcrypt") == nil)
        #expect(SignInRules.usableHash(nil) == nil)
        #expect(
            SignInRules.verdict(accountExists: true, active: true, passwordMatches: true, emailFailuresBefore: 5)
                == .accepted)
        #expect(
            SignInRules.verdict(accountExists: true, active: false, passwordMatches: true, emailFailuresBefore: 0)
                == .wrong)
        #expect(
            SignInRules.verdict(accountExists: false, active: false, passwordMatches: false, emailFailuresBefore: 0)
                == .wrong)
        // The failure that reaches the lock threshold locks, for unknown emails too.
        let last = LoginThrottle.lockAfter - 1
        #expect(
            SignInRules.verdict(accountExists: false, active: false, passwordMatches: false, emailFailuresBefore: last)
                == .lockedNow)
        #expect(
            SignInRules.verdict(
                accountExists: true, active: true, passwordMatches: false, emailFailuresBefore: last + 1) == .wrong)
    }

    // MARK: Jobs

    @Test func everyJobRoundTripsThroughItsStoredKindAndPayload() throws {
        let jobs: [Job] = [
            .signingLinkEmail(linkID: SigningLinkID(rawValue: 4), token: "abc_-"),
            .signingLinkEmail(linkID: SigningLinkID(rawValue: 4), token: nil),
            .signedAgreementPDF(bookingID: BookingID(rawValue: 1), versionID: QuotationVersionID(rawValue: 2)),
            .signedConfirmationEmail(bookingID: BookingID(rawValue: 1), versionID: QuotationVersionID(rawValue: 2)),
            .teamNewBookingEmail(bookingID: BookingID(rawValue: 1), versionID: QuotationVersionID(rawValue: 2)),
            .teamUnavailableEmail(
                quotationID: QuotationID(rawValue: 5), versionID: QuotationVersionID(rawValue: 2),
                items: [UnavailableItem(productID: 9, description: "Tält \"stort\"", requested: 2, available: 0)]),
            .teamDeclinedEmail(
                quotationID: QuotationID(rawValue: 5), versionID: QuotationVersionID(rawValue: 2), declineID: 8),
            .testEmail(template: .teamDeclined, userID: UserID(rawValue: 7)),
            .invoiceEmail(invoiceID: 12),
            .invoiceReminderEmail(invoiceID: 12, reminderID: 3),
            .conversationReply(conversationID: 6, messageID: 14),
            .portalLinkEmail(linkID: 3, token: "abc_-"),
            .portalLinkEmail(linkID: 3, token: nil),
            .scheduled(name: "quotations.expire"),
            .triggerRun(triggerID: 2, eventID: 9, step: 0),
            .webhookDelivery(endpointID: 3, eventID: 812),
        ]
        // The database's emit_event queues deliveries with this key: the same one.
        #expect(jobs.last?.dedupeKey == "webhook.deliver:3:812")
        #expect(try jobs[jobs.count - 3].json() == #"{"kind":"schedule.run","schedule":"quotations.expire"}"#)
        // emit_event queues the first step of a run with this key.
        #expect(jobs[jobs.count - 2].dedupeKey == "trigger.run:2:9")
        for job in jobs { #expect(try Job(json: try job.json()) == job) }
        #expect(Set(jobs.map(\.kind)) == Set(Job.Kind.allCases))
        #expect(try jobs[2].json() == #"{"booking_id":1,"kind":"pdf.signed_agreement","quotation_version_id":2}"#)
        #expect(jobs[2].dedupeKey == "pdf.signed_agreement:2")
        #expect(jobs[3].dedupeKey == "email.signed:1")
        #expect(jobs[0].dedupeKey == nil, "each resend sends its own link")
        #expect(
            Job.invoiceReminderEmail(invoiceID: 12, reminderID: 3).dedupeKey == "email.invoice_reminder:3",
            "a reminder is emailed once")
        #expect(throws: DecodingError.self) { try Job(json: #"{"kind":"webhook.future"}"#) }
        #expect(try jobs[7].json() == #"{"kind":"email.test","template":"team_declined","user_id":7}"#)
        #expect(try jobs[8].json() == #"{"invoice_id":12,"kind":"email.invoice"}"#)
        #expect(jobs[7].dedupeKey == nil, "every test the admin asks for is sent")
    }
}

@Suite("Account rules")
struct UserRulesTests {
    @Test func theLastActiveAdminStaysAnActiveAdmin() {
        #expect(
            UserRules.refusal(current: .admin, currentlyActive: true, to: .manager, active: true, otherActiveAdmins: 0)
                == .lastAdmin)
        #expect(
            UserRules.refusal(current: .admin, currentlyActive: true, to: .admin, active: false, otherActiveAdmins: 0)
                == .lastAdmin)
        #expect(
            UserRules.refusal(current: .admin, currentlyActive: true, to: .manager, active: true, otherActiveAdmins: 1)
                == nil)
        #expect(
            UserRules.refusal(current: .admin, currentlyActive: true, to: .admin, active: true, otherActiveAdmins: 0)
                == nil)
    }

    @Test func anInactiveAdminOrAnotherRoleIsNotTheLastAdmin() {
        #expect(
            UserRules.refusal(
                current: .admin, currentlyActive: false, to: .manager, active: false, otherActiveAdmins: 0) == nil)
        #expect(
            UserRules.refusal(
                current: .support, currentlyActive: true, to: .support, active: false, otherActiveAdmins: 0) == nil)
    }

    @Test func nobodyDeactivatesTheirOwnAccount() {
        #expect(UserRules.deactivationRefusal(actor: UserID(rawValue: 7), target: UserID(rawValue: 7)) == .ownAccount)
        #expect(UserRules.deactivationRefusal(actor: UserID(rawValue: 7), target: UserID(rawValue: 8)) == nil)
    }
}
