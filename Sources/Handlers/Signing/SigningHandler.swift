import Database
import Documents
import Domain
import Foundation
import HTTP
import Routing
import Sanitizer
import Sealing
import Templates
import UseCases

/// The customer's side: `/sign/{token}`.
enum SigningHandler {
    /// Shows the agreement frozen in the link's version, or the page for the link's state.
    /// A wrong and a never-issued token get the same 404 page. The first view is audited.
    static func show(token: String, context: Context) throws -> Response {
        try show(token: token, context: context, recordingView: true)
    }

    private static func show(token: String, context: Context, recordingView: Bool) throws -> Response {
        let db = try context.database.connection()
        guard isPlausible(token),
            let link = try SigningStore.lookup(db, tokenHash: SigningLinkToken.hash(ofPresented: token))
        else {
            return .html(SigningPage.renderUnknown(context: try unknownLinkPage(db, context)), status: .notFound)
        }
        let page = try pageContext(for: link, db, context)
        let version = try frozenVersion(of: link, db, context)
        if recordingView, link.viewDue {
            try SigningStore.recordView(
                db, linkID: link.linkID, quotationID: link.quotationID, requestID: context.request.requestID,
                clientAddress: context.request.clientAddress)
        }

        let state: SigningPage.LinkState
        var status = HTTPStatus.ok
        switch link.state {
        case .valid: state = .valid
        case .signed:
            state = .signed(bookingNumber: link.bookingNumber ?? "", signedAt: link.signedAt ?? link.expiresAt)
        case .declined: state = .declined
        case .expired:
            state = .expired
            status = .gone
        case .voided:
            state = .voided
            status = .gone
        }
        let customer = version.snapshot.customer
        let form = SigningPage.Form(
            action: .signing(.submit(token: token)), formToken: formToken(for: token), name: customer.name,
            email: customer.email)
        return .html(
            SigningPage.render(
                state: state, snapshot: version.snapshot, snapshotSHA256: link.snapshotSHA256, terms: version.terms,
                agreementHTML: context.caches.agreementHTML(sha256: link.snapshotSHA256, language: context.language) {
                    SigningPage.agreementHTML(
                        version.snapshot, sha256: link.snapshotSHA256, terms: version.terms, language: context.language)
                }, form: form, context: page),
            status: status)
    }

    /// A browser names the page a POST comes from in `Origin`; one that names another site is
    /// refused. "This site" is `EG_PUBLIC_URL`, not the request's `Host`. Customers' browsers that
    /// send no `Origin` are let through: the link's token is the credential, not a cookie.
    private static func refuseCrossSite(_ context: Context) throws {
        if let origin = context.request.headers["origin"], origin != context.services.publicOrigin {
            throw HTTPError(.forbidden)
        }
    }

    /// `POST /sign/{token}`: validates the form; on success signs in one transaction (see
    /// `SignQuotation`) and redirects to the done page. Invalid input → 400 with the form
    /// again, errors next to the fields, nothing stored.
    static func submit(token: String, context: Context) throws -> Response {
        let request = context.request
        try refuseCrossSite(context)
        let db = try context.database.connection()
        let tokenHash = SigningLinkToken.hash(ofPresented: token)
        guard isPlausible(token), let link = try SigningStore.lookup(db, tokenHash: tokenHash) else {
            return .html(SigningPage.renderUnknown(context: try unknownLinkPage(db, context)), status: .notFound)
        }
        let page = try pageContext(for: link, db, context)
        let s = context.strings
        let fields = request.form
        var form = SigningPage.Form(
            action: .signing(.submit(token: token)), formToken: formToken(for: token),
            name: trimmed(fields["signer_name"]), email: trimmed(fields["signer_email"]),
            typed: trimmed(fields["typed_signature"]), consent: fields["consent"] == "yes")
        if fields["form_token"] != form.formToken { form.errors[.form] = s.signing.errorFormToken }
        if form.name.isEmpty || form.name.lengthForLimits > 200 { form.errors[.name] = s.signing.errorName }
        if !EmailAddressRule.isValid(form.email) { form.errors[.email] = s.signing.errorEmail }
        // A drawn signature (from the pad) or a typed one (always possible, also without JavaScript).
        var drawn: SignatureStrokes?
        if fields["method"] == "drawn" {
            do {
                drawn = try SignatureStrokes(json: fields["strokes"] ?? "")
            } catch {
                form.errors[.strokes] = s.signing.errorStrokes
            }
        } else if form.typed.isEmpty || form.typed.lengthForLimits > 200 {
            form.errors[.typed] = s.signing.errorTyped
        }
        if !form.consent { form.errors[.consent] = s.signing.errorConsent }

        if !form.errors.isEmpty, link.state == .valid {
            let version = try frozenVersion(of: link, db, context)
            return .html(
                SigningPage.render(
                    state: .valid, snapshot: version.snapshot, snapshotSHA256: link.snapshotSHA256,
                    terms: version.terms, form: form, context: page),
                status: .badRequest)
        }
        let outcome = try SignQuotation.run(
            db, tokenHash: tokenHash, signature: drawn.map { .drawn(strokesJSON: $0.json) } ?? .typed(name: form.typed),
            evidence: SigningEvidenceInput(
                signerName: form.name, signerEmail: form.email, ipAddress: request.clientAddress,
                userAgent: String((request.headers["user-agent"] ?? "").prefix(500))))
        switch outcome {
        case .signed, .alreadySigned:
            return .redirect(to: Route.signing(.done(token: token)).path)
        case .unavailable:
            return .html(SigningPage.renderUnavailable(context: page), status: .conflict)
        case .notFound:
            return .html(SigningPage.renderUnknown(context: page), status: .notFound)
        case .declined, .expired, .voided:
            // The link is no longer signable: its own page says why.
            return try show(token: token, context: context)
        }
    }

    /// The longest decline reason kept (the form's `maxlength`); a longer one is refused, not cut.
    static let maximumReasonLength = 2000

    /// `POST /sign/{token}/decline`: records the decline (once) and shows the link's page, which
    /// then says the offer was declined.
    static func decline(token: String, context: Context) throws -> Response {
        let request = context.request
        try refuseCrossSite(context)
        guard isPlausible(token), request.form["form_token"] == formToken(for: token) else {
            throw HTTPError(.badRequest, reason: context.strings.signing.errorFormToken)
        }
        let reason = (request.form["reason"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard reason.lengthForLimits <= maximumReasonLength else {
            throw HTTPError(.badRequest, reason: context.strings.signing.errorReasonTooLong(maximumReasonLength))
        }
        let db = try context.database.connection()
        _ = try DeclineQuotation.run(
            db, tokenHash: SigningLinkToken.hash(ofPresented: token), reason: reason,
            evidence: SigningEvidenceInput(
                signerName: "", signerEmail: nil, ipAddress: request.clientAddress,
                userAgent: String((request.headers["user-agent"] ?? "").prefix(500))))
        return .redirect(to: Route.signing(.show(token: token)).path)
    }

    /// `/sign/{token}/done`: thanks and the booking number; back to the agreement if not signed.
    static func done(token: String, context: Context) throws -> Response {
        let db = try context.database.connection()
        guard isPlausible(token),
            let link = try SigningStore.lookup(db, tokenHash: SigningLinkToken.hash(ofPresented: token))
        else {
            return .html(SigningPage.renderUnknown(context: try unknownLinkPage(db, context)), status: .notFound)
        }
        guard link.state == .signed, let booking = link.bookingNumber else {
            return .redirect(to: Route.signing(.show(token: token)).path)
        }
        return .html(
            SigningPage.renderDone(
                bookingNumber: booking, document: .signing(.document(token: token)),
                verify: .signing(.verify(token: token)), context: try pageContext(for: link, db, context)))
    }

    /// `POST /sign/{token}/verify`: the done page's check of an uploaded PDF, offline (the trust
    /// roots and what the file embeds; no network): does our seal hold, and is it this link's
    /// agreement? The file is not stored. No file, or not a sealed PDF: 400 with the page.
    static func verify(token: String, context: Context) throws -> Response {
        try refuseCrossSite(context)
        let db = try context.database.connection()
        guard isPlausible(token),
            let link = try SigningStore.lookup(db, tokenHash: SigningLinkToken.hash(ofPresented: token)),
            link.state == .signed, let booking = link.bookingNumber
        else {
            return .html(SigningPage.renderUnknown(context: try unknownLinkPage(db, context)), status: .notFound)
        }
        let page = try pageContext(for: link, db, context)
        func done(_ check: SealCheckView?, error: String? = nil, status: HTTPStatus) -> Response {
            .html(
                SigningPage.renderDone(
                    bookingNumber: booking, document: .signing(.document(token: token)),
                    verify: .signing(.verify(token: token)), check: check, checkError: error, context: page),
                status: status)
        }
        guard let file = context.request.form.file("document"), !file.bytes.isEmpty else {
            return done(nil, error: context.strings.signing.checkMissing, status: .badRequest)
        }
        let report = SealVerifier.verify(file.bytes, trust: context.services.sealTrust)
        let stored = try SigningStore.agreementPDF(db, versionID: link.versionID)
        let sameFile = stored.map { SHA256.hash($0) == SHA256.hash(file.bytes) } ?? false
        let verdict: SealCheckView.Verdict =
            switch report.failure {
            case nil: .valid
            case .changedAfterSealing: .changed
            case .signatureBroken: .broken
            case .untrusted: .untrusted
            case .timestampInvalid: .timestampInvalid
            case .notSealed: .notSealed
            case .unreadable: .unreadable
            }
        let check = SealCheckView(
            verdict: verdict, matchesThisAgreement: sameFile || report.versionSHA256 == link.snapshotSHA256,
            signer: report.signer, sealedAt: report.timestamp, versionSHA256: report.versionSHA256)
        return done(check, status: verdict == .notSealed || verdict == .unreadable ? .badRequest : .ok)
    }

    /// `/sign/{token}/offer.pdf`: the frozen version as a PDF without signature, in the reader's
    /// language; rendered once per version and language (`DocumentCache`). Only while the link is
    /// valid or signed: otherwise the link's page, as 410.
    static func offer(token: String, context: Context) throws -> Response {
        let db = try context.database.connection()
        guard isPlausible(token),
            let link = try SigningStore.lookup(db, tokenHash: SigningLinkToken.hash(ofPresented: token))
        else {
            return .html(SigningPage.renderUnknown(context: try unknownLinkPage(db, context)), status: .notFound)
        }
        // The PDF follows the page: only a link that can be signed, or was, still offers it; for
        // the others the link's own page says why, as 410.
        guard link.state == .valid || link.state == .signed else {
            var page = try show(token: token, context: context, recordingView: false)
            page.status = .gone
            return page
        }
        let pdf = try context.services.documents.offerPDF(sha256: link.snapshotSHA256, language: context.language) {
            let version = try frozenVersion(of: link, db, context)
            return try AgreementRenderer.render(
                AgreementDocument(
                    snapshot: version.snapshot, terms: RichTextReader.blocks(version.terms), language: context.language)
            )
        }
        let number = try frozenVersion(of: link, db, context).snapshot.number
        return Response(
            status: .ok,
            headers: [
                ("Content-Type", "application/pdf"), ("Cache-Control", "no-store"),
                ("Content-Disposition", "inline; filename=\"\(number).pdf\""),
            ],
            body: pdf)
    }

    /// `/sign/{token}/document.pdf`: the signed PDF once the worker has rendered it; until then a
    /// page that says it is being prepared and refreshes itself.
    static func document(token: String, context: Context) throws -> Response {
        let db = try context.database.connection()
        guard isPlausible(token),
            let link = try SigningStore.lookup(db, tokenHash: SigningLinkToken.hash(ofPresented: token)),
            link.state == .signed
        else {
            return .html(SigningPage.renderUnknown(context: try unknownLinkPage(db, context)), status: .notFound)
        }
        guard let pdf = try SigningStore.agreementPDF(db, versionID: link.versionID) else {
            let page = try pageContext(for: link, db, context)
            var response = Response.html(SigningPage.renderPreparing(context: page), status: .accepted)
            response.headers.append(("Refresh", "3"))
            return response
        }
        return Response(
            status: .ok,
            headers: [
                ("Content-Type", "application/pdf"), ("Cache-Control", "no-store"),
                ("Content-Disposition", "inline; filename=\"\(link.bookingNumber ?? "avtal").pdf\""),
            ],
            body: pdf)
    }

    /// The page chrome for a found link: the company profile comes from this thread's cache unless
    /// the settings changed (the lookup read their stamp in the same round trip).
    private static func pageContext(
        for link: SigningPageData, _ db: Connection, _ context: Context
    ) throws -> PageContext {
        context.pageContext(
            company: try context.caches.companyProfile(stamp: link.settingsStamp) {
                try CompanyStore.stampedProfile(db)
            })
    }

    /// The page chrome for a token that matches no link (read fresh: nothing else was read).
    private static func unknownLinkPage(_ db: Connection, _ context: Context) throws -> PageContext {
        context.pageContext(company: try CompanyStore.profile(db))
    }

    /// The link's frozen version, decoded once per thread; its JSON is read only on the first use.
    private static func frozenVersion(
        of link: SigningPageData, _ db: Connection, _ context: Context
    ) throws -> ThreadCaches.FrozenVersion {
        try context.caches.frozenVersion(sha256: link.snapshotSHA256) {
            try SigningStore.snapshotJSON(db, versionID: link.versionID)
        }
    }

    /// The form's token: derived from the link's token, so only someone who has the link can
    /// produce it, and a form from another link is refused.
    static func formToken(for token: String) -> String {
        SHA256.hexDigest(Array("eventgaraget-sign-form:\(token)".utf8))
    }

    private static func trimmed(_ value: String?) -> String {
        (value ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
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
