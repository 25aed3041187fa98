public import Domain

/// Why a customer change was refused.
public enum CustomerStoreError: Error, Sendable {
    case notFound
    /// Someone saved the customer since the form was loaded; here is what they saved.
    case versionConflict(current: CustomerRecord)
    /// The database refused a value (a check constraint), named by the form field it belongs to.
    case invalid([CustomerProfile.Field: RecordFieldProblem])
}
