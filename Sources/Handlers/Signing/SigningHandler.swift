import Database
import Domain
import FCGIHost
import Templates

/// The customer's side: `/sign/{token}`.
enum SigningHandler {
    /// Shows the agreement frozen in the link's version, or the page for the link's state.
    /// A wrong and a never-issued token get the same 404 page. The first view is audited.
    static func show(token: String, context: Context) throws -> Response {
        let db = try context.database.connection()
        let page = context.pageContext(company: try CompanyStore.profile(db))
        guard isPlausible(token),
              let link = try SigningPageStore.lookup(db, tokenHash: SigningLinkToken.hash(ofPresented: token))
        else {
            return .html(SigningPage.renderUnknown(context: page), status: .notFound)
        }
        let version = try context.caches.frozenVersion(sha256: link.snapshotSHA256, json: link.snapshotJSON)
        try SigningPageStore.recordView(
            db, linkID: link.linkID, quotationID: link.quotationID, requestID: context.request.requestID,
            clientAddress: context.request.clientAddress)

        let state: SigningPage.LinkState
        var status = HTTPStatus.ok
        switch link.state {
        case .valid: state = .valid
        case .signed: state = .signed(bookingNumber: link.bookingNumber ?? "", signedAt: link.signedAt ?? link.expiresAt)
        case .declined: state = .declined
        case .expired:
            state = .expired
            status = .gone
        case .voided:
            state = .voided
            status = .gone
        }
        return .html(
            SigningPage.render(
                state: state, snapshot: version.snapshot, snapshotSHA256: link.snapshotSHA256, terms: version.terms,
                context: page),
            status: status)
    }

    /// Tokens are 43 characters of URL-safe base64; anything else cannot match and is not looked up.
    static func isPlausible(_ token: String) -> Bool {
        token.utf8.count == 43
            && token.utf8.allSatisfy { byte in
                (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                    || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_")
            }
    }
}
