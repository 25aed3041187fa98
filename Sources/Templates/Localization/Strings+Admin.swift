import Domain

extension Strings {
    // MARK: Navigation and chrome

    var navLabel: String { t("Huvudmeny", "Main menu") }
    var navDashboard: String { t("Översikt", "Dashboard") }
    var navQuotations: String { t("Offerter", "Quotations") }
    var navBookings: String { t("Bokningar", "Bookings") }
    var navCalendar: String { t("Kalender", "Calendar") }
    var navCustomers: String { t("Kunder", "Customers") }
    var navProducts: String { t("Produkter", "Products") }
    var navAddons: String { t("Tillval", "Add-ons") }
    var navActivity: String { t("Aktivitetslogg", "Activity log") }
    var navAutomation: String { t("Automation", "Automation") }
    var navInvoices: String { t("Fakturor", "Invoices") }
    var navReports: String { t("Rapporter", "Reports") }
    var emailLogHeading: String { t("E-post", "Emails") }
    var emailLogEmpty: String { t("Inga e-postmeddelanden än.", "No emails yet.") }
    var emailLogResend: String { t("Skicka igen", "Send again") }
    var emailLogTime: String { t("Tid", "Time") }
    var emailLogTo: String { t("Till", "To") }
    var emailLogSubject: String { t("Ämne", "Subject") }
    var emailLogStatus: String { t("Status", "Status") }
    var emailLogSent: String { t("Skickat", "Sent") }
    var emailLogFailed: String { t("Misslyckades", "Failed") }
    var emailLogBounced: String { t("Studsade", "Bounced") }
    var navUsers: String { t("Användare", "Users") }
    var navSettings: String { t("Inställningar", "Settings") }
    var signOut: String { t("Logga ut", "Sign out") }

    func roleName(_ role: StaffRole) -> String {
        switch role {
        case .admin: t("Administratör", "Admin")
        case .manager: t("Säljansvarig", "Manager")
        case .warehouse: t("Lager", "Warehouse")
        case .support: t("Kundtjänst", "Support")
        }
    }

    // MARK: Forms and lists

    var formHasErrors: String {
        t("Rätta de markerade fälten och försök igen.", "Correct the marked fields and try again.")
    }
    var save: String { t("Spara", "Save") }
    var cancel: String { t("Avbryt", "Cancel") }
    var search: String { t("Sök", "Search") }
    var nextPage: String { t("Nästa sida", "Next page") }
    var firstPage: String { t("Första sidan", "First page") }
    var nothingFound: String { t("Inget hittades.", "Nothing found.") }
    var edit: String { t("Ändra", "Edit") }
    var create: String { t("Skapa", "Create") }
    public var required: String { t("Obligatoriskt.", "Required.") }
    public var conflictMessage: String {
        t(
            "Någon annan sparade ändringar medan du redigerade. Här är de aktuella uppgifterna – gör om dina ändringar och spara igen.",
            "Someone else saved changes while you were editing. These are the current values – make your changes again and save."
        )
    }

    func flashText(_ flash: Flash) -> String {
        switch flash {
        case .signedOut: t("Du är utloggad.", "You are signed out.")
        case .passwordChanged:
            t(
                "Lösenordet är bytt. Dina andra inloggningar är avslutade.",
                "Password changed. Your other sessions have ended.")
        case .sessionRevoked: t("Inloggningen är avslutad.", "The session has ended.")
        case .feedCreated: t("Kalenderlänken är skapad.", "The calendar link was created.")
        case .feedRevoked: t("Kalenderlänken slutar fungera nu.", "The calendar link no longer works.")
        case .feedRenewed: t("Kalenderlänken gäller ett år till.", "The calendar link is valid for another year.")
        case .twoStepDisabled: t("Tvåstegsverifiering är avstängd.", "Two-step verification is off.")
        case .twoStepReset:
            t(
                "Tvåstegsverifieringen är avstängd och inloggningarna avslutade; användaren slår på den igen vid nästa inloggning.",
                "Two-step verification is off and the sessions ended; the user turns it on again at the next sign-in.")
        case .twoStepRoles:
            t("Kraven på tvåstegsverifiering är sparade.", "The two-step verification requirements are saved.")
        case .saved: t("Ändringarna är sparade.", "Changes saved.")
        case .testEmailQueued:
            t(
                "Testet skickas till din e-postadress om en liten stund.",
                "The test is sent to your email address in a moment.")
        case .emailQueued:
            t("E-postmeddelandet skickas igen om en liten stund.", "The email is sent again in a moment.")
        case .created: t("Skapat.", "Created.")
        case .archived: t("Arkiverat.", "Archived.")
        case .deactivated: t("Inaktiverat.", "Deactivated.")
        case .reactivated: t("Aktiverat igen.", "Reactivated.")
        case .quotationSent: t("Offerten är skickad för signering.", "The quotation was sent for signing.")
        case .quotationResent:
            t(
                "En ny länk är skickad; den gamla fungerar inte längre.",
                "A new link was sent; the old one no longer works.")
        case .quotationVoided: t("Offerten är makulerad.", "The quotation was voided.")
        case .quotationDuplicated: t("En kopia är skapad som utkast.", "A copy was created as a draft.")
        case .quotationReopened:
            t(
                "Offerten är ett utkast igen och länken fungerar inte längre. Skicka en ny version när du är klar.",
                "The quotation is a draft again and its link no longer works. Send a new version when you are done.")
        case .bookingApproved: t("Bokningen är godkänd.", "The booking was approved.")
        case .bookingMoved: t("Bokningens status är ändrad.", "The booking's status was changed.")
        case .logoRemoved: t("Logotypen är borttagen.", "The logo was removed.")
        }
    }
}
