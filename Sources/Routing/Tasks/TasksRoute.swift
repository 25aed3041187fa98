public import Domain

/// Tasks on the staff side: everyone has "My tasks" and fills, comments on and completes the
/// tasks given to them; managers and admins give tasks, cancel and reassign them.
public enum TasksRoute: Hashable, Sendable {
    /// `/admin/tasks?show=open|overdue|done` — assigned to me, my access role, my position or my
    /// department.
    case mine(TaskListShow = .open)
    /// `POST /admin/tasks` — `form`, `title`, `assignee` (`user:3`, `role:warehouse`, …), `due_on`,
    /// and what it is about: `booking`, `quotation`, `customer`.
    case create
    /// `/admin/tasks/{id}` — the form to fill (or the answers once done), files, comments.
    case show(TaskID)
    /// `POST /admin/tasks/{id}/complete` — multipart: the form's fields, files under their keys.
    case complete(TaskID)
    /// `POST /admin/tasks/{id}/comments` — `body`.
    case comment(TaskID)
    /// `POST /admin/tasks/{id}/cancel`.
    case cancel(TaskID)
    /// `POST /admin/tasks/{id}/reassign` — `assignee`, `due_on`.
    case reassign(TaskID)
    /// `/admin/tasks/files/{id}` — an uploaded file, as an attachment.
    case file(TaskFileID)
}

extension TasksRoute: FeatureRoute {
    public var endpoint: Endpoint<TasksRoute> {
        let base: [PathPart] = ["admin", "tasks"]
        switch self {
        case .mine(let show):
            return Endpoint(.get, base, query: ["show": show == .open ? "" : show.rawValue], access: .everyone) { c in
                .mine(c.query("show").flatMap(TaskListShow.init(rawValue:)) ?? .open)
            }
        case .create: return Endpoint(.post, base, access: .management) { _ in .create }
        case .show(let id):
            return Endpoint(.get, base + [.id(id.rawValue)], access: .everyone) { c in .show(TaskID(rawValue: c.ids[0]))
            }
        case .complete(let id):
            return Endpoint(.post, base + [.id(id.rawValue), "complete"], access: .everyone) { c in
                .complete(TaskID(rawValue: c.ids[0]))
            }
        case .comment(let id):
            return Endpoint(.post, base + [.id(id.rawValue), "comments"], access: .everyone) { c in
                .comment(TaskID(rawValue: c.ids[0]))
            }
        case .cancel(let id):
            return Endpoint(.post, base + [.id(id.rawValue), "cancel"], access: .management) { c in
                .cancel(TaskID(rawValue: c.ids[0]))
            }
        case .reassign(let id):
            return Endpoint(.post, base + [.id(id.rawValue), "reassign"], access: .management) { c in
                .reassign(TaskID(rawValue: c.ids[0]))
            }
        case .file(let id):
            return Endpoint(.get, base + ["files", .id(id.rawValue)], access: .everyone) { c in
                .file(TaskFileID(rawValue: c.ids[0]))
            }
        }
    }

    public static let samples: [TasksRoute] = [
        .mine(.open), .create, .show(TaskID(rawValue: 1)), .complete(TaskID(rawValue: 1)),
        .comment(TaskID(rawValue: 1)),
        .cancel(TaskID(rawValue: 1)), .reassign(TaskID(rawValue: 1)), .file(TaskFileID(rawValue: 1)),
    ]
}

/// Which of my tasks the list shows: open (the default), overdue, done.
public enum TaskListShow: String, Hashable, Sendable, CaseIterable {
    case open, overdue, done
}
