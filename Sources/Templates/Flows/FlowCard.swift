public import Domain
import Routing

/// The booking page's flows card: each run's levels so far (done, the current one with its tasks)
/// and what the definition has ahead, a stop button for running ones, and "Start a flow" for
/// managers.
public enum FlowCard {
    public struct Model: Sendable {
        public let bookingID: BookingID
        public let runs: [FlowRunView]
        /// The flows that may be started here (not archived, not already running on the booking).
        public let startable: [FlowListItem]

        public init(bookingID: BookingID, runs: [FlowRunView], startable: [FlowListItem]) {
            self.bookingID = bookingID
            self.runs = runs
            self.startable = startable
        }
    }

    public static func card(_ model: Model?, notice: String? = nil, admin: AdminPage) -> Node {
        guard let model else { return .fragment([]) }
        let s = admin.strings.flows
        return section(.class("card"), .id("flows")) {
            h2 { s.cardHeading }
            if let notice { p(.class("field-error"), .attr("role", "alert")) { notice } }
            if model.runs.isEmpty { p(.class("hint")) { s.noRunsOnBooking } }
            for view in model.runs { run(view, admin: admin) }
            if !model.startable.isEmpty, admin.may(.admin(.flows(.start))) {
                form(.class("inline-form"), .attr("method", "post"), .action(SafeURL(.admin(.flows(.start))))) {
                    Fields.csrf(admin.csrfToken)
                    Fields.hidden("booking", String(model.bookingID.rawValue))
                    label(.attr("for", "flow-start")) { s.start }
                    element("select", [.id("flow-start"), .attr("name", "flow")]) {
                        for flow in model.startable {
                            option(value: String(flow.id.rawValue), selected: false) { flow.name }
                        }
                    }
                    button(.class("button secondary"), .attr("type", "submit")) { s.startButton }
                }
            }
        }
    }

    static func run(_ view: FlowRunView, admin: AdminPage) -> Node {
        let s = admin.strings.flows
        let definition = view.run.definition
        let visited = Set(view.levels.map(\.key))
        // Levels ahead: after the current one, in definition order, that the run has not passed.
        let currentIndex = view.run.currentLevel.flatMap(definition.index(of:)) ?? definition.levels.count
        let ahead =
            view.run.state == .running
            ? definition.levels.suffix(from: min(currentIndex + 1, definition.levels.count)).filter {
                !visited.contains($0.key)
            } : []
        return div(
            .class("flow-run"), .attr("data-run", String(view.run.id.rawValue)),
            .attr("data-state", view.run.state.rawValue)
        ) {
            div(.class("page-head")) {
                h3 {
                    view.run.flowName
                    " "
                    small(.class("hint")) { "v\(view.run.version) · \(s.runState(view.run.state))" }
                }
                if view.run.state == .running, admin.may(.admin(.flows(.cancelRun(view.run.id)))) {
                    Fields.postButton(.admin(.flows(.cancelRun(view.run.id))), s.cancelRun, csrf: admin.csrfToken)
                }
            }
            ol(.class("flow-progress")) {
                for level in view.levels {
                    let current = level.leftAt == nil && view.run.state == .running
                    li(.class(current ? "current" : "passed"), .attr("data-level", level.key)) {
                        strong { level.name }
                        small(.class("hint")) { " · " + (current ? s.current : s.passed) }
                        let tasks = view.tasks.filter { $0.level == level.key }
                        if !tasks.isEmpty {
                            ul {
                                for task in tasks {
                                    li(.attr("data-task-state", task.state)) {
                                        "\(task.title) — \(task.assignee) (\(s.taskStates(task.state)))"
                                    }
                                }
                            }
                        }
                    }
                }
                for level in ahead {
                    li(.class("ahead"), .attr("data-level", level.key)) { span(.class("hint")) { level.name } }
                }
            }
        }
    }
}
