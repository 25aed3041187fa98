import Domain
import Foundation
import HTTP
import Routing
import Templates

/// What the customer, product and add-on handlers share: reading a list's cursor and a form's
/// version, and turning field problems into the messages shown next to the fields.
enum RecordForms {
    /// The list's `after` parameter: absent, or an id this site printed. - Throws: 400 otherwise.
    static func cursor(_ after: String?, _ admin: AdminContext) throws -> Int64? {
        guard let text = after else { return nil }
        guard let value = Int64(text), value > 0, String(value) == text else {
            throw HTTPError(.badRequest, reason: admin.strings.listCursorInvalid)
        }
        return value
    }

    /// The `version` the edit form was loaded at. - Throws: 400 when missing or not a number.
    static func version(_ admin: AdminContext) throws -> Int {
        guard let text = admin.request.form["version"], let value = Int(text), value > 0 else {
            throw HTTPError(.badRequest, reason: admin.strings.recordVersionMissing)
        }
        return value
    }

    /// Field name → message, in the user's language.
    static func errors<Field: RawRepresentable>(
        _ problems: [Field: RecordFieldProblem], _ strings: Strings
    ) -> [String: String]
    where Field.RawValue == String {
        var errors: [String: String] = [:]
        for (field, problem) in problems { errors[field.rawValue] = strings.recordProblem(problem) }
        return errors
    }
}
