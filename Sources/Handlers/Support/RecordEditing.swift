import Domain
import HTTP
import Routing
import Templates

/// A store's refusal to write a record (customer, product, add-on), whatever its error type.
protocol RecordStoreRefusal: Error {
    associatedtype Record
    associatedtype Field: RawRepresentable & Hashable & CaseIterable where Field.RawValue == String
    var refusal: RecordRefusal<Record, Field> { get }
}

/// Why a store did not write a record.
enum RecordRefusal<Record, Field: Hashable> {
    case notFound
    /// Someone saved the record since the form was loaded; here is what they saved.
    case conflict(current: Record)
    /// The database refused values, named by their form fields.
    case invalid([Field: RecordFieldProblem])
}

/// Messages by field name for a form that was refused before anything was written.
struct FieldMessages: Error {
    var messages: [String: String]

    init(messages: [String: String]) { self.messages = messages }

    /// The shared wording of each field's problem, in the user's language.
    init<Field: RawRepresentable>(_ problems: [Field: RecordFieldProblem], _ strings: Strings)
    where Field.RawValue == String {
        messages = RecordForms.errors(problems, strings)
    }
}

/// The create and update steps the customer, product and add-on forms share. Each handler gives
/// its validation, its form page and its store calls; every form answers alike:
/// - problems in what was typed (found by the Domain draft or by the store): the form again with
///   the typed values and a message next to each field, 400, nothing written;
/// - someone saved the record since the form was loaded: the form with the current values and the
///   conflict message, 409;
/// - a record that does not exist: 404;
/// - success: a redirect with a flash message (POST → redirect → GET).
struct RecordEditing<Draft, Failure: RecordStoreRefusal, Mode> {
    typealias Record = Failure.Record
    typealias Field = Failure.Field

    let admin: AdminContext
    /// The draft from the typed values (the Domain draft's validation), or a message per field.
    let validate: ([String: String]) -> Result<Draft, FieldMessages>
    /// The form page in `mode` showing `form`, answered with `status`.
    let page: (_ mode: Mode, _ form: FormState, _ status: HTTPStatus) throws -> Response
    /// A stored record's edit mode, form values and version: the edit page, and the current values
    /// after a conflict.
    let stored: (Record) -> (mode: Mode, values: [String: String], version: Int)
    /// The store's field problems as messages; the shared wording unless the form says more.
    let messages: ([Field: RecordFieldProblem]) -> [String: String]
    /// Posted values the draft's fields do not name (the record's custom fields).
    let extraValues: () -> [String: String]

    init(
        _ admin: AdminContext,
        validate: @escaping ([String: String]) -> Result<Draft, FieldMessages>,
        page: @escaping (_ mode: Mode, _ form: FormState, _ status: HTTPStatus) throws -> Response,
        stored: @escaping (Record) -> (mode: Mode, values: [String: String], version: Int),
        messages: (([Field: RecordFieldProblem]) -> [String: String])? = nil,
        extraValues: @escaping () -> [String: String] = { [:] }
    ) {
        self.extraValues = extraValues
        self.admin = admin
        self.validate = validate
        self.page = page
        self.stored = stored
        self.messages = messages ?? { RecordForms.errors($0, admin.strings) }
    }

    /// The form's fields, as named in the Domain draft.
    static var fieldNames: [String] { Field.allCases.map(\.rawValue) }

    /// The edit form filled from the stored record.
    func edit(_ record: Record) throws -> Response {
        try form(of: record, formError: nil, status: .ok)
    }

    /// Validates the posted form and inserts the draft; `insert` returns where to go next.
    func create(_ mode: Mode, insert: (Draft) throws -> Route) throws -> Response {
        let values = admin.formValues(Self.fieldNames).merging(extraValues()) { first, _ in first }
        return try write(mode, values, flash: .created) { try insert($0) }
    }

    /// Reads the version the form was loaded at (400 without one), validates the posted form and
    /// saves the draft at that version; `mode` names the form again from the typed values and
    /// `save` returns where to go next.
    func update(
        mode: ([String: String]) throws -> Mode, save: (_ draft: Draft, _ version: Int) throws -> Route
    ) throws -> Response {
        let version = try RecordForms.version(admin)
        var values = admin.formValues(Self.fieldNames).merging(extraValues()) { first, _ in first }
        values["version"] = String(version)
        return try write(try mode(values), values, flash: .saved) { try save($0, version) }
    }

    private func write(
        _ mode: Mode, _ values: [String: String], flash: Flash, _ body: (Draft) throws -> Route
    ) throws -> Response {
        let draft: Draft
        switch validate(values) {
        case .success(let valid): draft = valid
        case .failure(let refused): return try self.refused(mode, values, refused.messages)
        }
        do {
            return admin.redirect(to: try body(draft), flash: flash)
        } catch let failure as Failure {
            switch failure.refusal {
            case .notFound: throw HTTPError(.notFound)
            case .conflict(let current):
                return try form(of: current, formError: admin.strings.conflictMessage, status: .conflict)
            case .invalid(let problems): return try refused(mode, values, messages(problems))
            }
        }
    }

    /// The form filled from the stored record (a conflict shows the current values this way).
    private func form(of record: Record, formError: String?, status: HTTPStatus) throws -> Response {
        let shown = stored(record)
        var values = shown.values
        values["version"] = String(shown.version)
        return try page(shown.mode, FormState(values: values, formError: formError), status)
    }

    /// The form again with what was typed and the problems next to the fields; 400, nothing written.
    private func refused(_ mode: Mode, _ values: [String: String], _ errors: [String: String]) throws -> Response {
        try page(mode, FormState(values: values, errors: errors), .badRequest)
    }
}
