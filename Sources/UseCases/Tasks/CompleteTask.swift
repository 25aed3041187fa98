public import Database
public import Domain

/// Someone completes a task: in one transaction, take the task, check the submitted values against
/// the form version it was created with (`FormAnswers`, hidden fields ignored; the files already
/// held and those uploaded now both count for a file field), then store the answers and files and
/// mark it done with its audit row — the `task.completed` event and whatever triggers queue on it
/// go with the same commit. A refusal stores nothing.
public enum CompleteTask {
    public enum Outcome: Sendable, Equatable {
        case done
        case refused([FormAnswerProblem])
        /// Already done or cancelled.
        case notOpen(TaskState)
        case notFound
    }

    /// - Parameters:
    ///   - submitted: the posted values by field key (several for multiple choice and checklists).
    ///   - uploads: the files posted for file fields (empty ones already left out).
    ///   - customer: set when the customer completes it in the portal (`actor` is then a customer actor).
    ///   - mayComplete: asked with the locked task before anything is written; false answers `.notFound`.
    public static func run(
        _ connection: Connection, _ task: TaskID, submitted: [String: [String]], uploads: [TaskUpload],
        actor: AuditActor, customer: CustomerID? = nil, mayComplete: (TaskDetail) -> Bool = { _ in true }
    ) throws -> Outcome {
        try connection.transaction { tx in
            guard let detail = try TaskStore.task(tx, task, lock: true), mayComplete(detail) else { return .notFound }
            guard detail.summary.state == .open else { return .notOpen(detail.summary.state) }
            let definition = detail.form.definition
            var files: [String: [String]] = [:]
            for file in detail.files { files[file.field, default: []].append(file.name) }
            let fileFields = Set(definition.fields.filter { $0.kind == .file }.map(\.key))
            let kept = uploads.filter { fileFields.contains($0.field) }
            for upload in kept { files[upload.field, default: []].append(upload.name) }
            switch FormAnswers.validate(definition, submitted: submitted, files: files) {
            case .invalid(let problems): return .refused(problems)
            case .valid(let answers):
                // Files of fields hidden by the answers are not kept.
                let visible = FormAnswers.visibility(definition, submitted: submitted)
                try TaskStore.complete(
                    tx, task, answers: answers, uploads: kept.filter { visible[$0.field] == true }, actor: actor,
                    customer: customer)
                // A flow's task: the last one of its level moves the flow on, in this transaction.
                try FlowEngine.taskFinished(tx, task: task.rawValue, actor: actor)
                return .done
            }
        }
    }
}
