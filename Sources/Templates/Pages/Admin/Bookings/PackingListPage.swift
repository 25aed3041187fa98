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
        return AdminLayout.page(title: "\(s.packingListTitle) \(booking.number)", admin) {
            div(.class("packing-list")) {
                div(.class("page-head")) {
                    h1 { "\(s.packingListTitle) \(booking.number)" }
                    div(.class("actions")) {
                        a(.href(SafeURL(.admin(.bookings(.show(booking.id)))))) { s.bookingHeading(booking.number) }
                    }
                }
                p(.class("no-print hint")) { s.printHint }
                p(.class("print-meta")) {
                    "\(admin.page.company.name) · \(s.printedAt(DisplayFormat.dateTime(printedAt))) · "
                    BookingComponents.stateBadge(booking.state, s)
                }
                if let title = booking.title { p(.class("event-title")) { "\(s.bookingEventLabel): \(title)" } }

                div(.class("packing-facts")) {
                    section {
                        h2 { s.bookingContactHeading }
                        dl(.class("facts")) {
                            if booking.contact.isCompany, let company = booking.contact.companyName {
                                dt { s.bookingCompanyLabel }
                                dd { company }
                            }
                            dt { s.bookingContactPerson }
                            dd { booking.contact.name }
                            if let phone = booking.contact.phone {
                                dt { s.bookingPhoneLabel }
                                dd { phone }
                            }
                            if let email = booking.contact.email {
                                dt { s.emailLabel }
                                dd { email }
                            }
                        }
                    }
                    section {
                        h2 { s.bookingDeliveryAddressHeading }
                        BookingComponents.address(booking.deliveryAddress, empty: s.bookingNoAddress)
                    }
                    section {
                        h2 { s.bookingPeriodHeading }
                        dl(.class("facts")) {
                            dt { s.bookingDeliveryLabel }
                            dd(.class("delivery-day")) { "\(s.bookingDayWithWeekday(booking.period.start)) · \(s.bookingTimeBlank)" }
                            dt { s.bookingPickupLabel }
                            dd(.class("pickup-day")) { "\(s.bookingDayWithWeekday(booking.period.end)) · \(s.bookingTimeBlank)" }
                        }
                    }
                }

                h2 { s.packingItemsHeading }
                if booking.packing.isEmpty {
                    p { s.nothingToPack }
                } else {
                    div(.class("table-scroll")) {
                    table(.class("lines packing")) {
                        thead {
                            tr {
                                th(.attr("scope", "col"), .class("check")) { s.bookingColumnPacked }
                                th(.attr("scope", "col"), .class("check")) { s.bookingColumnLoaded }
                                th(.attr("scope", "col"), .class("num")) { s.bookingColumnQuantity }
                                th(.attr("scope", "col")) { s.bookingColumnSKU }
                                th(.attr("scope", "col")) { s.bookingColumnDescription }
                                th(.attr("scope", "col"), .class("check")) { s.bookingColumnReturned }
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
                    h2 { s.bookingServicesHeading }
                    ul(.class("services")) {
                        for line in services { li { "\(line.quantity) × \(line.description)" } }
                    }
                }

                if !booking.notes.isEmpty {
                    h2 { s.notesHeading }
                    element("pre", [.class("notes")]) { booking.notes }
                }

                h2 { s.signaturesHeading }
                div(.class("signatures")) {
                    for role in [s.signedPacked, s.signedDelivered, s.signedReceived, s.signedReturned] {
                        div(.class("signature-block")) {
                            p { strong { role } }
                            p(.class("sign-line")) { s.signatureLine }
                            p(.class("sign-line")) { s.bookingNameInPrint }
                            p(.class("sign-line")) { s.bookingDateLabel }
                        }
                    }
                }
            }
        }.rendered()
    }
}
