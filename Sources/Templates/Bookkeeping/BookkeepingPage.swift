public import Domain
import Routing

/// `/admin/bookkeeping`: the lock, the SIE export form, the reconciliation of a period, the
/// account mapping (a form for admins, a table for the others) and the past exports. Each form
/// shows its errors next to its fields.
public enum BookkeepingPage {
    /// What the page shows; the forms are as stored or as typed, with their errors.
    public struct Content: Sendable {
        public var mapping: BASMapping
        public var mappingForm: FormState
        public var exportForm: FormState
        public var lockForm: FormState
        public var unlockForm: FormState
        public var lockedThrough: CalendarDate?
        public var exports: [BookkeepingExport]
        public var period: BookkeepingPeriod
        public var periodForm: FormState
        /// Nil when the period asked for could not be read (the form says why).
        public var reconciliation: Reconciliation?

        public init(
            mapping: BASMapping, mappingForm: FormState, exportForm: FormState, lockForm: FormState,
            unlockForm: FormState, lockedThrough: CalendarDate?, exports: [BookkeepingExport],
            period: BookkeepingPeriod, periodForm: FormState, reconciliation: Reconciliation?
        ) {
            self.mapping = mapping
            self.mappingForm = mappingForm
            self.exportForm = exportForm
            self.lockForm = lockForm
            self.unlockForm = unlockForm
            self.lockedThrough = lockedThrough
            self.exports = exports
            self.period = period
            self.periodForm = periodForm
            self.reconciliation = reconciliation
        }
    }

    /// The mapping form's fields: `account_KEY` and `name_KEY` per key.
    public static func accountField(_ key: BASMapping.Key) -> String { "account_" + key.rawValue }
    public static func nameField(_ key: BASMapping.Key) -> String { "name_" + key.rawValue }

    /// The mapping as the form shows it when nothing was typed.
    public static func mappingForm(_ mapping: BASMapping) -> FormState {
        var values: [String: String] = [:]
        for key in BASMapping.Key.allCases {
            values[accountField(key)] = String(mapping[key].number)
            values[nameField(key)] = mapping[key].name
        }
        return FormState(values: values)
    }

    public static func render(_ content: Content, admin: AdminPage) -> [UInt8] {
        let s = admin.strings.bookkeeping
        return AdminLayout.page(title: s.title, admin) {
            div(.class("page-head")) { h1 { s.title } }
            p(.class("lead")) { s.lead }
            lockCard(content, admin)
            if admin.may(.admin(.bookkeeping(.export))) {
                exportCard(content.exportForm, admin)
            }
            reconciliationCard(content, admin)
            mappingCard(content, admin)
            exportsCard(content.exports, admin)
        }.rendered()
    }

    static func lockCard(_ content: Content, _ admin: AdminPage) -> Node {
        let s = admin.strings.bookkeeping
        return section(.class("card"), .id("lock")) {
            h2 { s.lockHeading }
            p(.id("locked-through"), .data("data-locked-through", content.lockedThrough?.iso ?? "")) {
                content.lockedThrough.map(s.lockedThrough) ?? s.nothingLocked
            }
            if admin.may(.admin(.bookkeeping(.lock))) {
                Fields.summary(content.lockForm, admin.strings)
                Fields.post(.admin(.bookkeeping(.lock)), csrf: admin.csrfToken) {
                    Fields.text(
                        "through", s.lockThroughLabel, content.lockForm, type: "date", required: true,
                        hint: s.lockHint)
                    button(.class("button secondary"), .attr("type", "submit")) {
                        s.lockButton(content.lockForm["through"])
                    }
                }
            }
            if content.lockedThrough != nil, admin.may(.admin(.bookkeeping(.unlock))) {
                h3 { s.unlockHeading }
                p(.class("hint")) { s.unlockHint }
                Fields.summary(content.unlockForm, admin.strings)
                Fields.post(.admin(.bookkeeping(.unlock)), csrf: admin.csrfToken) {
                    Fields.text("through", s.unlockToLabel, content.unlockForm, type: "date")
                    Fields.textarea("reason", s.reasonLabel, content.unlockForm, rows: 2)
                    button(.class("button secondary"), .attr("type", "submit")) { s.unlockButton }
                }
            }
        }
    }

    static func exportCard(_ form: FormState, _ admin: AdminPage) -> Node {
        let s = admin.strings.bookkeeping
        return section(.class("card"), .id("export")) {
            h2 { s.exportHeading }
            p(.class("hint")) { s.exportText }
            Fields.summary(form, admin.strings)
            Fields.post(.admin(.bookkeeping(.export)), csrf: admin.csrfToken) {
                div(.class("grid")) {
                    Fields.text("from", s.from, form, type: "date", required: true)
                    Fields.text("to", s.to, form, type: "date", required: true)
                }
                Fields.checkbox("lock", s.lockAfterExport, form)
                button(.class("button"), .attr("type", "submit")) { s.exportButton }
            }
        }
    }

    static func reconciliationCard(_ content: Content, _ admin: AdminPage) -> Node {
        let s = admin.strings.bookkeeping
        let language = admin.language
        return section(.class("card"), .id("reconciliation")) {
            h2 { s.reconciliationHeading }
            p(.class("hint")) { s.reconciliationText }
            element(
                "form",
                [
                    .class("filters"), .attr("method", "get"),
                    .action(SafeURL(.admin(.bookkeeping(.show(ReportQuery()))))),
                ]
            ) {
                Fields.text("from", s.from, content.periodForm, type: "date")
                Fields.text("to", s.to, content.periodForm, type: "date")
                div(.class("field")) {
                    button(.class("button secondary"), .attr("type", "submit")) { s.show }
                }
            }
            if let reconciliation = content.reconciliation {
                if reconciliation.rows.isEmpty {
                    p(.class("empty")) { s.nothingInPeriod }
                } else {
                    p(.id("reconciliation-result"), .data("data-matches", reconciliation.matches ? "yes" : "no")) {
                        reconciliation.matches ? s.allMatch : s.someDiffer
                    }
                    DataTable.render(.class("list"), .id("reconciliation-table")) {
                        DataTable.column(s.account)
                        DataTable.column(s.name)
                        DataTable.column(s.database, numeric: true)
                        DataTable.column(s.file, numeric: true)
                        DataTable.column(s.result)
                    } rows: {
                        for row in reconciliation.rows {
                            tr(
                                .data("data-account", String(row.account)),
                                .data("data-database-ore", String(row.database.ore)),
                                .data("data-file-ore", String(row.file.ore))
                            ) {
                                td { String(row.account) }
                                td { row.name }
                                td(.class("num")) { row.database.formatted(language) }
                                td(.class("num")) { row.file.formatted(language) }
                                td {
                                    row.matches ? s.matches : s.differs(row.difference.formatted(language))
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    static func mappingCard(_ content: Content, _ admin: AdminPage) -> Node {
        let s = admin.strings.bookkeeping
        let form = content.mappingForm
        return section(.class("card"), .id("mapping")) {
            h2 { s.mappingHeading }
            p(.class("hint")) { s.mappingText }
            if admin.may(.admin(.bookkeeping(.mapping))) {
                Fields.summary(form, admin.strings)
                Fields.post(.admin(.bookkeeping(.mapping)), csrf: admin.csrfToken) {
                    for key in BASMapping.Key.allCases {
                        element("fieldset", [.class("mapping-row")]) {
                            element("legend", []) { s.keyName(key) }
                            div(.class("grid")) {
                                Fields.text(
                                    accountField(key), s.accountLabel, form, required: true,
                                    extra: [.attr("inputmode", "numeric"), .attr("maxlength", "4")])
                                Fields.text(
                                    nameField(key), s.nameLabel, form, required: true,
                                    extra: [.attr("maxlength", "100")])
                            }
                        }
                    }
                    button(.class("button"), .attr("type", "submit")) { s.saveMapping }
                }
            } else {
                DataTable.render(.class("list"), .id("mapping-table")) {
                    DataTable.column(s.title)
                    DataTable.column(s.account)
                    DataTable.column(s.name)
                } rows: {
                    for key in BASMapping.Key.allCases {
                        tr(.data("data-key", key.rawValue)) {
                            td { s.keyName(key) }
                            td { String(content.mapping[key].number) }
                            td { content.mapping[key].name }
                        }
                    }
                }
            }
        }
    }

    static func exportsCard(_ exports: [BookkeepingExport], _ admin: AdminPage) -> Node {
        let s = admin.strings.bookkeeping
        return section(.class("card"), .id("exports")) {
            h2 { s.exportsHeading }
            if exports.isEmpty {
                p(.class("empty")) { s.noExports }
            } else {
                DataTable.render(.class("list"), .id("exports-table")) {
                    DataTable.column(s.period)
                    DataTable.column(s.exportedAt)
                    DataTable.column(s.exportedBy)
                    DataTable.column(s.vouchers, numeric: true)
                    DataTable.column("SHA-256")
                } rows: {
                    for export in exports {
                        tr(.data("data-export", String(export.id))) {
                            td { "\(export.from.iso) – \(export.to.iso)" }
                            td { DisplayFormat.dateTime(export.exportedAt) }
                            td { export.exportedBy ?? s.commandLine }
                            td(.class("num")) { String(export.vouchers) }
                            td { code(.class("sha")) { export.sha256 } }
                        }
                    }
                }
            }
        }
    }
}
