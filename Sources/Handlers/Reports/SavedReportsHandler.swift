import Database
import Domain
import Foundation
import HTTP
import Routing
import Templates
import UseCases

/// `/admin/reports/saved…`: saved reports. Every staff member sees the reports shared with their
/// role (an admin all of them; any other report answers 404, as if it did not exist); admins build
/// them in a form that works without JavaScript. Each save is one `SaveReport` run; a refused
/// definition (an unknown column, operator, value…) answers 400 with the reason next to its part
/// of the form, and nothing is stored.
enum SavedReportsHandler {
    /// The entities and columns reports may use. Custom fields' columns join here at run time
    /// (`ReportCatalog.builtIn.adding(fields)`).
    /// The built-in columns and every active custom field of the four entities that have them.
    static func catalog(_ admin: AdminContext) throws -> ReportCatalog {
        let db = try admin.connection()
        var fields: [ReportCustomField] = []
        for (entity, key) in [
            (CustomFieldEntity.booking, "bookings"), (.quotation, "quotations"), (.customer, "customers"),
            (.product, "products"),
        ] {
            for field in try CustomFieldStore.active(db, entity) {
                guard let type = reportType(field.kind) else { continue }
                fields.append(ReportCustomField(entity: key, key: field.key, name: field.label, type: type))
            }
        }
        return ReportCatalog.builtIn.adding(fields)
    }

    /// How a custom field reads in a report: numbers and amounts (öre) sum, dates group, yes/no
    /// counts; choices, links and lists read as their stored text. Files are not reported on.
    static func reportType(_ kind: CustomFieldKind) -> ReportColumnType? {
        switch kind {
        case .number: .number
        case .money: .money
        case .date: .date
        case .yesNo: .bool
        case .text, .longText, .choice, .multiChoice, .customer, .product: .text
        case .file: nil
        }
    }

    static func handle(_ route: SavedReportsRoute, _ admin: AdminContext) throws -> Response {
        switch route {
        case .list:
            let reports = try SavedReportStore.list(try admin.connection()).filter { $0.isVisible(to: admin.user.role) }
            return admin.html(SavedReportPages.list(reports, catalog: try catalog(admin), admin: try admin.page()))
        case .new(let entity):
            let catalog = try catalog(admin)
            let chosen = catalog.entity(entity ?? "") ?? catalog.entities[0]
            return try builderPage(fresh(chosen, name: "", shared: [.manager]), report: nil, admin: admin)
        case .create: return try save(nil, admin)
        case .show(let id):
            let report = try visible(id, admin)
            return admin.html(
                SavedReportPages.show(
                    report, table: try? table(report.definition, admin), catalog: try catalog(admin),
                    admin: try admin.page()))
        case .csv(let id):
            let report = try visible(id, admin)
            guard let table = try? table(report.definition, admin) else { throw HTTPError(.unprocessableContent) }
            return Response(
                status: .ok,
                headers: [
                    ("Content-Type", "text/csv; charset=utf-8"),
                    ("Content-Disposition", "attachment; filename=\"\(SavedReportFormat.fileName(report.name))\""),
                    ("Cache-Control", "private, no-store"),
                ],
                body: SavedReportFormat.csv(table, admin.strings))
        case .edit(let id):
            let report = try visible(id, admin)
            return try builderPage(builder(of: report), report: report, admin: admin)
        case .update(let id): return try save(try visible(id, admin), admin)
        case .delete(let id):
            let report = try visible(id, admin)
            switch try SaveReport.run(
                try admin.connection(), .delete(report.id), catalog: try catalog(admin), actor: admin.actor)
            {
            case .done: return admin.redirect(to: .admin(.reports(.saved(.list))), flash: .saved)
            case .refused: throw HTTPError(.notFound)
            }
        }
    }

    /// The report when the member's role may see it; 404 otherwise.
    static func visible(_ id: SavedReportID, _ admin: AdminContext) throws -> SavedReport {
        guard let report = try SavedReportStore.find(try admin.connection(), id: id),
            report.isVisible(to: admin.user.role)
        else { throw HTTPError(.notFound) }
        return report
    }

    /// Builds the statement from the whitelist and runs it.
    /// - Throws: `SavedReportRefusal` when the definition does not fit (any more), `DatabaseError`.
    static func table(_ definition: ReportDefinition, _ admin: AdminContext) throws -> ReportTable {
        let statement = try ReportQueryBuilder.statement(definition, catalog: try catalog(admin))
        return try SavedReportStore.run(try admin.connection(), statement)
    }

    static func fresh(_ entity: ReportEntity, name: String, shared: Set<StaffRole>) -> SavedReportPages.Builder {
        let definition = ReportDefinition(entity: entity.key, columns: entity.defaultColumns)
        return SavedReportPages.Builder(form: form(name, definition), definition: definition, shared: shared)
    }

    static func builder(of report: SavedReport) -> SavedReportPages.Builder {
        SavedReportPages.Builder(
            form: form(report.name, report.definition), definition: report.definition, shared: report.sharedRoles)
    }

    /// The fields `Fields` draws from a `FormState` (the rest of the builder reads the definition).
    static func form(_ name: String, _ definition: ReportDefinition) -> FormState {
        FormState(values: [
            "name": name, "entity": definition.entity, "limit": String(definition.limit),
            "chart": definition.chart.rawValue,
        ])
    }

    /// The definition as the form posted it, names as typed: the builder checks them.
    static func posted(_ form: FormData) -> ReportDefinition {
        let count = min(max(Int(form["f_count"] ?? "") ?? 0, 0), ReportDefinition.maximumFilters + 1)
        let filters = (0..<count).map { index in
            ReportDefinition.Filter(
                column: form["f_column_\(index)"] ?? "", op: form["f_op_\(index)"] ?? "",
                value: form["f_value_\(index)"] ?? "", value2: form["f_value2_\(index)"] ?? "")
        }
        let groups = (0..<SavedReportBuilderPage.maximumGroupsShown).compactMap { index -> ReportDefinition.Group? in
            guard let column = form["g_column_\(index)"], !column.isEmpty else { return nil }
            let by = form["g_by_\(index)"] ?? ""
            return ReportDefinition.Group(column: column, by: by.isEmpty ? nil : by)
        }
        let limitText = (form["limit"] ?? "").trimmingCharacters(in: .whitespaces)
        let sort =
            (form["sort"] ?? "").isEmpty
            ? nil : ReportDefinition.Sort(key: form["sort"] ?? "", descending: form["direction"] == "desc")
        return ReportDefinition(
            entity: form["entity"] ?? "", columns: form.all("columns"), filters: filters, groups: groups,
            measures: form.all("measures").compactMap(ReportDefinition.Measure.init(key:)), sort: sort,
            limit: limitText.isEmpty ? ReportDefinition.defaultLimit : (Int(limitText) ?? 0),
            chart: ReportDefinition.ChartKind(rawValue: form["chart"] ?? "") ?? .none)
    }

    /// Create (`report` nil) or save a changed report; a builder button instead changes the form.
    static func save(_ report: SavedReport?, _ admin: AdminContext) throws -> Response {
        let request = admin.request.form
        let catalog = try catalog(admin)
        var definition = posted(request)
        // The form's "By" select only means something for a date column; for another it is ignored.
        if let entity = catalog.entity(definition.entity) {
            for index in definition.groups.indices
            where entity.column(definition.groups[index].column).map({ $0.type != .date }) == true {
                definition.groups[index].by = nil
            }
        }
        let sharedNames = request.all("shared")
        let shared = Set(sharedNames.compactMap(StaffRole.init(rawValue:))).subtracting([.admin])
        let name = request["name"] ?? ""
        var builder = SavedReportPages.Builder(form: form(name, definition), definition: definition, shared: shared)
        builder.form.values["limit"] = request["limit"] ?? ""
        if let button = request["builder"] {
            var preview: ReportTable?
            var status = HTTPStatus.ok
            switch button {
            case "add":
                let entity = catalog.entity(definition.entity)
                definition.filters.append(
                    ReportDefinition.Filter(
                        column: entity?.columns.first?.key ?? "", op: ReportOperator.equals.rawValue))
            case "entity":
                guard let entity = catalog.entity(definition.entity) else {
                    builder.form.errors["entity"] = admin.strings.savedReports.refusal(
                        .unknownEntity(definition.entity))
                    return try builderPage(builder, report: report, status: .badRequest, admin: admin)
                }
                builder = fresh(entity, name: name, shared: shared)
                return try builderPage(builder, report: report, admin: admin)
            case "preview":
                do {
                    let statement = try ReportQueryBuilder.statement(definition, catalog: catalog)
                    preview = try SavedReportStore.run(try admin.connection(), statement)
                } catch let refusal as SavedReportRefusal {
                    show(refusal, in: &builder.form, admin)
                    status = .badRequest
                }
            default:
                guard button.hasPrefix("remove:"), let index = Int(button.dropFirst("remove:".count)) else {
                    throw HTTPError(.badRequest)
                }
                if definition.filters.indices.contains(index) { definition.filters.remove(at: index) }
            }
            builder.definition = definition
            builder.form.values["f_count"] = String(definition.filters.count)
            return try builderPage(builder, report: report, preview: preview, status: status, admin: admin)
        }
        let outcome: SaveReport.Outcome
        do {
            let roles = try SavedReportRules.roles(sharedNames)
            let change: SavedReportChange =
                report.map { .update($0.id, name: name, definition: definition, shared: roles) }
                ?? .create(name: name, definition: definition, shared: roles)
            outcome = try SaveReport.run(try admin.connection(), change, catalog: catalog, actor: admin.actor)
        } catch let refusal as SavedReportRefusal {
            outcome = .refused(refusal)
        }
        switch outcome {
        case .done(let id):
            let target = id.map(SavedReportID.init(rawValue:)) ?? report?.id
            guard let target else { return admin.redirect(to: .admin(.reports(.saved(.list))), flash: .saved) }
            return admin.redirect(to: .admin(.reports(.saved(.show(target)))), flash: report == nil ? .created : .saved)
        case .refused(.reportNotFound): throw HTTPError(.notFound)
        case .refused(let refusal):
            show(refusal, in: &builder.form, admin)
            return try builderPage(builder, report: report, status: .badRequest, admin: admin)
        }
    }

    static func show(_ refusal: SavedReportRefusal, in form: inout FormState, _ admin: AdminContext) {
        form.errors[refusal.field] = admin.strings.savedReports.refusal(refusal)
    }

    static func builderPage(
        _ builder: SavedReportPages.Builder, report: SavedReport?, preview: ReportTable? = nil,
        status: HTTPStatus = .ok, admin: AdminContext
    ) throws -> Response {
        admin.html(
            SavedReportBuilderPage.render(
                builder, report: report, catalog: try catalog(admin), preview: preview, admin: try admin.page()),
            status: status)
    }
}
