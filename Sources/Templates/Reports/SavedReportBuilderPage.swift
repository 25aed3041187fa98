public import Domain
import Foundation
import Routing

/// The report builder: a form over the entity's whitelist (columns, filters, groups, measures,
/// sort, limit, chart, sharing). Its buttons (`builder=add`, `remove:N`, `entity`, `preview`) post
/// the form and come back with the change; "Save" (the first submit button, so Enter saves) stores it.
public enum SavedReportBuilderPage {
    public static let maximumGroupsShown = 2

    public static func render(
        _ builder: SavedReportPages.Builder, report: SavedReport?, catalog: ReportCatalog, preview: ReportTable?,
        admin: AdminPage
    ) -> [UInt8] {
        let s = admin.strings.savedReports
        let language = admin.language
        let definition = builder.definition
        let form = builder.form
        let entity = catalog.entity(definition.entity) ?? ReportEntity.bookings
        let title = report?.name ?? s.newReport
        let options = entity.columns.map { (value: $0.key, label: $0.label.text(language)) }
        return AdminLayout.page(title: title, admin) {
            p { a(.href(SafeURL(.admin(.reports(.saved(.list)))))) { s.back } }
            h1 { title }
            Fields.summary(form, admin.strings)
            error("definition", form)
            Fields.post(
                report.map { .admin(.reports(.saved(.update($0.id)))) } ?? .admin(.reports(.saved(.create))),
                csrf: admin.csrfToken
            ) {
                // Enter in a field saves (the first submit button), never a builder button.
                button(
                    .class("visually-hidden"), .attr("name", "save"), .attr("value", "1"), .attr("type", "submit"),
                    .attr("tabindex", "-1"), .attr("aria-hidden", "true")
                ) { s.save }
                Fields.text("name", s.name, form, required: true)
                div(.class("field inline")) {
                    Fields.select(
                        "entity", s.entity, form,
                        options: catalog.entities.map { (value: $0.key, label: $0.label.text(language)) })
                    builderButton("entity", s.changeEntity)
                }
                fieldset(.class("report-columns"), .id("columns")) {
                    legend { s.columns }
                    p(.class("hint")) { s.columnsHint }
                    error("columns", form)
                    for column in entity.columns {
                        checkbox(
                            "columns", column.key, column.label.text(language), definition.columns.contains(column.key))
                    }
                }
                filters(definition, entity: entity, options: options, form: form, s: s)
                fieldset(.class("report-grouping"), .id("grouping")) {
                    legend { s.grouping }
                    p(.class("hint")) { s.groupingHint }
                    error("groups", form)
                    for index in 0..<maximumGroupsShown {
                        let group = index < definition.groups.count ? definition.groups[index] : nil
                        div(.class("builder-row")) {
                            selectNode(
                                "g_column_\(index)", s.groupLabel(index), [(value: "", label: s.noGroup)] + options,
                                selected: group?.column ?? "")
                            selectNode(
                                "g_by_\(index)", s.period,
                                [(value: "", label: "—")]
                                    + ReportQueryBuilder.Period.allCases.map { ($0.rawValue, $0.label.text(language)) },
                                selected: group?.by ?? "")
                        }
                    }
                    fieldset(.class("report-measures"), .id("measures")) {
                        legend { s.measures }
                        error("measures", form)
                        for measure in measures(entity) {
                            checkbox(
                                "measures", measure.key, measureLabel(measure, entity, language),
                                definition.measures.contains(measure))
                        }
                    }
                }
                div(.class("builder-row")) {
                    selectNode(
                        "sort", s.sort,
                        [(value: "", label: s.defaultSort)] + options
                            + measures(entity).map { ($0.key, measureLabel($0, entity, language)) },
                        selected: definition.sort?.key ?? "")
                    selectNode(
                        "direction", s.direction, [("asc", s.ascending), ("desc", s.descending)],
                        selected: definition.sort?.descending == true ? "desc" : "asc")
                }
                error("sort", form)
                Fields.text("limit", s.limit, form, type: "number", extra: [.attr("min", "1"), .attr("max", "10000")])
                Fields.select(
                    "chart", s.chart, form,
                    options: ReportDefinition.ChartKind.allCases.map { ($0.rawValue, s.chartName($0)) },
                    hint: s.chartHint)
                fieldset(.class("report-sharing"), .id("shared")) {
                    legend { s.sharedWith }
                    error("shared", form)
                    for role in StaffRole.allCases where role != .admin {
                        checkbox("shared", role.rawValue, s.roleName(role), builder.shared.contains(role))
                    }
                }
                div(.class("actions")) {
                    builderButton("preview", s.preview)
                    button(.class("button"), .attr("name", "save"), .attr("value", "1"), .attr("type", "submit")) {
                        s.save
                    }
                }
            }
            if let preview {
                section(.class("report-preview"), .id("preview")) {
                    h2 { s.previewHeading }
                    SavedReportPages.result(
                        preview, definition: definition, id: "preview",
                        title: form["name"].isEmpty ? title : form["name"],
                        admin: admin)
                }
            }
        }.rendered()
    }

    /// Count, then the sum and average of every number and money column.
    static func measures(_ entity: ReportEntity) -> [ReportDefinition.Measure] {
        [.count]
            + entity.columns.filter(\.type.isSummable).flatMap { column in
                [
                    ReportDefinition.Measure(fn: "sum", column: column.key),
                    ReportDefinition.Measure(fn: "avg", column: column.key),
                ]
            }
    }

    static func measureLabel(
        _ measure: ReportDefinition.Measure, _ entity: ReportEntity, _ language: Language
    ) -> String {
        guard let key = measure.column, let column = entity.column(key) else {
            return language == .sv ? "Antal" : "Count"
        }
        let name = column.label.inPhrase(language)
        return measure.fn == "sum"
            ? (language == .sv ? "Summa \(name)" : "Sum of \(name)")
            : (language == .sv ? "Medel \(name)" : "Average \(name)")
    }

    /// One line per filter (`f_column_N`, `f_op_N`, `f_value_N`, `f_value2_N`), each with its remove
    /// button, and "+ Filter" at the end.
    static func filters(
        _ definition: ReportDefinition, entity: ReportEntity, options: [(value: String, label: String)],
        form: FormState, s: SavedReportStrings
    ) -> Node {
        fieldset(.class("condition-builder report-filters"), .id("filters")) {
            legend { s.filters }
            p(.class("hint")) { s.filtersHint }
            error("filters", form)
            Fields.hidden("f_count", String(definition.filters.count))
            if definition.filters.isEmpty { p(.class("hint")) { s.noFilters } }
            for (index, filter) in definition.filters.enumerated() {
                div(.class("builder-row compare")) {
                    selectNode("f_column_\(index)", s.column, options, selected: filter.column, hidden: true)
                    selectNode(
                        "f_op_\(index)", s.operatorName,
                        ReportOperator.allCases.map { ($0.rawValue, s.operatorLabel($0)) }, selected: filter.op,
                        hidden: true)
                    input("f_value_\(index)", s.value, filter.value)
                    input("f_value2_\(index)", s.value2, filter.value2)
                    builderButton("remove:\(index)", s.removeFilter)
                }
            }
            div(.class("builder-add")) { builderButton("add", s.addFilter) }
        }
    }

    static func error(_ field: String, _ form: FormState) -> Node {
        guard let message = form.errors[field] else { return .fragment([]) }
        return p(.class("field-error"), .id("error-\(field)"), .attr("role", "alert")) { message }
    }

    static func checkbox(_ name: String, _ value: String, _ text: String, _ checked: Bool) -> Node {
        let id = "f-\(name)-\(value)".replacingOccurrences(of: ":", with: "-").replacingOccurrences(of: ".", with: "-")
        return div(.class("field checkbox")) {
            void(
                "input",
                [.attr("type", "checkbox"), .id(id), .attr("name", name), .attr("value", value)]
                    + (checked ? [.flag("checked")] : []))
            label(.attr("for", id)) { text }
        }
    }

    static func selectNode(
        _ name: String, _ text: String, _ options: [(value: String, label: String)], selected: String,
        hidden: Bool = false
    ) -> Node {
        let id = "f-\(name)"
        return div(.class("field")) {
            label(.class(hidden ? "visually-hidden" : "label"), .attr("for", id)) { text }
            element("select", [.id(id), .attr("name", name)]) {
                for choice in options {
                    option(value: choice.value, selected: choice.value == selected) { choice.label }
                }
            }
        }
    }

    static func input(_ name: String, _ text: String, _ value: String) -> Node {
        let id = "f-\(name)"
        return div(.class("field")) {
            label(.class("visually-hidden"), .attr("for", id)) { text }
            void("input", [.attr("type", "text"), .id(id), .attr("name", name), .attr("value", value)])
        }
    }

    static func builderButton(_ value: String, _ text: String) -> Node {
        button(
            .class("button secondary small"), .attr("type", "submit"), .attr("name", "builder"),
            .attr("value", value), .flag("formnovalidate")
        ) { text }
    }
}
