import Database
import Domain
import Foundation
import HTTP
import Logging
import Routing
import Webhooks

/// `POST /hooks/{token}`: a program posts one Standard Webhooks message. The token finds an
/// active hook, the signature (`webhook-id`, `webhook-timestamp` within five minutes,
/// `webhook-signature` with the hook's secret) proves the sender, and the JSON object becomes a
/// `hook.received` event — for a lead hook also a customer and a draft quotation — once per
/// `webhook-id`: a retry of an accepted message gets 200 and changes nothing.
///
/// The caller is a program, so every answer is JSON with a short English reason, and a 4xx
/// says what to fix: 404 unknown or disabled hook, 401 bad signature, 400 not a JSON object,
/// 415 not JSON, 422 a lead the mapping cannot read.
enum IncomingHookHandler {
    static func handle(_ route: HookRoute, context: Context) throws -> Response {
        switch route {
        case .receive(let token): try receive(token: token, context: context)
        }
    }

    static func receive(token: String, context: Context) throws -> Response {
        let request = context.request
        let db = try context.database.connection()
        guard let hook = try IncomingHookStore.receiving(db, tokenHash: SHA256.hash(Array(token.utf8))) else {
            return answer(.notFound, ["error": .string("no such hook")])
        }
        let id = request.headers["webhook-id"] ?? ""
        guard !id.isEmpty, id.count <= 200,
            WebhookSignature.verify(
                secret: hook.secret, id: id, timestamp: request.headers["webhook-timestamp"] ?? "", body: request.body,
                header: request.headers["webhook-signature"] ?? "")
        else {
            context.logger.notice("incoming hook refused a signature", metadata: ["hook": "\(hook.id)"])
            return answer(
                .unauthorized,
                [
                    "error": .string(
                        "the webhook-id, webhook-timestamp (within 5 minutes) or webhook-signature is not valid")
                ])
        }
        let type = (request.headers["content-type"] ?? "").split(separator: ";").first.map {
            $0.trimmingCharacters(in: .whitespaces).lowercased()
        }
        guard type == "application/json" else {
            return answer(.unsupportedMediaType, ["error": .string("send Content-Type: application/json")])
        }
        guard let text = String(validating: request.body, as: UTF8.self), let body = try? JSONValue(json: text),
            case .object = body
        else {
            return answer(.badRequest, ["error": .string("the body is not a JSON object")])
        }
        var lead: Lead?
        if hook.kind == .lead {
            switch hook.mapping.lead(from: body) {
            case .success(let read): lead = read
            case .failure(let problems):
                return answer(
                    .unprocessableContent,
                    ["error": .string("not a lead"), "problems": .array(problems.problems.map(JSONValue.string))])
            }
        }
        switch try IncomingHookStore.receive(db, hook: hook, messageID: id, bodyJSON: text, lead: lead) {
        case .duplicate(let eventID):
            return answer(
                .ok, ["status": .string("duplicate"), "event_id": eventID.map { .number(Double($0)) } ?? .null])
        case .accepted(let eventID, let customerID, let customerCreated, let quotationID):
            var fields: [String: JSONValue] = ["status": .string("accepted"), "event_id": .number(Double(eventID))]
            if let customerID {
                fields["customer_id"] = .number(Double(customerID))
                fields["customer_created"] = .bool(customerCreated)
                fields["quotation_id"] = quotationID.map { .number(Double($0)) } ?? .null
            }
            return answer(.accepted, fields)
        }
    }

    static func answer(_ status: HTTPStatus, _ fields: [String: JSONValue]) -> Response {
        Response(
            status: status,
            headers: [("Content-Type", "application/json"), ("Cache-Control", "no-store")],
            body: Array((JSONValue.object(fields).text + "\n").utf8))
    }
}
