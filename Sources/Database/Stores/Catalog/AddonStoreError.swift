public import Domain

/// Why an add-on change was refused.
public enum AddonStoreError: Error, Sendable {
    case notFound
    case versionConflict(current: AddonRecord)
    case invalid([AddonDraft.Field: RecordFieldProblem])
}
