import Foundation
import TestSupport
import Testing

/// The company structure's pages in process with a real PostgreSQL: the demo tree for every role,
/// an admin adding, moving, renaming and deleting with audit rows and events, cycles and bad names
/// refused with 4xx next to the field and nothing stored, and only admins changing anything.
@Suite("Admin: company structure", .serialized)
struct AdminStructureTests {
    static func department(_ session: AdminSession, _ name: String) throws -> String {
        try session.sql("SELECT id FROM departments WHERE name = '\(name)'")
    }

    /// Everything the structure's pages could change, as one text (sign-ins write audit rows too,
    /// so only the structure's own are counted).
    static func snapshot(_ session: AdminSession) throws -> String {
        try session.sql(
            """
            SELECT (SELECT count(*) FROM audit_log WHERE entity_type IN ('department', 'position') OR action = 'placed')
                || '|' || (SELECT count(*) FROM events
                            WHERE type LIKE 'department.%' OR type LIKE 'position.%' OR type = 'user.placed') || '|'
                || (SELECT string_agg(id || ':' || name || ':' || coalesce(parent_id::text, '-') || ':'
                                      || coalesce(head_position_id::text, '-'), ',' ORDER BY id) FROM departments) || '|'
                || (SELECT string_agg(id || ':' || name || ':' || department_id, ',' ORDER BY id) FROM positions) || '|'
                || (SELECT string_agg(user_id || ':' || coalesce(position_id::text, '-') || ':'
                                      || coalesce(manager_id::text, '-'), ',' ORDER BY user_id) FROM staff_placements)
            """)
    }

    @Test func everyRoleReadsTheDemoTreeAndOnlyAdminsChangeIt() throws {
        let session = try AdminSession()
        defer { session.stack.shutdown() }
        let tree = try session.admin.get("/admin/structure")
        #expect(tree.status == 200)
        for text in [
            "data-department=\"Ledning\"", "data-department=\"Sälj\"", "data-department=\"Lager och logistik\"",
            "data-department=\"Kundtjänst\"", "data-position=\"VD\"", "data-position=\"Säljare\"",
            "data-position=\"Lagerchef\"", "data-position=\"Montör\"", "Maria Sjöberg", "Jönsson Lager",
            "Manager: Karin Admin Lindqvist", "Manager: Maria Sjöberg", "Vacant",
        ] {
            #expect(tree.text.contains(text), "\(text)")
        }
        // Nested: Sälj's card is inside Ledning's.
        let ledning = try #require(tree.text.range(of: "data-department=\"Ledning\""))
        let salj = try #require(tree.text.range(of: "data-department=\"Sälj\""))
        #expect(ledning.lowerBound < salj.lowerBound)
        #expect(tree.text.contains("href=\"/admin/structure/departments/new\""))
        #expect(tree.text.contains("href=\"/admin/structure\""), "in the navigation")

        let before = try Self.snapshot(session)
        let lagerID = try Self.department(session, "Lager och logistik")
        for email in ["maria@eventgaraget.se", "lager@eventgaraget.se", "support@eventgaraget.se"] {
            let member = try session.browser(signedInAs: email)
            let read = try member.get("/admin/structure")
            #expect(read.status == 200 && read.text.contains("data-position=\"Lagerchef\""), "\(email)")
            #expect(!read.text.contains("/admin/structure/departments/"), "\(email) sees no edit links")
            #expect(try member.get("/admin/structure/departments/\(lagerID)").status == 403)
            let refused = try member.post("/admin/structure/departments", [("name", "Ekonomi")])
            #expect(refused.status == 403 && refused.text.contains("Your role does not allow"), "\(email)")
            #expect(
                try member.post("/admin/structure/departments/\(lagerID)/delete", [("move_to", "")]).status == 403)
            #expect(
                try member.post(
                    "/admin/structure/people/\(try session.userID(email))", [("position", ""), ("manager", "")]
                ).status == 403)
        }
        #expect(try Self.snapshot(session) == before)

        // In Swedish for a Swedish browser.
        let swedish = try session.browser(signedInAs: "support@eventgaraget.se")
        swedish.language = "sv"
        _ = try swedish.get("/admin/structure")
        let svenska = try swedish.get("/admin/structure")
        #expect(svenska.text.contains("Organisation") && svenska.text.contains("Chef: Maria Sjöberg"))
    }

    @Test func anAdminAddsMovesRenamesAndDeletesWithAuditRowsAndEvents() throws {
        let session = try AdminSession()
        defer { session.stack.shutdown() }
        let admin = session.admin
        let ledning = try Self.department(session, "Ledning")
        let lager = try Self.department(session, "Lager och logistik")
        _ = try admin.get("/admin/structure")
        let auditBefore = try session.sql("SELECT max(id) FROM audit_log")
        let eventsBefore = try session.sql("SELECT max(id) FROM events")

        let created = try admin.post("/admin/structure/departments", [("name", " Ekonomi "), ("parent", ledning)])
        #expect(created.status == 303)
        let ekonomi = try Self.department(session, "Ekonomi")
        #expect(created.header("location") == "/admin/structure/departments/\(ekonomi)")
        #expect(try session.sql("SELECT parent_id FROM departments WHERE id = \(ekonomi)") == ledning)

        let position = try admin.post(
            "/admin/structure/departments/\(ekonomi)/positions", [("position_name", "Ekonomiansvarig")])
        #expect(position.status == 303)
        let positionID = try session.sql("SELECT id FROM positions WHERE name = 'Ekonomiansvarig'")

        // Move under Lager och logistik, rename, make the new position its head.
        let moved = try admin.post(
            "/admin/structure/departments/\(ekonomi)",
            [("name", "Ekonomi och admin"), ("parent", lager), ("head", positionID)])
        #expect(moved.status == 303)
        #expect(
            try session.sql(
                "SELECT name || ':' || parent_id || ':' || head_position_id FROM departments WHERE id = \(ekonomi)")
                == "Ekonomi och admin:\(lager):\(positionID)")
        let page = try admin.get("/admin/structure/departments/\(ekonomi)")
        #expect(page.status == 200 && page.text.contains("Ledning › Lager och logistik › Ekonomi och admin"))

        // Place Åke there under Jönsson; the tree shows it.
        let ake = try session.userID("support@eventgaraget.se")
        let lagerchef = try session.userID("lager@eventgaraget.se")
        let placed = try admin.post(
            "/admin/structure/people/\(ake)", [("position", positionID), ("manager", lagerchef)])
        #expect(placed.status == 303)
        #expect(try admin.get("/admin/structure").text.contains("Manager: Jönsson Lager"))

        // Deleting it is refused while Åke holds its position; with a move it goes, and the position moves.
        let refused = try admin.post("/admin/structure/departments/\(ekonomi)/delete", [("move_to", "")])
        #expect(refused.status == 422)
        #expect(
            Page.error("move_to", in: refused.text)?.contains("1 positions with holders") == true, "\(refused.text)")
        let deleted = try admin.post("/admin/structure/departments/\(ekonomi)/delete", [("move_to", lager)])
        #expect(deleted.status == 303 && deleted.header("location") == "/admin/structure")
        #expect(try session.sql("SELECT count(*) FROM departments WHERE id = \(ekonomi)") == "0")
        #expect(try session.sql("SELECT department_id FROM positions WHERE id = \(positionID)") == lager)

        let changes =
            "department.created,position.created,department.updated,user.placed,position.updated,department.deleted"
        #expect(
            try session.sql(
                """
                SELECT string_agg(entity_type || '.' || action, ',' ORDER BY id) FROM audit_log
                 WHERE id > \(auditBefore) AND entity_type IN ('department', 'position', 'user')
                   AND actor_user_id = \(try session.userID("admin@eventgaraget.se"))
                """) == changes)
        #expect(
            try session.sql(
                """
                SELECT string_agg(type, ',' ORDER BY id) FROM events
                 WHERE id > \(eventsBefore) AND (type LIKE 'department.%' OR type LIKE 'position.%' OR type = 'user.placed')
                """) == changes)
        #expect(
            try session.sql(
                "SELECT payload->'details'->>'parent' FROM events WHERE type = 'department.updated' AND entity_id = \(ekonomi)"
            ) == "Lager och logistik")
        #expect(
            try session.sql(
                "SELECT payload->'object'->'manager'->>'name' FROM events WHERE type = 'user.placed' AND entity_id = \(ake) ORDER BY id DESC LIMIT 1"
            ) == "Jönsson Lager")

        // Rename and delete a vacant position.
        let montor = try session.sql("SELECT id FROM positions WHERE name = 'Montör'")
        #expect(try admin.post("/admin/structure/positions/\(montor)", [("name", "Tältmontör")]).status == 303)
        #expect(try session.sql("SELECT name FROM positions WHERE id = \(montor)") == "Tältmontör")
        #expect(try admin.post("/admin/structure/positions/\(montor)/delete").status == 303)
        #expect(try session.sql("SELECT count(*) FROM positions WHERE id = \(montor)") == "0")
        #expect(
            try session.sql("SELECT count(*) FROM events WHERE type = 'position.deleted' AND entity_id = \(montor)")
                == "1")
    }

    @Test func cyclesAndBadNamesAreRefusedNextToTheFieldAndNothingIsStored() throws {
        let session = try AdminSession()
        defer { session.stack.shutdown() }
        let admin = session.admin
        let ledning = try Self.department(session, "Ledning")
        let salj = try Self.department(session, "Sälj")
        _ = try admin.get("/admin/structure")
        let before = try Self.snapshot(session)

        // Ledning under its own sub-department Sälj.
        let cycle = try admin.post("/admin/structure/departments/\(ledning)", [("name", "Ledning"), ("parent", salj)])
        #expect(cycle.status == 422)
        #expect(
            Page.error("parent", in: cycle.text) == "Ledning cannot be part of Sälj: Sälj is already part of Ledning.")
        // Karin (VD) under Åke, who reports to Maria, who reports to Karin.
        let karin = try session.userID("admin@eventgaraget.se")
        let ake = try session.userID("support@eventgaraget.se")
        let vd = try session.sql("SELECT id FROM positions WHERE name = 'VD'")
        let chain = try admin.post("/admin/structure/people/\(karin)", [("position", vd), ("manager", ake)])
        #expect(chain.status == 422)
        #expect(
            Page.error("manager", in: chain.text)
                == "The manager chain would go round in a circle: Karin Admin Lindqvist → Åke Nyström → Maria Sjöberg → Karin Admin Lindqvist."
        )
        #expect(Page.selected("manager", in: chain.text) == ake, "what was chosen is kept")
        #expect(try admin.post("/admin/structure/people/\(karin)", [("manager", karin)]).status == 422)

        // Names: empty, a sibling's (whatever the case), too long; in Swedish for a Swedish browser.
        let empty = try admin.post("/admin/structure/departments", [("name", "  "), ("parent", ledning)])
        #expect(empty.status == 400 && Page.error("name", in: empty.text) == "Enter a name.")
        let taken = try admin.post("/admin/structure/departments", [("name", "sälj"), ("parent", ledning)])
        #expect(
            taken.status == 422
                && Page.error("name", in: taken.text) == "The name is already used at the same level (Sälj).")
        let long = try admin.post(
            "/admin/structure/departments/\(salj)/positions", [("position_name", String(repeating: "x", count: 101))])
        #expect(long.status == 400 && Page.error("position_name", in: long.text) == "At most 100 characters.")
        let swedish = try session.browser(signedInAs: "admin@eventgaraget.se")
        swedish.language = "sv"
        _ = try swedish.get("/admin/structure")
        let svenska = try swedish.post(
            "/admin/structure/departments/\(ledning)", [("name", "Ledning"), ("parent", salj)])
        #expect(
            svenska.status == 422
                && Page.error("parent", in: svenska.text)
                    == "Ledning kan inte ligga under Sälj: Sälj ligger redan under Ledning."
        )
        // A held position is not deleted.
        let saljare = try session.sql("SELECT id FROM positions WHERE name = 'Säljare'")
        let held = try admin.post("/admin/structure/positions/\(saljare)/delete")
        #expect(held.status == 422 && held.text.contains("1 people hold the position"))
        #expect(try admin.post("/admin/structure/departments", [("name", "X"), ("parent", "abc")]).status == 400)
        #expect(try admin.get("/admin/structure/departments/999999").status == 404)

        #expect(try Self.snapshot(session) == before, "a refused change stored something")
    }
}
