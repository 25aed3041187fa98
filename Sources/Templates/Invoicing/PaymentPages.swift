public import Domain
import Routing

/// `/admin/payments`: import a BgMax file, the files imported with their counts, and the queue of
/// payments that did not match, each with "attach to invoice" and "ignore with a reason".
public enum PaymentsPage {
    /// - Parameters:
    ///   - importForm: the upload's error, if it was refused.
    ///   - queueForms: the typed values and errors of one queue row's forms, by its id.
    public static func render(
        imports: [PaymentImportSummary], queue: [UnmatchedPayment], importForm: FormState = FormState(),
        queueForms: [Int64: FormState] = [:], admin: AdminPage
    ) -> [UInt8] {
        let s = admin.strings.payments
        let language = admin.language
        return AdminLayout.page(title: s.title, admin) {
            div(.class("page-head")) { h1 { s.title } }
            p(.class("lead")) { s.lead }
            if admin.may(.admin(.payments(.importFile))) {
                section(.class("card"), .id("import")) {
                    h2 { s.importHeading }
                    Fields.summary(importForm, admin.strings)
                    Fields.post(.admin(.payments(.importFile)), csrf: admin.csrfToken, multipart: true) {
                        Fields.text("file", s.fileLabel, importForm, type: "file", required: true, hint: s.fileHint)
                        button(.class("button"), .attr("type", "submit")) { s.importButton }
                    }
                }
            }
            section(.class("card"), .id("unmatched")) {
                h2 { s.queueHeading }
                if queue.isEmpty {
                    p { s.queueEmpty }
                } else {
                    div(.class("table-scroll")) {
                        table(.class("list")) {
                            thead {
                                tr {
                                    th(.attr("scope", "col")) { s.paidOn }
                                    th(.attr("scope", "col"), .class("num")) { s.amount }
                                    th(.attr("scope", "col")) { s.reference }
                                    th(.attr("scope", "col")) { s.sender }
                                    th(.attr("scope", "col")) { s.why }
                                    th(.attr("scope", "col")) { s.state }
                                }
                            }
                            tbody {
                                for payment in queue {
                                    row(payment, form: queueForms[payment.id] ?? FormState(), admin: admin)
                                }
                            }
                        }
                    }
                }
            }
            section(.class("card"), .id("imports")) {
                h2 { s.importsHeading }
                if imports.isEmpty {
                    p { s.noImports }
                } else {
                    div(.class("table-scroll")) {
                        table(.class("list")) {
                            thead {
                                tr {
                                    th(.attr("scope", "col")) { s.fileName }
                                    th(.attr("scope", "col")) { s.importedAt }
                                    th(.attr("scope", "col")) { s.importedBy }
                                    th(.attr("scope", "col"), .class("num")) { s.matched }
                                    th(.attr("scope", "col"), .class("num")) { s.unmatched }
                                    th(.attr("scope", "col"), .class("num")) { s.duplicates }
                                    th(.attr("scope", "col"), .class("num")) { s.total }
                                }
                            }
                            tbody {
                                for file in imports {
                                    tr(.attr("data-import", String(file.id))) {
                                        td { file.fileName }
                                        td { DisplayFormat.dateTime(file.importedAt) }
                                        td { file.importedBy ?? s.system }
                                        td(.class("num")) {
                                            "\(file.matched) (\(file.matchedAmount.formatted(language)))"
                                        }
                                        td(.class("num")) { String(file.unmatched) }
                                        td(.class("num")) { String(file.duplicates) }
                                        td(.class("num")) { file.totalAmount.formatted(language) }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }.rendered()
    }

    /// One waiting (or settled) payment, with its two forms while it waits.
    static func row(_ payment: UnmatchedPayment, form: FormState, admin: AdminPage) -> Node {
        let s = admin.strings.payments
        let language = admin.language
        let signed =
            payment.kind == .deduction ? "−" + payment.amount.formatted(language) : payment.amount.formatted(language)
        return tr(.attr("data-unmatched", String(payment.id)), .attr("data-state", payment.state.rawValue)) {
            td { payment.paidOn.iso }
            td(.class("num")) { signed }
            td {
                payment.reference
                if !payment.extraReferences.isEmpty { p(.class("hint")) { payment.extraReferences } }
                if !payment.information.isEmpty { p(.class("hint")) { payment.information } }
            }
            td { payment.senderName }
            td { s.reasonName(payment.reason) }
            td {
                s.stateName(payment)
                if payment.state == .open {
                    Fields.summary(form, admin.strings)
                    if payment.kind == .payment, admin.may(.admin(.payments(.attach(payment.id)))) {
                        Fields.post(.admin(.payments(.attach(payment.id))), csrf: admin.csrfToken) {
                            Fields.text("invoice", s.invoiceNumber, form, required: true, id: "f-invoice-\(payment.id)")
                            button(.class("button secondary"), .attr("type", "submit")) { s.attach }
                        }
                    }
                    if admin.may(.admin(.payments(.ignore(payment.id)))) {
                        Fields.post(.admin(.payments(.ignore(payment.id))), csrf: admin.csrfToken) {
                            Fields.text("reason", s.ignoreReason, form, required: true, id: "f-reason-\(payment.id)")
                            button(.class("button secondary"), .attr("type", "submit")) { s.ignore }
                        }
                    }
                }
            }
        }
    }
}
