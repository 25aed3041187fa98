import Domain
import Foundation
import Routing
import Testing

@testable import Templates

/// The custom fields' pages and inputs with hostile labels, help, options and values: nothing an
/// admin or a record's editor typed comes out as markup.
@Suite("Custom field pages escape what was typed")
struct CustomFieldPagesEscapingTests {
    static let hostile = EscapingTests.hostile

    @Test(arguments: hostile)
    func fieldsPageFormsListsAndFilters(_ value: String) throws {
        let page = RecordPagesEscapingTests().admin(value)
        func inert(_ bytes: [UInt8], sourceLocation: SourceLocation = #_sourceLocation) {
            RecordPagesEscapingTests().expectInert(bytes, sourceLocation: sourceLocation)
        }
        let definitions = CustomFieldKind.allCases.enumerated().map { index, kind in
            CustomFieldDefinition(
                id: CustomFieldID(rawValue: Int64(index + 1)), entity: .customer, key: "f\(index)", kind: kind,
                label: value, help: value, options: [value, "b"], defaultValue: value, listColumn: true,
                filterable: true)
        }
        inert(CustomFieldsPage.render(definitions, admin: page))
        inert(
            CustomFieldsPage.renderForm(
                definitions[0], form: FormState(values: ["label": value, "help": value, "options": value]),
                admin: page))
        var values: [String: String] = [:]
        var stored: [String: JSONValue] = [:]
        for definition in definitions {
            values[definition.formName] = value
            stored[definition.key] = .string(value)
        }
        var record = CustomerRecord(
            id: CustomerID(rawValue: 1), profile: RecordPagesEscapingTests().profile(value), version: 1,
            archivedAt: nil, createdAt: Date(), updatedAt: Date())
        record.custom = stored
        inert(
            CustomerFormPage.render(
                mode: .new, form: FormState(values: values, errors: ["cf_f0": value]), fields: definitions, admin: page)
        )
        var summary = CustomerSummary(
            id: CustomerID(rawValue: 1), kind: .person, name: value, companyName: value, email: value, phone: value,
            city: value, archived: false)
        summary.custom = stored
        var query = CustomerListQuery(search: value)
        query.custom = values
        inert(
            CustomerListPage.render(
                page: RecordPage(rows: [summary], nextAfter: 1), query: query, fields: definitions, admin: page))
    }
}
