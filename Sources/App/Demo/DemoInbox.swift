import Database
import Domain
import Foundation
import Mail

/// The demo inbox: a few conversations received through the same reader and store as real mail —
/// a new Swedish inquiry waiting for review, an English one from a company (HTML only), an existing
/// customer's thread with our reply and her answer, an out-of-office, and a closed thread.
enum DemoInbox {
    static func seed(_ tx: Connection, staff: UserID, support: UserID?) throws {
        let catalogue = try InboxStore.catalogue(tx)
        let reader = InboundReader(keepBytes: 10 << 20)
        let now = Date()
        func receive(_ raw: String, hoursAgo: Double) throws -> InboxStore.Received {
            let sent = now.addingTimeInterval(-hoursAgo * 3600)
            let text = raw.replacingOccurrences(of: "{DATE}", with: RFC5322Date.format(sent))
                .replacingOccurrences(of: "\n", with: "\r\n")
            let reading = reader.read(Array(text.utf8), source: .demo, catalogue: catalogue, now: sent)
            return try InboxStore.receive(tx, reading.mail)
        }
        let actor = AuditActor(kind: .user, userID: staff)

        _ = try receive(midsummer, hoursAgo: 3)
        if case .stored(_, let conversation?, _, _) = try receive(conference, hoursAgo: 26), let support {
            _ = try InboxStore.assign(tx, conversation: conversation, to: support, actor: actor)
        }
        if case .stored(_, let conversation?, _, _) = try receive(asaFirst, hoursAgo: 50) {
            if case .queued(let reply) = try InboxStore.reply(
                tx, conversation: conversation,
                reply: InboxStore.Reply(
                    text: """
                        Hej Åsa!

                        Tack för din förfrågan. Ett partytält 4×8 m räcker till 32 sittande gäster; vi har det \
                        ledigt den helgen. Vill du att vi lägger till golv och belysning?
                        """, files: []),
                actor: actor)
            {
                // Sent in the demo's past: the worker finds it sent and does not send it again.
                try InboxStore.recordDelivery(
                    tx, messageID: reply, sentAs: "demo-reply-\(reply)@eventgaraget.se", error: nil)
                _ = try receive(
                    asaAutoReply.replacingOccurrences(of: "{REPLY}", with: "demo-reply-\(reply)@eventgaraget.se"),
                    hoursAgo: 47)
                _ = try receive(
                    asaAnswer.replacingOccurrences(of: "{REPLY}", with: "demo-reply-\(reply)@eventgaraget.se"),
                    hoursAgo: 20)
            }
        }
        if case .stored(_, let conversation?, _, _) = try receive(closedThanks, hoursAgo: 120) {
            _ = try InboxStore.setState(tx, conversation: conversation, to: .closed, actor: actor)
        }
    }

    static let midsummer = """
        From: Johanna Berg <johanna.berg@example.net>
        To: info@eventgaraget.se
        Subject: Hyra tält till midsommar
        Date: {DATE}
        Message-ID: <demo-midsommar@example.net>
        MIME-Version: 1.0
        Content-Type: text/plain; charset=utf-8
        Content-Transfer-Encoding: 8bit

        Hej!

        Vi ska fira midsommarafton hemma på landet och blir runt 60 gäster. Kan vi hyra ett tält för 60 personer, \
        långbord och stolar till alla? Gärna två terrassvärmare också om det blir kyligt.

        Leverans till Björkvägen 12, 443 38 Lerum.

        Mvh
        Johanna Berg
        070-234 56 78
        """

    static let conference = """
        From: "Oliver Grant" <oliver.grant@nordiclogistics.example>
        To: info@eventgaraget.se
        Subject: Company summer party - quote request
        Date: {DATE}
        Message-ID: <demo-conference@nordiclogistics.example>
        MIME-Version: 1.0
        Content-Type: text/html; charset=utf-8

        <html><body><p>Hello,</p>
        <p>We are planning our summer party on <b>Friday August 20th</b> for about 120 people at our office,
        Lindholmspiren 7, 417 56 G&ouml;teborg.</p>
        <p>Could you quote a marquee for 120 guests, 15 round tables, a dance floor and a large PA system?</p>
        <p>Kind regards,<br>Oliver Grant<br>Nordic Logistics AB<br>+46 31 555 12 34</p></body></html>
        """

    static let asaFirst = """
        From: Åsa Öberg <asa.oberg@example.se>
        To: info@eventgaraget.se
        Subject: =?utf-8?q?F=C3=B6delsedagsfest_i_tr=C3=A4dg=C3=A5rden?=
        Date: {DATE}
        Message-ID: <demo-asa-1@example.se>
        MIME-Version: 1.0
        Content-Type: text/plain; charset=iso-8859-1
        Content-Transfer-Encoding: quoted-printable

        Hej!

        Jag fyller 50 och vill hyra ett partyt=E4lt 4x8 och 30 klappstolar till l=F6rdag 4 september.
        Vi blir ca 30 g=E4ster.

        H=E4lsningar
        =C5sa
        """

    static let asaAutoReply = """
        From: Åsa Öberg <asa.oberg@example.se>
        To: info@eventgaraget.se
        Subject: Autosvar: Re: Födelsedagsfest i trädgården
        Date: {DATE}
        Message-ID: <demo-asa-ooo@example.se>
        In-Reply-To: <{REPLY}>
        Auto-Submitted: auto-replied
        Content-Type: text/plain; charset=utf-8

        Jag är på semester och läser min e-post när jag är tillbaka.
        """

    static let asaAnswer = """
        From: Åsa Öberg <asa.oberg@example.se>
        To: info@eventgaraget.se
        Subject: Re: Födelsedagsfest i trädgården
        Date: {DATE}
        Message-ID: <demo-asa-2@example.se>
        In-Reply-To: <{REPLY}>
        References: <demo-asa-1@example.se> <{REPLY}>
        Content-Type: text/plain; charset=utf-8

        Tack! Ja, lägg gärna till en ljusslinga och tio stolar till.

        /Åsa

        Den 3 juni skrev EventGaraget <info@eventgaraget.se>:
        > Hej Åsa!
        > Tack för din förfrågan.
        """

    static let closedThanks = """
        From: Lars Holm <lars.holm@example.org>
        To: info@eventgaraget.se
        Subject: Tack för senast
        Date: {DATE}
        Message-ID: <demo-lars@example.org>
        Content-Type: text/plain; charset=utf-8

        Tack för ett smidigt samarbete, allt fungerade perfekt!

        Lars
        """
}
