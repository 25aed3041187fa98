public import Domain
public import Foundation
import Routing

/// `/admin/bookings/{id}/packing-list`: one printable sheet for the warehouse and the driver:
/// who, where, when, what to pack (with boxes to tick when packed, loaded and back), the services
/// to perform, the notes, and lines to sign. The print stylesheet hides the menus.
public enum PackingListPage {
    public static func render(booking: BookingDetail, printedAt: Date, admin: AdminPage) -> [UInt8] {
        let s = admin.strings
        let services = booking.lines.filter { !$0.isProduct }
        return AdminLayout.page(title: "\(s.bookings.packingListTitle) \(booking.number)", admin) {
            div(.class("packing-list")) {
                div(.class("page-head")) {
                    h1 { "\(s.bookings.packingListTitle) \(booking.number)" }
                    div(.class("actions")) {
                        a(.href(SafeURL(.admin(.bookings(.show(booking.id)))))) { s.bookings.heading(booking.number) }
                    }
                }
                p(.class("no-print hint")) { s.bookings.printHint }
                p(.class("print-meta")) {
                    "\(admin.page.company.name) · \(s.bookings.printedAt(DisplayFormat.dateTime(printedAt))) · "
                    BookingComponents.stateBadge(booking.state, s)
                }
                if let title = booking.title { p(.class("event-title")) { "\(s.bookings.eventLabel): \(title)" } }

                div(.class("packing-facts")) {
                    section {
                        h2 { s.bookings.contactHeading }
                        dl(.class("facts")) {
                            if booking.contact.isCompany, let company = booking.contact.companyName {
                                dt { s.bookings.companyLabel }
                                dd { company }
                            }
                            dt { s.bookings.contactPerson }
                            dd { booking.contact.name }
                            if let phone = booking.contact.phone {
                                dt { s.bookings.phoneLabel }
                                dd { phone }
                            }
                            if let email = booking.contact.email {
                                dt { s.staff.emailLabel }
                                dd { email }
                            }
                        }
                    }
                    section {
                        h2 { s.bookings.deliveryAddressHeading }
                        BookingComponents.address(booking.deliveryAddress, empty: s.bookings.noAddress)
                    }
                    section {
                        h2 { s.bookings.periodHeading }
                        dl(.class("facts")) {
                            dt { s.bookings.deliveryLabel }
                            dd(.class("delivery-day")) {
                                "\(s.bookings.dayWithWeekday(booking.period.start)) · \(s.bookings.timeBlank)"
                            }
                            dt { s.bookings.pickupLabel }
                            dd(.class("pickup-day")) {
                                "\(s.bookings.dayWithWeekday(booking.period.end)) · \(s.bookings.timeBlank)"
                            }
                        }
                    }
                }

                h2 { s.bookings.packingItemsHeading }
                if booking.packing.isEmpty {
                    p { s.bookings.nothingToPack }
                } else {
                    div(.class("table-scroll")) {
                        table(.class("lines packing")) {
                            thead {
                                tr {
                                    th(.attr("scope", "col"), .class("check")) { s.bookings.columnPacked }
                                    th(.attr("scope", "col"), .class("check")) { s.bookings.columnLoaded }
                                    th(.attr("scope", "col"), .class("num")) { s.bookings.columnQuantity }
                                    th(.attr("scope", "col")) { s.bookings.columnSKU }
                                    th(.attr("scope", "col")) { s.bookings.columnDescription }
                                    th(.attr("scope", "col"), .class("check")) { s.bookings.columnReturned }
                                }
                            }
                            tbody {
                                for item in booking.packing {
                                    tr {
                                        td(.class("check")) { span(.class("box"), .attr("aria-hidden", "true")) {} }
                                        td(.class("check")) { span(.class("box"), .attr("aria-hidden", "true")) {} }
                                        td(.class("num qty")) { String(item.quantity) }
                                        td(.class("sku")) { item.sku }
                                        td { item.description }
                                        td(.class("check")) { span(.class("box"), .attr("aria-hidden", "true")) {} }
                                    }
                                }
                            }
                        }
                    }
                }

                if !services.isEmpty {
                    h2 { s.bookings.servicesHeading }
                    ul(.class("services")) {
                        for line in services { li { "\(line.quantity) × \(line.description)" } }
                    }
                }

                if !booking.notes.isEmpty {
                    h2 { s.bookings.notesHeading }
                    element("pre", [.class("notes")]) { booking.notes }
                }

                h2 { s.bookings.signaturesHeading }
                div(.class("signatures")) {
                    for role in [
                        s.bookings.signedPacked, s.bookings.signedDelivered, s.bookings.signedReceived,
                        s.bookings.signedReturned,
                    ] {
                        div(.class("signature-block")) {
                            p { strong { role } }
                            p(.class("sign-line")) { s.bookings.signatureLine }
                            p(.class("sign-line")) { s.bookings.nameInPrint }
                            p(.class("sign-line")) { s.bookings.dateLabel }
                        }
                    }
                }
            }
        }.rendered()
    }
}
