import Domain
import Testing

@Suite("Reply splitter: the new text, the history and the sign-off of a received email")
struct ReplySplitterTests {
    @Test("Gmail in Swedish: new text, the sign-off with the name, the quote with its attribution")
    func gmailSwedish() {
        let parts = ReplySplitter.split(
            """
            Hej,
            Vi vill hyra 40 stolar till lördag.

            Mvh Per
            070-123 45 67

            Den tis 3 juni 2026 kl 10:00 skrev EventGaraget <hej@eventgaraget.se>:
            > Tack för din fråga!
            >
            > Hälsningar
            > EventGaraget
            """)
        #expect(parts.newText == "Hej,\nVi vill hyra 40 stolar till lördag.")
        #expect(parts.signature == "Mvh Per\n070-123 45 67")
        #expect(
            parts.quoted.hasPrefix("Den tis 3 juni 2026 kl 10:00 skrev EventGaraget <hej@eventgaraget.se>:\n> Tack"))
    }

    @Test("an English attribution that wraps over two lines, CRLF line endings")
    func englishWrapped() {
        let parts = ReplySplitter.split(
            "Sounds good, we'll take the 6x12 tent.\r\n\r\nBest regards,\r\nJohn Smith\r\nAcme Events Ltd\r\n"
                + "+44 20 7946 0000\r\n\r\nOn Tue, Jun 2, 2026 at 10:00 AM EventGaraget <hej@eventgaraget.se>\r\n"
                + "wrote:\r\n> Here is your quotation.\r\n")
        #expect(parts.newText == "Sounds good, we'll take the 6x12 tent.")
        #expect(parts.signature == "Best regards,\nJohn Smith\nAcme Events Ltd\n+44 20 7946 0000")
        #expect(
            parts.quoted
                == "On Tue, Jun 2, 2026 at 10:00 AM EventGaraget <hej@eventgaraget.se>\nwrote:\n> Here is your quotation."
        )
    }

    @Test("Outlook's header block in Swedish ends the new text; everything below is history")
    func outlookSwedish() {
        let parts = ReplySplitter.split(
            """
            Hej!

            Ja, vi bekräftar bokningen.

            Med vänliga hälsningar
            Eva Åberg
            Inköpare | Example AB
            Tel: 08-123 456 78

            ________________________________
            Från: EventGaraget <bokning@eventgaraget.se>
            Skickat: den 2 juni 2026 09:14
            Till: Eva Åberg <eva@example.se>
            Ämne: Din offert

            Hej Eva, här kommer offerten.
            """)
        #expect(parts.newText == "Hej!\n\nJa, vi bekräftar bokningen.")
        #expect(parts.signature == "Med vänliga hälsningar\nEva Åberg\nInköpare | Example AB\nTel: 08-123 456 78")
        #expect(parts.quoted.hasPrefix("________________________________\nFrån: EventGaraget"))
        #expect(parts.quoted.hasSuffix("Hej Eva, här kommer offerten."))
    }

    @Test("English Outlook with -----Original Message----- and a phone signature")
    func originalMessage() {
        let parts = ReplySplitter.split(
            """
            Please send the invoice to accounts@example.com.

            Sent from my iPhone

            -----Original Message-----
            From: EventGaraget <bokning@eventgaraget.se>
            Sent: Tuesday, June 2, 2026 9:14 AM
            To: John <john@example.com>
            Subject: Invoice

            Your booking is confirmed.
            """)
        #expect(parts.newText == "Please send the invoice to accounts@example.com.")
        #expect(parts.signature == "Sent from my iPhone")
        #expect(parts.quoted.hasPrefix("-----Original Message-----\nFrom: EventGaraget"))
    }

    @Test("a forward with nothing above it keeps the forwarded message as the new text")
    func forwardWithoutOwnText() {
        let parts = ReplySplitter.split(
            """

            ---------- Forwarded message ---------
            Från: Lisa Lind <lisa@example.org>
            Date: tors 4 juni 2026 kl 17:30
            Subject: Fest i augusti
            To: <kontor@example.se>


            Hej, vi behöver ett tält och 50 stolar den 8 augusti.

            Vänliga hälsningar
            Lisa Lind
            070-765 43 21
            """)
        #expect(
            parts.newText
                == """
                ---------- Forwarded message ---------
                Från: Lisa Lind <lisa@example.org>
                Date: tors 4 juni 2026 kl 17:30
                Subject: Fest i augusti
                To: <kontor@example.se>


                Hej, vi behöver ett tält och 50 stolar den 8 augusti.
                """)
        #expect(parts.signature == "Vänliga hälsningar\nLisa Lind\n070-765 43 21")
        #expect(parts.quoted == "")
    }

    @Test("a forward below the sender's own words is history; Apple Mail's Swedish marker")
    func forwardWithOwnText() {
        let parts = ReplySplitter.split(
            """
            Kan ni hjälpa till med det här?
            /Kalle

            Början på vidarebefordrat brev:

            Från: Lisa Lind <lisa@example.org>
            Datum: 4 juni 2026 17:30:00 CEST
            Ämne: Fest

            Hej, vi behöver ett tält.
            """)
        #expect(parts.newText == "Kan ni hjälpa till med det här?")
        #expect(parts.signature == "/Kalle")
        #expect(parts.quoted.hasPrefix("Början på vidarebefordrat brev:"))
        #expect(parts.quoted.hasSuffix("Hej, vi behöver ett tält."))
    }

    @Test("an Outlook forward (header block only) with just a phone signature above it")
    func outlookForwardFromPhone() {
        let parts = ReplySplitter.split(
            """
            Skickat från min iPhone

            From: Lisa Lind <lisa@example.org>
            Sent: Thursday, June 4, 2026 5:30 PM
            To: kontor@example.se
            Subject: Fest

            Vi behöver ett tält den 8 augusti.
            """)
        #expect(parts.newText.hasSuffix("Vi behöver ett tält den 8 augusti."))
        #expect(parts.newText.hasPrefix("From: Lisa Lind"))
        #expect(parts.signature == "Skickat från min iPhone")
    }

    @Test("the -- delimiter starts the signature; an answer below the quote is new text too")
    func delimiterAndBottomPosting() {
        let parts = ReplySplitter.split(
            """
            On 2 Jun 2026, at 10:00, EventGaraget <hej@eventgaraget.se> wrote:
            > Which date?

            The 14th of June.

            --\u{20}
            Anna Berg
            Berg & Co
            """)
        #expect(parts.newText == "The 14th of June.")
        #expect(parts.quoted == "On 2 Jun 2026, at 10:00, EventGaraget <hej@eventgaraget.se> wrote:\n> Which date?")
        #expect(parts.signature == "Anna Berg\nBerg & Co")
    }

    @Test("a closing phrase followed by more inquiry is not a signature; prose with skrev is not history")
    func notSignatures() {
        let text = """
            Hej,
            Tack!
            Vi behöver alltså ett tält för 60 personer och bänkar till alla gäster den 14 juni.
            Den 3 juni skrev jag till er om priset:
            kan ni svara på det?
            """
        let parts = ReplySplitter.split(text)
        #expect(parts.newText == text)
        #expect(parts.signature == "")
        #expect(parts.quoted == "")
    }

    @Test("empty text and text without any history")
    func plain() {
        #expect(ReplySplitter.split("") == ReplyParts(newText: "", quoted: "", signature: ""))
        #expect(
            ReplySplitter.split("Hej!\nVi vill boka.")
                == ReplyParts(newText: "Hej!\nVi vill boka.", quoted: "", signature: ""))
    }
}
