import Database
import Domain
import HTTP
import Routing
import Templates

/// `/admin/quotations/{id}/versions/{n}`: the frozen version as the customer saw it, its links,
/// and the signature evidence or the decline.
enum QuotationVersionHandler {
    static func show(_ id: QuotationID, version: Int, _ admin: AdminContext) throws -> Response {
        guard let detail = try QuotationStore.versionDetail(try admin.connection(), quotationID: id, number: version)
        else {
            throw HTTPError(.notFound)
        }
        // A stored version is immutable: its decoded snapshot and sanitised terms are cached by hash.
        let frozen = try admin.base.caches.frozenVersion(sha256: detail.summary.sha256) { detail.snapshotJSON }
        let model = QuotationVersionPage.Model(
            quotationID: id, number: detail.quotationNumber, version: version, state: detail.summary.state,
            sentAt: detail.summary.sentAt, sentBy: detail.summary.sentByName, snapshot: frozen.snapshot,
            sha256: detail.summary.sha256, terms: frozen.terms,
            links: detail.links.map {
                .init(
                    createdAt: $0.createdAt, createdBy: $0.createdByName, recipient: $0.recipient,
                    expiresAt: $0.expiresAt,
                    voidedAt: $0.voidedAt, viewCount: $0.viewCount)
            },
            evidence: detail.signature, decline: detail.decline,
            bookingID: detail.booking?.id, bookingNumber: detail.booking?.number)
        return admin.html(QuotationVersionPage.render(model, admin: try admin.page()))
    }
}
