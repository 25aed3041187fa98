/// Received messages as real clients and servers write them, in CRLF form unless a test says not.
enum InboundSamples {
    /// The text with every LF made CRLF, as it arrives over SMTP.
    static func crlf(_ text: String) -> [UInt8] {
        var bytes: [UInt8] = []
        for byte in text.utf8 {
            if byte == 0x0A { bytes.append(0x0D) }
            bytes.append(byte)
        }
        return bytes
    }

    /// Outlook: multipart/alternative, Windows-1252 quoted-printable, an encoded-word subject.
    static let outlook = crlf(
        """
        Received: from mail.example.se (mail.example.se [192.0.2.7])
        \tby mx.eventgaraget.se (Postfix) with ESMTPS id 4Xk2
        \tfor <hej@eventgaraget.se>; Tue,  2 Jun 2026 09:14:03 +0200 (CEST)
        From: =?iso-8859-1?Q?Eva_=C5berg?= <Eva.Aberg@Example.SE>
        To: "EventGaraget" <hej@eventgaraget.se>
        Cc: kontor@example.se, =?iso-8859-1?Q?P=E4r?= Nilsson <par@example.se>
        Subject: =?iso-8859-1?Q?Hyra_av_t=E4lt?=
        Thread-Topic: Hyra av =?iso-8859-1?Q?t=E4lt?=
        Date: Tue, 2 Jun 2026 07:14:01 +0000
        Message-ID: <DB9PR07MB1234ABCD@DB9PR07MB1234.eurprd07.prod.outlook.com>
        In-Reply-To: <q-117.1@eventgaraget.se>
        References: <q-117.0@eventgaraget.se>
         <q-117.1@eventgaraget.se>
        Content-Language: sv-SE
        Content-Type: multipart/alternative;
        \tboundary="_000_DB9PR07MB1234ABCD_"
        MIME-Version: 1.0

        --_000_DB9PR07MB1234ABCD_
        Content-Type: text/plain; charset="iso-8859-1"
        Content-Transfer-Encoding: quoted-printable

        Hej!

        Vi skulle vilja hyra ett t=E4lt f=F6r 80 personer den 14 juni, pris max 20 0=
        00 =80. G=e5r det?

        Med v=E4nliga h=E4lsningar
        Eva =C5berg
        Example AB
        070-123 45 67

        --_000_DB9PR07MB1234ABCD_
        Content-Type: text/html; charset="iso-8859-1"
        Content-Transfer-Encoding: quoted-printable

        <html><head><meta http-equiv=3D"Content-Type" content=3D"text/html; charset=3D=
        iso-8859-1"></head><body><p class=3D"MsoNormal">Hej!<o:p></o:p></p><p>Vi skulle v=
        ilja hyra ett t=E4lt.</p></body></html>

        --_000_DB9PR07MB1234ABCD_--
        """)

    /// Gmail: UTF-8 base64 in both alternatives, the history in `gmail_quote`, a subject split
    /// into two base64 encoded-words in the middle of a character.
    static let gmail = crlf(
        """
        MIME-Version: 1.0
        Date: Wed, 3 Jun 2026 10:12:44 +0200
        Message-ID: <CAF=abc123+XyZ@mail.gmail.com>
        Subject: =?UTF-8?B?T2ZmZXJ0ZsO2cmY=?=
         =?UTF-8?B?csOlZ2FuIOKAkyB0w6RsdA==?=
        From: Per Persson <per.persson@gmail.com>
        To: hej@eventgaraget.se
        Content-Type: multipart/alternative; boundary="000000000000a1b2c3"

        --000000000000a1b2c3
        Content-Type: text/plain; charset="UTF-8"
        Content-Transfer-Encoding: base64

        SGVqLA0KVmkgdmlsbCBoeXJhIDQwIHN0b2xhciB0aWxsIGzDtnJkYWcuDQoNCk12aCBQZXINCg0K
        RGVuIHRpcyAzIGp1bmkgMjAyNiBrbCAxMDowMCBza3JldiBFdmVudEdhcmFnZXQgPGhlakBldmVu
        dGdhcmFnZXQuc2U+Og0KPiBUYWNrIGbDtnIgZGluIGZyw6VnYSENCg==
        --000000000000a1b2c3
        Content-Type: text/html; charset="UTF-8"
        Content-Transfer-Encoding: base64

        PGRpdiBkaXI9Imx0ciI+SGVqLDxkaXY+VmkgdmlsbCBoeXJhIDQwIHN0b2xhciB0aWxsIGzDtnJk
        YWcuPC9kaXY+PGRpdj48YnI+PC9kaXY+PGRpdj5NdmggUGVyPC9kaXY+PC9kaXY+PGJyPjxkaXYg
        Y2xhc3M9ImdtYWlsX3F1b3RlIj48ZGl2IGRpcj0ibHRyIiBjbGFzcz0iZ21haWxfYXR0ciI+RGVu
        IHRpcyAzIGp1bmkgMjAyNiBrbCAxMDowMCBza3JldiBFdmVudEdhcmFnZXQgJmx0OzxhIGhyZWY9
        Im1haWx0bzpoZWpAZXZlbnRnYXJhZ2V0LnNlIj5oZWpAZXZlbnRnYXJhZ2V0LnNlPC9hPiZndDs6
        PGJyPjwvZGl2PjxibG9ja3F1b3RlIGNsYXNzPSJnbWFpbF9xdW90ZSI+VGFjayBmw7ZyIGRpbiBm
        csOlZ2EhPC9ibG9ja3F1b3RlPjwvZGl2Pg0K
        --000000000000a1b2c3--
        """)

    /// Apple Mail: ISO-8859-1 text in base64, an inline image and a PDF whose name is RFC 2231.
    static let appleMail = crlf(
        """
        From: =?utf-8?Q?=C3=85sa_=C3=96berg?= <asa@example.com>
        Content-Type: multipart/mixed;
        \tboundary="Apple-Mail=_5F6A7B8C-1D2E"
        Mime-Version: 1.0 (Mac OS X Mail 16.0 \\(3774.600.62\\))
        Subject: =?iso-8859-1?Q?T=E4lt_till_midsommar?=
        Date: Thu, 4 Jun 2026 21:03:11 +0200
        Message-Id: <5A1B2C3D-4E5F@example.com>
        To: EventGaraget <hej@eventgaraget.se>

        --Apple-Mail=_5F6A7B8C-1D2E
        Content-Transfer-Encoding: base64
        Content-Type: text/plain;
        \tcharset=iso-8859-1

        SGVqIQoKSmFnIHVuZHJhciBvbSBuaSBoYXIgZXR0IHTkbHQgZvZyIDYwIHBlcnNvbmVyIGxlZGln
        dCBkZW4gMTQganVuaS4KVuRubGlnYSBo5GxzbmluZ2FyCsVzYSDWYmVyZwo=
        --Apple-Mail=_5F6A7B8C-1D2E
        Content-Transfer-Encoding: base64
        Content-Disposition: inline;
        \tfilename=skiss.png
        Content-Type: image/png;
        \tname="skiss.png"
        Content-Id: <7C1D2E3F@example.com>

        AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8gISIjJCUmJygpKissLS4vMDEyMzQ1Njc4OTo7
        --Apple-Mail=_5F6A7B8C-1D2E
        Content-Disposition: attachment;
        \tfilename*0*=utf-8''Offert%20f%C3%B6r%20t%C3%A4lt%20;
        \tfilename*1*=%E2%80%93%20midsommar.pdf
        Content-Type: application/pdf;
        \tname="=?utf-8?Q?Offert_f=C3=B6r_t=C3=A4lt_=E2=80=93_midsommar=2Epdf?="
        Content-Transfer-Encoding: base64

        JVBERi0xLjQK
        --Apple-Mail=_5F6A7B8C-1D2E--
        """)

    /// A forward as an attachment: no text of its own, the inquiry inside `message/rfc822`.
    static let forwardedAsAttachment = crlf(
        """
        From: Kontoret <kontor@example.se>
        To: hej@eventgaraget.se
        Subject: Fwd: Fest i augusti
        Date: Fri, 5 Jun 2026 08:00:00 +0200
        Message-ID: <fwd-1@example.se>
        MIME-Version: 1.0
        Content-Type: multipart/mixed; boundary=outer

        --outer
        Content-Type: text/plain; charset=utf-8

        --outer
        Content-Type: message/rfc822
        Content-Disposition: attachment; filename="Fest i augusti.eml"

        From: Lisa Lind <lisa@example.org>
        To: kontor@example.se
        Subject: Fest i augusti
        Message-ID: <orig-1@example.org>
        Date: Thu, 4 Jun 2026 17:30:00 +0200
        Content-Type: text/plain; charset=utf-8
        Content-Transfer-Encoding: 8bit

        Hej, vi behöver ett tält och 50 stolar den 8 augusti.
        /Lisa, 070-765 43 21
        --outer--
        """)

    /// Postfix's bounce: RFC 3464 multipart/report with the returned message's headers.
    static let postfixBounce = crlf(
        """
        Return-Path: <>
        Received: by mx.eventgaraget.se (Postfix)
        \tid 7F2A1; Sat,  6 Jun 2026 12:00:02 +0200 (CEST)
        Date: Sat,  6 Jun 2026 12:00:02 +0200 (CEST)
        From: MAILER-DAEMON@mx.eventgaraget.se (Mail Delivery System)
        Subject: Undelivered Mail Returned to Sender
        To: bokning@eventgaraget.se
        Auto-Submitted: auto-replied
        MIME-Version: 1.0
        Content-Type: multipart/report; report-type=delivery-status;
        \tboundary="7F2A1.1780740002/mx.eventgaraget.se"
        Message-Id: <20260606100002.7F2A1@mx.eventgaraget.se>

        This is a MIME-encapsulated message.

        --7F2A1.1780740002/mx.eventgaraget.se
        Content-Description: Notification
        Content-Type: text/plain; charset=us-ascii

        This is the mail system at host mx.eventgaraget.se.

        I'm sorry to have to inform you that your message could not
        be delivered to one or more recipients.

        <nobody@example.se>: host mx.example.se[192.0.2.9] said: 550 5.1.1
            <nobody@example.se>: Recipient address rejected: User unknown (in reply to
            RCPT TO command)

        --7F2A1.1780740002/mx.eventgaraget.se
        Content-Description: Delivery report
        Content-Type: message/delivery-status

        Reporting-MTA: dns; mx.eventgaraget.se
        X-Postfix-Queue-ID: 7F2A1
        Arrival-Date: Sat,  6 Jun 2026 12:00:01 +0200 (CEST)

        Final-Recipient: rfc822; nobody@example.se
        Original-Recipient: rfc822;nobody@example.se
        Action: failed
        Status: 5.1.1
        Remote-MTA: dns; mx.example.se
        Diagnostic-Code: smtp; 550 5.1.1 <nobody@example.se>: Recipient address
            rejected: User unknown

        --7F2A1.1780740002/mx.eventgaraget.se
        Content-Description: Undelivered Message Headers
        Content-Type: text/rfc822-headers

        From: EventGaraget <bokning@eventgaraget.se>
        To: nobody@example.se
        Subject: Din offert
        Message-ID: <q-118.1@eventgaraget.se>

        --7F2A1.1780740002/mx.eventgaraget.se--
        """)

    /// Exchange's out-of-office answer, in Swedish.
    static let exchangeOutOfOffice = crlf(
        """
        From: Eva Åberg <eva@example.se>
        To: EventGaraget <bokning@eventgaraget.se>
        Subject: =?utf-8?B?QXV0b21hdGlza3Qgc3ZhcjogRGluIG9mZmVydA==?=
        Thread-Topic: Din offert
        Date: Sun, 7 Jun 2026 09:00:00 +0000
        Message-ID: <oof-1@example.se>
        Auto-Submitted: auto-generated
        X-Auto-Response-Suppress: All
        X-MS-Exchange-Inbox-Rules-Loop: eva@example.se
        Content-Type: text/plain; charset="utf-8"
        Content-Transfer-Encoding: quoted-printable
        MIME-Version: 1.0

        Jag =C3=A4r ledig till och med 20 juni.
        """)

    /// A bounce that is not RFC 3464, recognised by its subject; the original's id is quoted.
    static let swedishBounce = crlf(
        """
        From: Postmaster <postmaster@example.se>
        To: bokning@eventgaraget.se
        Subject: =?utf-8?Q?Olevererbart:_Din_offert?=
        Content-Type: text/plain; charset=utf-8
        Content-Transfer-Encoding: 8bit

        Det gick inte att leverera meddelandet till följande mottagare:

        <kund@example.se>:
        Postlådan finns inte.

        ------ Ursprungliga huvuden ------
        From: EventGaraget <bokning@eventgaraget.se>
        Message-ID: <q-119.1@eventgaraget.se>
        Subject: Din offert
        """)
}
