public import Domain
import Foundation
public import Routing
public import Sanitizer

/// `/admin/products/{id}?from=&to=`: the product's facts and description, its availability for a
/// chosen period as a day-by-day strip of reserved against stock, the bookings holding it, the
/// stock form (warehouse too) and, for management, edit and deactivate.
public enum ProductDetailPage {
    /// The strip, or nothing when the period's dates were refused.
    public struct Strip: Sendable {
        public let availability: Availability
        public let bookings: [ReservingBooking]

        public init(availability: Availability, bookings: [ReservingBooking]) {
            self.availability = availability
            self.bookings = bookings
        }
    }

    /// - Parameters:
    ///   - description: the stored description, sanitised again for display.
    ///   - periodForm: `from` and `to` as asked for, with errors next to them.
    ///   - stockForm: the stock form's value, `version` and errors (a conflict's message too).
    public static func render(
        product: ProductRecord, description: SanitizedHTML, periodForm: FormState, strip: Strip?, stockForm: FormState,
        admin: AdminPage
    ) -> [UInt8] {
        let s = admin.strings
        let id = product.id
        let draft = product.draft
        return AdminLayout.page(title: draft.name, admin) {
            RecordListParts.head(
                draft.name, badges: product.active ? [] : [StateBadge.badge(s.recordInactiveBadge, .bad)]
            ) {
                if admin.may(.admin(.products(.edit(id)))) {
                    a(.class("button"), .href(SafeURL(.admin(.products(.edit(id)))))) { s.edit }
                }
                if admin.may(.admin(.products(.deactivate(id)))) {
                    if product.active {
                        Fields.postButton(
                            .admin(.products(.deactivate(id))), s.catalog.productDeactivate, csrf: admin.csrfToken)
                    } else {
                        Fields.postButton(
                            .admin(.products(.deactivate(id))), s.catalog.productReactivate, csrf: admin.csrfToken,
                            fields: [("active", "yes")])
                    }
                }
            }
            if !product.active { div(.class("flash warning"), .attr("role", "note")) { s.catalog.productInactiveNote } }

            div(.class("cards record-cards")) {
                section(.class("card")) {
                    h2 { s.recordDetails }
                    dl(.class("facts")) {
                        dt { s.catalog.productSKU }
                        dd { code { draft.sku } }
                        dt { s.catalog.productCategory }
                        dd { product.categoryName ?? s.catalog.productNoCategory }
                        dt { s.catalog.productColumnPrice }
                        dd { s.priceWithPricing(draft.price, draft.pricing) }
                        dt { s.catalog.productStock }
                        dd(.id("stock-level")) { String(draft.stock) }
                        dt { s.recordStatus }
                        dd { product.active ? s.recordActiveBadge : s.recordInactiveBadge }
                        dt { s.catalog.productUpdated }
                        dd { DisplayFormat.dateTime(product.updatedAt) }
                    }
                }
                section(.class("card")) {
                    h2 { s.catalog.productDescription }
                    if description.markup.isEmpty {
                        p(.class("hint")) { s.catalog.productNoDescription }
                    } else {
                        div(.class("rich-text")) { Node.sanitized(description) }
                    }
                }
            }

            if admin.may(.admin(.products(.setStock(id)))) {
                section(.class("card"), .id("stock")) {
                    h2 { s.catalog.productStockHeading }
                    Fields.summary(stockForm, s)
                    Fields.post(.admin(.products(.setStock(id))), csrf: admin.csrfToken) {
                        Fields.hidden("version", stockForm["version"])
                        div(.class("stock-form")) {
                            Fields.text(
                                "stock", s.catalog.productStock, stockForm, type: "number", required: true,
                                extra: [
                                    .attr("min", "0"), .attr("max", String(ProductDraft.stockRange.upperBound)),
                                    .attr("step", "1"),
                                ])
                            button(.class("button"), .attr("type", "submit")) { s.catalog.productStockSave }
                        }
                    }
                }
            }

            section(.class("card"), .id("availability")) {
                h2 { s.catalog.availabilityHeading }
                form(
                    .class("filters"), .attr("method", "get"),
                    .action(SafeURL(.admin(.products(.show(id, ProductQuery())))))
                ) {
                    Fields.text("from", s.catalog.availabilityFrom, periodForm, type: "date")
                    Fields.text("to", s.catalog.availabilityTo, periodForm, type: "date")
                    div(.class("field")) {
                        button(.class("button secondary"), .attr("type", "submit")) { s.recordFilterButton }
                    }
                }
                p(.class("hint")) { s.catalog.availabilityLegend(maximumDays: AvailabilityWindow.maximumDays) }
                if let strip { stripNodes(strip, admin) }
            }
        }.rendered()
    }

    static func stripNodes(_ strip: Strip, _ admin: AdminPage) -> Node {
        let s = admin.strings
        let days = strip.availability.days
        let shortDays = days.filter(\.isOverbooked).count
        return .fragment([
            shortDays > 0
                ? div(.class("flash warning"), .attr("role", "status")) { s.catalog.availabilityShortDays(shortDays) }
                : p { s.catalog.availabilityFreeAll(strip.availability.available) },
            ol(.class("avail-strip"), .attr("aria-label", s.catalog.availabilityHeading)) {
                for (index, day) in days.enumerated() {
                    let weekend = day.date.isoWeekday >= 6
                    let state =
                        day.isOverbooked
                        ? "short" : (day.reserved >= day.stock ? "full" : (day.reserved > 0 ? "partial" : "free"))
                    li(.class("avail-day \(state)\(weekend ? " weekend" : "")"), .data("data-date", day.date.iso)) {
                        span(.class("avail-date")) {
                            span(.class("weekday")) { s.catalog.weekdayShort(day.date.isoWeekday) }
                            " "
                            element("time", [.attr("datetime", day.date.iso)]) {
                                index == 0 || day.date.day == 1
                                    ? "\(day.date.day) \(s.catalog.monthShort(day.date.month))" : String(day.date.day)
                            }
                        }
                        meterNode(day)
                        span(.class("avail-count"), .data("data-reserved", String(day.reserved))) {
                            "\(day.reserved)/\(day.stock)"
                        }
                        span(.class("visually-hidden")) {
                            s.catalog.availabilityDay(reserved: day.reserved, stock: day.stock)
                        }
                        if day.isOverbooked {
                            span(.class("badge bad")) { s.catalog.availabilityShort(day.reserved - day.stock) }
                        } else {
                            span(.class("avail-free")) { s.catalog.availabilityFree(day.available) }
                        }
                    }
                }
            },
            h3 { s.catalog.availabilityBookingsHeading },
            strip.bookings.isEmpty
                ? p(.class("hint")) { s.catalog.availabilityNoBookings }
                : div(.class("table-scroll")) {
                    table(.class("list")) {
                        thead {
                            tr {
                                RecordListParts.th(s.catalog.availabilityColumnBooking)
                                RecordListParts.th(s.catalog.availabilityColumnCustomer)
                                RecordListParts.th(s.customers.columnState)
                                RecordListParts.th(s.customers.columnPeriod)
                                RecordListParts.th(s.catalog.availabilityColumnQuantity, number: true)
                            }
                        }
                        tbody {
                            for booking in strip.bookings {
                                tr {
                                    td(.class("nowrap")) {
                                        admin.link(booking.number, to: .admin(.bookings(.show(booking.id))))
                                    }
                                    td { booking.customerName }
                                    td { s.bookings.stateName(booking.state) }
                                    td { s.periodText(booking.period) }
                                    RecordListParts.td(number: true) { String(booking.quantity) }
                                }
                            }
                        }
                    }
                },
        ])
    }

    /// A native `<meter>`: the bar turns from green to amber as the day fills and red when it is full.
    static func meterNode(_ day: Availability.Day) -> Node {
        let maximum = max(day.stock, 1)
        return element(
            "meter",
            [
                .attr("min", "0"), .attr("max", String(maximum)), .attr("value", String(min(day.reserved, maximum))),
                .attr("low", String(maximum * 6 / 10)), .attr("high", String(max(maximum * 6 / 10, maximum - 1))),
                .attr("optimum", "0"), .attr("aria-hidden", "true"),
            ]
        ) { "\(day.reserved)/\(day.stock)" }
    }
}
