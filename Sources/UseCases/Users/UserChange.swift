public import Database
public import Domain

/// What became of a change to a staff account.
public enum UserChange: Sendable, Equatable {
    case done
    case notFound
    /// Someone saved the account since the form was loaded; nothing was written.
    case conflict(current: UserRecord)
    /// `UserRules` refused it; nothing was written.
    case refused(UserRules.Refusal)
}
