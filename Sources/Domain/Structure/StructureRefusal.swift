/// Why a change to the company structure is refused; nothing is written then. Each refusal
/// belongs to one field of the form that made the change (`field`), where the page shows it.
public enum StructureRefusal: Error, Sendable, Equatable {
    case nameMissing
    case nameTooLong(maximum: Int)
    /// Tabs, line breaks and other control characters.
    case nameHasControlCharacters
    /// A sibling department (or a position of the same department) already has the name.
    case nameTaken(String)
    case departmentNotFound
    case positionNotFound
    case personNotFound
    case managerNotFound
    /// The new parent is the department itself or inside it: `moving` would end up inside itself.
    case departmentCycle(moving: String, under: String)
    case ownManager
    /// Placing the member under this manager would make them their own manager through `chain`
    /// (from the member, through the managers, back to the member).
    case managerCycle(chain: [String])
    /// The head position must be one of the department's own positions.
    case headNotInDepartment
    /// A department with sub-departments or held positions is deleted only by moving them elsewhere.
    case departmentNotEmpty(subDepartments: Int, heldPositions: Int)
    /// People hold the position: they are placed elsewhere first.
    case positionHeld(holders: Int)
    /// What a deleted department holds cannot move into the department itself or inside it.
    case moveTargetInside
    /// Tasks were given to the department or position (done ones too: they say who did the work).
    case hasTasks

    /// The form field the refusal is shown next to.
    public var field: String {
        switch self {
        case .nameMissing, .nameTooLong, .nameHasControlCharacters, .nameTaken: "name"
        case .departmentNotFound, .departmentCycle: "parent"
        case .positionNotFound, .positionHeld: "position"
        case .personNotFound, .managerNotFound, .ownManager, .managerCycle: "manager"
        case .headNotInDepartment: "head"
        case .departmentNotEmpty, .moveTargetInside, .hasTasks: "move_to"
        }
    }
}
