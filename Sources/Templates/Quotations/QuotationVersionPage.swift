public import Domain
public import Foundation
import Routing
public import Sanitizer

/// `/admin/quotations/{id}/versions/{n}`: one frozen version exactly as the customer saw it (the
/// signing page's rendering), with its links, and once signed the signature evidence and the
/// booking; once declined, the decline.
public enum QuotationVersionPage {
    public struct LinkRow: Sendable {
        public let createdAt: Date
        public let createdBy: String?
        public let recipient: String
        public let expiresAt: Date
        public let voidedAt: Date?
        public let viewCount: Int

        public init(
            createdAt: Date, createdBy: String?, recipient: String, expiresAt: Date, voidedAt: Date?, viewCount: Int
        ) {
            self.createdAt = createdAt
            self.createdBy = createdBy
            self.recipient = recipient
            self.expiresAt = expiresAt
            self.voidedAt = voidedAt
            self.viewCount = viewCount
        }
    }

    public struct Model: Sendable {
        public let quotationID: QuotationID
        public let number: String
        public let version: Int
        public let state: QuotationVersionState
        public let sentAt: Date?
        public let sentBy: String?
        public let snapshot: QuotationSnapshot
        public let sha256: String
        public let terms: SanitizedHTML
        public let links: [LinkRow]
        public let evidence: SignatureEvidence?
        public let decline: DeclineRecord?
        public let bookingID: BookingID?
        public let bookingNumber: String?

        public init(
            quotationID: QuotationID, number: String, version: Int, state: QuotationVersionState, sentAt: Date?,
            sentBy: String?, snapshot: QuotationSnapshot, sha256: String, terms: SanitizedHTML, links: [LinkRow],
            evidence: SignatureEvidence?, decline: DeclineRecord?, bookingID: BookingID?, bookingNumber: String?
        ) {
            self.quotationID = quotationID
            self.number = number
            self.version = version
            self.state = state
            self.sentAt = sentAt
            self.sentBy = sentBy
            self.snapshot = snapshot
            self.sha256 = sha256
            self.terms = terms
            self.links = links
            self.evidence = evidence
            self.decline = decline
            self.bookingID = bookingID
            self.bookingNumber = bookingNumber
        }
    }

    public static func render(_ model: Model, admin: AdminPage) -> [UInt8] {
        let s = admin.strings
        let title = s.quotations.versionTitle(model.number, model.version)
        return AdminLayout.page(title: title, admin) {
            div(.class("page-head")) {
                h1 {
                    title
                    " "
                    QuotationBits.badge(model.state, s)
                }
                a(.href(SafeURL(.admin(.quotations(.show(model.quotationID)))))) { s.quotations.backToQuotation }
            }
            p(.class("meta")) {
                if let sentAt = model.sentAt { "\(s.quotations.sentColumn) \(DisplayFormat.dateTime(sentAt))" }
                if let by = model.sentBy { " · \(s.quotations.sentByColumn) \(by)" }
                " · SHA-256 "
                code(.class("sha")) { model.sha256 }
            }
            if let evidence = model.evidence {
                section(.class("card evidence"), .id("evidence")) {
                    h2 { s.quotations.evidenceHeading }
                    dl(.class("facts")) {
                        dt { s.quotations.signer }
                        dd(.data("data-evidence", "signer")) { evidence.signerName }
                        dt { s.quotations.signerEmail }
                        dd { evidence.signerEmail ?? "–" }
                        dt { s.quotations.method }
                        dd(.data("data-evidence", "method")) {
                            evidence.method == "typed"
                                ? s.quotations.methodTyped(evidence.typedText ?? "")
                                : s.quotations.methodDrawn(evidence.strokeCount)
                        }
                        dt { s.quotations.ip }
                        dd(.data("data-evidence", "ip")) { evidence.ip ?? "–" }
                        dt { s.quotations.userAgent }
                        dd(.data("data-evidence", "user-agent")) { evidence.userAgent ?? "–" }
                        dt { s.quotations.signedAtUTC }
                        dd(.data("data-evidence", "signed-at")) { QuotationBits.utc(evidence.signedAt) }
                        dt { s.quotations.documentSHA }
                        dd { code(.class("sha"), .data("data-evidence", "sha256")) { evidence.documentSHA256 } }
                        if let bookingID = model.bookingID, let number = model.bookingNumber {
                            dt { s.quotations.booking }
                            dd {
                                a(.href(SafeURL(.admin(.bookings(.show(bookingID))))), .data("data-booking", number)) {
                                    number
                                }
                            }
                        }
                    }
                }
            }
            if let decline = model.decline {
                section(.class("card decline-record")) {
                    h2 { s.quotations.declineHeading }
                    dl(.class("facts")) {
                        dt { s.quotations.declineReason }
                        dd(.class("prewrap")) {
                            decline.reason.flatMap { $0.isEmpty ? nil : $0 } ?? s.quotations.noReason
                        }
                        dt { s.quotations.declinedAt }
                        dd { QuotationBits.utc(decline.declinedAt) }
                        dt { s.quotations.ip }
                        dd { decline.ip ?? "–" }
                    }
                }
            }
            if !model.links.isEmpty {
                section(.class("card")) {
                    h2 { s.quotations.linksHeading }
                    div(.class("table-scroll")) {
                        table(.class("list")) {
                            thead {
                                tr {
                                    th(.attr("scope", "col")) { s.quotations.linkCreated }
                                    th(.attr("scope", "col")) { s.quotations.linkRecipient }
                                    th(.attr("scope", "col")) { s.quotations.linkExpires }
                                    th(.attr("scope", "col")) { s.quotations.linkState }
                                    th(.attr("scope", "col"), .class("number")) { s.quotations.linkViews }
                                }
                            }
                            tbody {
                                for link in model.links {
                                    tr {
                                        td {
                                            DisplayFormat.dateTime(link.createdAt)
                                            if let by = link.createdBy { " · \(by)" }
                                        }
                                        td { link.recipient }
                                        td { DisplayFormat.dateTime(link.expiresAt) }
                                        td {
                                            if let voided = link.voidedAt {
                                                span(.class("badge")) { s.quotations.linkVoided }
                                                " \(DisplayFormat.dateTime(voided))"
                                            } else if model.state != .sent {
                                                QuotationBits.badge(model.state, s)
                                            } else if link.expiresAt <= Date() {
                                                span(.class("badge bad")) { s.quotations.linkExpired }
                                            } else {
                                                span(.class("badge warn")) { s.quotations.linkLive }
                                            }
                                        }
                                        td(.class("number")) { String(link.viewCount) }
                                    }
                                }
                            }
                        }
                    }
                }
            }
            h2 { s.quotations.documentHeading }
            SigningPage.agreement(
                model.snapshot, sha256: model.sha256, terms: model.terms, s: s, language: admin.language)
        }.rendered()
    }
}
