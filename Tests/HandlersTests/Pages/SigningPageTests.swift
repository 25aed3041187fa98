import Foundation
import Sealing
import TestSupport
import Testing

/// The customer's page `/sign/{token}` in process (the real responder), on demo data.
@Suite("Signing page", .serialized)
struct SigningPageTests {
    @Test func everyLinkStateHasItsPageAndTheFirstViewIsAudited() throws {
        let stack = try InProcessApp()
        defer { stack.shutdown() }
        let seeded = stack.seeded
        #expect(seeded.status == 0, "\(seeded.errorOutput)")
        let link = try #require(seeded.output.split(separator: "\n").first { $0.hasPrefix("Signing link: ") })
        let path = "/sign/" + String(link.split(separator: "/").last!)
        let database = databaseName(fromURL: stack.databaseURL)

        let page = try stack.client.get(path, headers: ["Accept-Language": "sv"])
        #expect(page.status == 200)
        #expect(page.header("cache-control") == "no-store")
        #expect(page.text.contains("<h1>Offert Q-"))
        #expect(page.text.contains("Att betala"))
        #expect(page.text.contains("Hyresperiod"))
        #expect(page.text.contains("class=\"terms\""))
        #expect(page.text.range(of: #"<code>[0-9a-f]{64}</code>"#, options: .regularExpression) != nil)
        #expect(page.text.contains("href=\"\(path)/offer.pdf\""))
        let offerText = try pdfText(
            try stack.client.get(path + "/offer.pdf", headers: ["Accept-Language": "sv"]), in: stack)
        #expect(offerText.contains("Offert"))
        #expect(offerText.contains("Att betala"))
        _ = try stack.client.get(path)
        let viewed = try stack.postgres.psql(
            "SELECT count(*) FROM audit_log WHERE action = 'viewed'", database: database)
        #expect(viewed.trimmingCharacters(in: .whitespacesAndNewlines) == "1")
        let views = try stack.postgres.psql("SELECT max(view_count) FROM signing_links", database: database)
        // A reload within a minute does not write again.
        #expect(views.trimmingCharacters(in: .whitespacesAndNewlines) == "1")

        // Wrong, malformed and never-issued tokens: one and the same 404 page.
        let wrong = try stack.client.get(
            "/sign/" + String(repeating: "A", count: 43), headers: ["Accept-Language": "en"])
        let malformed = try stack.client.get("/sign/%3Cscript%3E", headers: ["Accept-Language": "en"])
        for result in [wrong, malformed] {
            #expect(result.status == 404)
            #expect(result.text.contains("<h1>The link does not work</h1>"))
        }

        // The other demo links (their tokens are still in the unsent email jobs) show their states:
        // those of the quotations still open and of the replaced versions (not the month's bookings).
        let tokens = try stack.postgres.psql(
            """
            SELECT j.payload->>'token' FROM jobs j
              JOIN signing_links l ON l.id = (j.payload->>'signing_link_id')::bigint
              JOIN quotation_versions v ON v.id = l.quotation_version_id
              JOIN quotations q ON q.id = v.quotation_id
             WHERE j.kind = 'email.signing_link' AND (q.state <> 'signed' OR v.state = 'superseded')
             ORDER BY j.id
            """, database: database
        ).split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        var headings: [Int: [String]] = [:]
        for token in tokens {
            let result = try stack.client.get("/sign/\(token)", headers: ["Accept-Language": "en"])
            let h1 =
                result.text.range(of: #"<h1>[^<]*"#, options: .regularExpression).map {
                    String(result.text[$0].dropFirst(4))
                } ?? ""
            headings[result.status, default: []].append(h1)
            // The offer PDF follows the page: only a link that can still be signed has it; any other
            // (replaced, voided, declined) answers 410 with its own page.
            let offer = try stack.client.get("/sign/\(token)/offer.pdf", headers: ["Accept-Language": "en"])
            if h1.hasPrefix("Quotation Q-") {
                #expect(offer.status == 200)
                #expect(offer.header("content-type") == "application/pdf")
            } else {
                #expect(offer.status == 410)
                #expect(offer.header("content-type")?.hasPrefix("text/html") == true)
                #expect(offer.text.contains("<h1>\(h1)</h1>"))
            }
        }
        #expect(headings[410]?.contains("The offer has been replaced") == true, "\(headings)")
        #expect(headings[200]?.contains { $0.hasPrefix("Quotation Q-") } == true, "\(headings)")

        // A link past its expiry date: the expired page, never a sign button.
        try stack.postgres.psql(
            "UPDATE signing_links SET created_at = now() - interval '40 days', expires_at = now() - interval '1 day' WHERE token_hash = sha256(convert_to('\(path.dropFirst(6))', 'UTF8'))",
            database: database)
        let expired = try stack.client.get(path, headers: ["Accept-Language": "en"])
        #expect(expired.status == 410)
        #expect(expired.text.contains("<h1>The link has expired</h1>"))
        #expect(!expired.text.contains("name=\"form_token\""))
        let expiredOffer = try stack.client.get(path + "/offer.pdf", headers: ["Accept-Language": "en"])
        #expect(expiredOffer.status == 410)
        #expect(expiredOffer.text.contains("<h1>The link has expired</h1>"))

        // The token never reaches the log.
        usleep(100_000)
        let log = stack.readResponderLog()
        #expect(log.contains("GET /sign/[token] 200"))
        for token in tokens { #expect(!log.contains(token)) }
    }

    @Test func aCustomerSignsWithATypedSignatureGetsABookingAndCanCheckTheSealedAgreement() throws {
        // The worker seals with the development PKI scripts/run makes; the done page trusts its root.
        let pki = try DevelopmentPKI()
        let stack = try InProcessApp(
            sealTrust: SealVerifier.trust(pem: [UInt8](try Data(contentsOf: URL(fileURLWithPath: pki.rootPEM)))))
        defer { stack.shutdown() }
        let seeded = stack.seeded
        let link = try #require(seeded.output.split(separator: "\n").first { $0.hasPrefix("Signing link: ") })
        let path = "/sign/" + String(link.split(separator: "/").last!)
        let database = databaseName(fromURL: stack.databaseURL)
        func count(_ table: String) throws -> String {
            try stack.postgres.psql("SELECT count(*) FROM \(table)", database: database)
                .trimmingCharacters(in: .whitespacesAndNewlines)
        }
        let bookingsBefore = try count("bookings")
        let signaturesBefore = try count("signatures")
        // The company asks for a deposit when the customer signs: the signing drafts it.
        _ = try stack.postgres.psql("UPDATE settings SET invoice_deposit_on_signing = true", database: database)

        let page = try stack.client.get(path, headers: ["Accept-Language": "en"])
        #expect(page.text.contains("<h2>Sign the agreement</h2>"))
        let tokenRange = try #require(
            page.text.range(of: #"name="form_token" value="[0-9a-f]{64}""#, options: .regularExpression))
        let formToken = String(page.text[tokenRange].dropFirst(#"name="form_token" value=""#.count).dropLast())
        func post(_ body: String) throws -> HTTPResult {
            try stack.client.request(
                "POST", path, headers: ["Accept-Language": "en", "Origin": stack.client.baseURL],
                body: Data(body.utf8), contentType: "application/x-www-form-urlencoded")
        }

        // No consent: 400, the errors next to the fields, what was typed kept, nothing stored.
        let refused = try post(
            "form_token=\(formToken)&method=typed&signer_name=%C3%85sa+%C3%96berg&signer_email=asa%40example.se&typed_signature=%C3%85sa+%C3%96berg"
        )
        #expect(refused.status == 400)
        #expect(refused.text.contains("You need to accept the agreement to sign."))
        #expect(refused.text.contains("value=\"Åsa Öberg\""))
        #expect(try count("signatures") == signaturesBefore)

        // An address the mailer could not send the confirmation to: refused here (finding F5).
        let brackets = try post(
            "form_token=\(formToken)&method=typed&signer_name=%C3%85sa&signer_email=%3Casa%40example.se%3E&typed_signature=%C3%85sa&consent=yes"
        )
        #expect(brackets.status == 400)
        #expect(brackets.text.contains("Enter a valid email address."))
        #expect(try count("signatures") == signaturesBefore)

        // A drawn "signature" that is only a dot: 400 with the reason, nothing stored.
        let dot = try post(
            "form_token=\(formToken)&method=drawn&strokes=%5B%5B%7B%22x%22%3A0.5%2C%22y%22%3A0.5%7D%5D%5D&signer_name=A&signer_email=a%40example.se&consent=yes"
        )
        #expect(dot.status == 400)
        #expect(dot.text.contains("The signature could not be read."))
        #expect(try count("signatures") == signaturesBefore)

        // Another site's form: refused before anything happens.
        let crossSite = try stack.client.request(
            "POST", path, headers: ["Origin": "https://evil.example"], body: Data("consent=yes".utf8),
            contentType: "application/x-www-form-urlencoded")
        #expect(crossSite.status == 403)
        // …also when the request claims that site's Host (this site is EG_PUBLIC_URL).
        let spoofedHost = try stack.client.request(
            "POST", path, headers: ["Origin": "https://evil.example", "Host": "evil.example"],
            body: Data(valid(formToken).utf8), contentType: "application/x-www-form-urlencoded")
        #expect(spoofedHost.status == 403)
        #expect(try count("signatures") == signaturesBefore)

        let signed = try post(valid(formToken))
        #expect(signed.status == 303)
        #expect(signed.header("location") == path + "/done")
        let done = try stack.client.get(path + "/done", headers: ["Accept-Language": "en"])
        #expect(done.status == 200)
        let number = try #require(done.text.range(of: #"EG-[0-9]{4}-[0-9]{4}"#, options: .regularExpression))
        #expect(done.text.contains("Thank you – the agreement is signed"))

        // A second submit (a retried POST) shows the same result and creates nothing twice.
        #expect(try post(valid(formToken)).status == 303)
        #expect(Int(try count("bookings"))! == Int(bookingsBefore)! + 1)
        #expect(Int(try count("signatures"))! == Int(signaturesBefore)! + 1)
        let signature = try stack.postgres.psql(
            "SELECT signer_name || '|' || method || '|' || host(ip) FROM signatures ORDER BY id DESC LIMIT 1",
            database: database)
        #expect(signature.trimmingCharacters(in: .whitespacesAndNewlines) == "Åsa Öberg|typed|127.0.0.1")
        let jobs = try stack.postgres.psql(
            """
            SELECT string_agg(kind, ',' ORDER BY kind) FROM jobs
             WHERE kind IN ('pdf.signed_agreement', 'email.signed', 'email.team_new_booking')
               AND payload->>'booking_id' = (SELECT max(id)::text FROM bookings)
            """,
            database: database)
        #expect(
            jobs.trimmingCharacters(in: .whitespacesAndNewlines)
                == "email.signed,email.team_new_booking,pdf.signed_agreement")
        #expect(
            try stack.postgres.psql(
                """
                SELECT string_agg(purpose || ':' || state, ',') FROM invoices
                 WHERE booking_id = (SELECT max(id) FROM bookings)
                """, database: database
            ).trimmingCharacters(in: .whitespacesAndNewlines) == "deposit:draft",
            "one deposit draft, also after the retry")

        // The link now shows the signed page, never a second sign button.
        let after = try stack.client.get(path, headers: ["Accept-Language": "en"])
        #expect(after.text.contains("The agreement is signed"))
        #expect(after.text.contains(String(done.text[number])))
        #expect(!after.text.contains("name=\"form_token\""))
        #expect(after.text.contains("href=\"\(path)/document.pdf\""))

        // The worker renders the signed PDF and sends the confirmation with it attached.
        let preparing = try stack.client.get(path + "/document.pdf", headers: ["Accept-Language": "en"])
        #expect(preparing.status == 202)
        #expect(preparing.header("refresh") == "3")
        let mail = stack.directory + "/mail"
        var env = stack.environment
        env["EG_MAIL_DIR"] = mail
        env["EG_SEAL_P12"] = pki.pki + "/seal.p12"
        env["EG_SEAL_P12_PASSWORD"] = "dev"
        env["EG_TSA_URL"] = pki.timestampURL
        env["EG_TSA_TRUST"] = pki.rootPEM
        let worker = try WorkerProcess(environment: env)
        // The worker seals the demo's forty agreements before this one: on a busy machine that takes a while.
        try waitUntil(timeout: 180) {
            (try? stack.postgres.psql(
                "SELECT count(*) FROM jobs WHERE kind IN ('pdf.signed_agreement', 'email.signed') AND state = 'done' AND payload->>'booking_id' = (SELECT max(id)::text FROM bookings)",
                database: database))?.trimmingCharacters(in: .whitespacesAndNewlines) == "2"
        }
        worker.stop()

        let pdf = try stack.client.get(path + "/document.pdf")
        let text = try pdfText(pdf, in: stack)
        #expect(text.contains("Åsa Öberg"))
        #expect(text.contains(String(done.text[number])))
        let sha = try stack.postgres.psql(
            "SELECT encode(snapshot_sha256, 'hex') FROM quotation_versions v JOIN signatures s ON s.quotation_version_id = v.id ORDER BY s.id DESC LIMIT 1",
            database: database
        ).trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(text.filter { !$0.isWhitespace }.contains(sha))

        // The customer's confirmation carries the same PDF (the team's notice is the other one with a PDF).
        let attachment = try run(
            "/usr/bin/python3",
            [
                "-c",
                """
                import sys, os, email
                from email import policy
                folder = sys.argv[1]
                for name in sorted(os.listdir(folder)):
                    with open(os.path.join(folder, name), 'rb') as f:
                        m = email.message_from_binary_file(f, policy=policy.default)
                    pdfs = [p for p in m.iter_attachments()
                            if p.get_content_type() == 'application/pdf' and sys.argv[2] in p.get_filename()]
                    if pdfs and not str(m['Subject']).startswith('Ny bokning'):
                        sys.stdout.buffer.write(pdfs[0].get_content())
                        break
                """, mail + "/new", String(done.text[number]),
            ])
        #expect(attachment.status == 0, "\(attachment.errorOutput)")
        #expect(attachment.stdout == pdf.body)

        // The done page checks a copy by upload: this file is genuine, one changed byte is not.
        #expect(done.text.contains("action=\"\(path)/verify\""))
        func check(_ data: Data?, origin: String? = nil) throws -> HTTPResult {
            let (body, type) = multipartFormData(
                fields: [],
                file: data.map { (name: "document", filename: "avtal.pdf", type: "application/pdf", data: $0) })
            var headers = ["Accept-Language": "en"]
            if let origin { headers["Origin"] = origin }
            return try stack.client.request("POST", path + "/verify", headers: headers, body: body, contentType: type)
        }
        let genuine = try check(pdf.body)
        #expect(genuine.status == 200)
        #expect(genuine.text.contains("Genuine and unchanged: this is the agreement you signed, sealed by us."))
        #expect(genuine.text.contains("CN=EventGaraget Seal (development)"))
        #expect(genuine.text.contains(sha))
        var tampered = pdf.body
        // One letter of the document information (/Producer), inside the sealed bytes.
        let at = try #require(tampered.range(of: Data("(cairo ".utf8)))
        tampered[at.lowerBound + 1] = UInt8(ascii: "C")
        let changed = try check(tampered)
        #expect(changed.status == 200)
        #expect(changed.text.contains("the file was changed"), "\(changed.text)")
        #expect(!changed.text.contains("Genuine"))
        let nothing = try check(nil)
        #expect(nothing.status == 400)
        #expect(nothing.text.contains("Choose the PDF file to check."))
        let notPDF = try check(Data("hello".utf8))
        #expect(notPDF.status == 400)
        #expect(notPDF.text.contains("The file is not a PDF we can read."))
        #expect(try check(pdf.body, origin: "https://evil.example").status == 403)
    }

    @Test func aCustomerDeclinesWithAReasonAndTheTeamIsTold() throws {
        let stack = try InProcessApp()
        defer { stack.shutdown() }
        let seeded = stack.seeded
        let link = try #require(seeded.output.split(separator: "\n").first { $0.hasPrefix("Signing link: ") })
        let path = "/sign/" + String(link.split(separator: "/").last!)
        let database = databaseName(fromURL: stack.databaseURL)
        let page = try stack.client.get(path, headers: ["Accept-Language": "en"])
        #expect(page.text.contains("Not going ahead? Decline the offer"))
        let tokenRange = try #require(
            page.text.range(of: #"name="form_token" value="[0-9a-f]{64}""#, options: .regularExpression))
        let formToken = String(page.text[tokenRange].dropFirst(#"name="form_token" value=""#.count).dropLast())

        let forged = try stack.client.request(
            "POST", path + "/decline", body: Data("form_token=nope&reason=x".utf8),
            contentType: "application/x-www-form-urlencoded")
        #expect(forged.status == 400)
        // A NUL byte in the reason is refused with the field named (PostgreSQL would refuse it: a 500).
        let nul = try stack.client.request(
            "POST", path + "/decline", headers: ["Accept-Language": "en"],
            body: Data("form_token=\(formToken)&reason=a%00b".utf8), contentType: "application/x-www-form-urlencoded")
        #expect(nul.status == 400)
        #expect(nul.text.contains("The field \u{201C}reason\u{201D} contains a control character"))
        // A reason over the form's 2,000 characters is refused with the limit named, not cut.
        let tooLong = try stack.client.request(
            "POST", path + "/decline", headers: ["Accept-Language": "en"],
            body: Data("form_token=\(formToken)&reason=\(String(repeating: "a", count: 2001))".utf8),
            contentType: "application/x-www-form-urlencoded")
        #expect(tooLong.status == 400)
        #expect(tooLong.text.contains("at most 2000 characters"))
        let stillOpen = try stack.client.get(path, headers: ["Accept-Language": "en"])
        #expect(stillOpen.text.contains("name=\"form_token\""))
        let declined = try stack.client.request(
            "POST", path + "/decline", headers: ["Accept-Language": "en"],
            body: Data("form_token=\(formToken)&reason=Vi+valde+ett+st%C3%B6rre+t%C3%A4lt".utf8),
            contentType: "application/x-www-form-urlencoded")
        #expect(declined.status == 303)
        let after = try stack.client.get(path, headers: ["Accept-Language": "en"])
        #expect(after.text.contains("The offer was declined"))
        #expect(!after.text.contains("name=\"form_token\""))
        let reason = try stack.postgres.psql("SELECT reason FROM declines ORDER BY id DESC LIMIT 1", database: database)
        #expect(reason.trimmingCharacters(in: .whitespacesAndNewlines) == "Vi valde ett större tält")

        // A worker that died holding the team's job: its lease runs out and another worker sends
        // the notice, exactly once.
        try stack.postgres.psql(
            """
            UPDATE jobs SET state = 'running', attempts = 1, locked_by = 'dead-host:1', locked_until = now() - interval '1 second'
             WHERE kind = 'email.team_declined' AND payload->>'decline_id' = (SELECT max(id)::text FROM declines)
            """, database: database)
        let mail = stack.directory + "/mail"
        var env = stack.environment
        env["EG_MAIL_DIR"] = mail
        let worker = try WorkerProcess(environment: env)
        try waitUntil(timeout: 30) {
            (try? stack.postgres.psql(
                """
                SELECT state || '|' || attempts FROM jobs
                 WHERE kind = 'email.team_declined' AND payload->>'decline_id' = (SELECT max(id)::text FROM declines)
                """, database: database))?
                .trimmingCharacters(in: .whitespacesAndNewlines) == "done|2"
        }
        worker.stop()
        let notices = try run(
            "/usr/bin/python3",
            [
                "-c",
                """
                import sys, os, email
                from email import policy
                n = 0
                for name in os.listdir(sys.argv[1]):
                    with open(os.path.join(sys.argv[1], name), 'rb') as f:
                        m = email.message_from_binary_file(f, policy=policy.default)
                    body = m.get_body(('plain',)).get_content()
                    if str(m['Subject']).startswith('Avböjd:') and 'större tält' in body:
                        n += 1
                        print(body)
                print('count', n)
                """, mail + "/new",
            ])
        #expect(notices.output.contains("count 1"), "\(notices.output) \(notices.errorOutput)")
        #expect(notices.output.contains("Orsak: Vi valde ett större tält"))
    }
}

/// A PDF served to the customer: checks it is one (`qpdf --check`) and returns its text (`pdftotext`).
private func pdfText(
    _ result: HTTPResult, in stack: InProcessApp, sourceLocation: SourceLocation = #_sourceLocation
) throws -> String {
    #expect(result.status == 200, sourceLocation: sourceLocation)
    #expect(result.header("content-type") == "application/pdf", sourceLocation: sourceLocation)
    let file = stack.directory + "/\(UUID().uuidString).pdf"
    try result.body.write(to: URL(fileURLWithPath: file))
    #expect(try run("/usr/bin/qpdf", ["--check", file]).status == 0, sourceLocation: sourceLocation)
    return try run("/usr/bin/pdftotext", ["-enc", "UTF-8", file, "-"]).output
}

/// A complete typed signature for the signing form.
private func valid(_ formToken: String) -> String {
    "form_token=\(formToken)&method=typed&signer_name=%C3%85sa+%C3%96berg&signer_email=asa%40example.se&typed_signature=%C3%85sa+%C3%96berg&consent=yes"
}
