import HTTP
import Routing

extension SigningHandler {
    /// The signing portal's routes; the token is the credential, checked by each page.
    static func handle(_ route: SigningRoute, context: Context) throws -> Response {
        switch route {
        case .show(let token): try show(token: token, context: context)
        case .submit(let token): try submit(token: token, context: context)
        case .done(let token): try done(token: token, context: context)
        case .decline(let token): try decline(token: token, context: context)
        case .offer(let token): try offer(token: token, context: context)
        case .document(let token): try document(token: token, context: context)
        case .verify(let token): try verify(token: token, context: context)
        }
    }
}
