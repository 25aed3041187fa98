public import Domain

/// Why a product change was refused.
public enum ProductStoreError: Error, Sendable {
    case notFound
    /// Someone saved the product since the form was loaded; here is what they saved.
    case versionConflict(current: ProductRecord)
    /// The database refused a value (taken SKU, unknown category), named by its form field.
    case invalid([ProductDraft.Field: RecordFieldProblem])
}
