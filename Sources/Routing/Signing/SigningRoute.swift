/// The customer's signing portal. The token in the path is the credential.
public enum SigningRoute: Hashable, Sendable {
    /// `/sign/{token}` — the customer's agreement for a signing link.
    case show(token: String)
    /// `POST /sign/{token}` — the customer signs.
    case submit(token: String)
    /// `/sign/{token}/done` — thanks, with the booking number.
    case done(token: String)
    /// `POST /sign/{token}/decline` — the customer declines, with a reason.
    case decline(token: String)
    /// `/sign/{token}/offer.pdf` — the offer as sent, unsigned, rendered on request.
    case offer(token: String)
    /// `/sign/{token}/document.pdf` — the signed agreement once rendered.
    case document(token: String)
    /// `POST /sign/{token}/verify` — multipart upload of a PDF: does our seal on it hold, and is it
    /// this link's agreement? (The done page's check.)
    case verify(token: String)
}

extension SigningRoute: FeatureRoute {
    public var endpoint: Endpoint<SigningRoute> {
        switch self {
        case .show(let token):
            Endpoint(.get, ["sign", .text(token)], access: .anyone) { c in .show(token: c.texts[0]) }
        case .submit(let token):
            Endpoint(.post, ["sign", .text(token)], access: .anyone) { c in .submit(token: c.texts[0]) }
        case .done(let token):
            Endpoint(.get, ["sign", .text(token), "done"], access: .anyone) { c in .done(token: c.texts[0]) }
        case .decline(let token):
            Endpoint(.post, ["sign", .text(token), "decline"], access: .anyone) { c in .decline(token: c.texts[0]) }
        case .offer(let token):
            Endpoint(.get, ["sign", .text(token), "offer.pdf"], access: .anyone) { c in .offer(token: c.texts[0]) }
        case .document(let token):
            Endpoint(.get, ["sign", .text(token), "document.pdf"], access: .anyone) { c in .document(token: c.texts[0])
            }
        case .verify(let token):
            Endpoint(.post, ["sign", .text(token), "verify"], access: .anyone) { c in .verify(token: c.texts[0]) }
        }
    }

    public static let samples: [SigningRoute] = [
        .show(token: "t"), .submit(token: "t"), .done(token: "t"), .decline(token: "t"), .offer(token: "t"),
        .document(token: "t"), .verify(token: "t"),
    ]
}
