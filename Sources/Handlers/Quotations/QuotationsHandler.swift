import HTTP
import Routing

/// The quotations feature: the list, the new-quotation form, the editor, the actions and the
/// frozen versions, each in its own handler.
enum QuotationsHandler {
    static func handle(_ route: QuotationsRoute, _ admin: AdminContext) throws -> Response {
        switch route {
        case .list(let query): try QuotationListHandler.show(query, admin)
        case .new(let query): try QuotationNewHandler.show(query, admin)
        case .create: try QuotationNewHandler.create(admin)
        case .show(let id): try QuotationEditorHandler.show(id, admin)
        case .update(let id): try QuotationEditorHandler.update(id, admin)
        case .send(let id): try QuotationActionHandler.send(id, admin)
        case .resend(let id): try QuotationActionHandler.resend(id, admin)
        case .void(let id): try QuotationActionHandler.void(id, admin)
        case .duplicate(let id): try QuotationActionHandler.duplicate(id, admin)
        case .version(let id, let version): try QuotationVersionHandler.show(id, version: version, admin)
        }
    }
}
