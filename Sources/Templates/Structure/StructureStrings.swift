public import Domain

/// The company structure's strings (`strings.structure`): the tree, the department, position and
/// placement forms, and why a change was refused.
public struct StructureStrings: FeatureStrings {
    public let language: Language

    init(_ language: Language) { self.language = language }

    var title: String { t("Organisation", "Company structure") }
    var lead: String {
        t(
            "Avdelningar, befattningar och vem som har vilken chef. Uppgifter kan tilldelas en befattning eller avdelning, och godkännanden går till den anställdes chef.",
            "Departments, positions and who reports to whom. Tasks can be assigned to a position or a department, and approvals go to the requester's manager."
        )
    }
    var empty: String { t("Inga avdelningar än.", "No departments yet.") }
    var newDepartment: String { t("Ny avdelning", "New department") }
    var edit: String { t("Ändra", "Edit") }
    var place: String { t("Placera", "Place") }
    var head: String { t("Chefsbefattning", "Head position") }
    var noHead: String { t("Ingen", "None") }
    var positions: String { t("Befattningar", "Positions") }
    var noPositions: String { t("Inga befattningar.", "No positions.") }
    var vacant: String { t("Vakant", "Vacant") }
    var reportsTo: String { t("Chef", "Manager") }
    var unplacedHeading: String { t("Ej placerade", "Not placed") }
    var unplacedHint: String {
        t("Aktiva medarbetare utan befattning.", "Active staff members without a position.")
    }
    var departmentHeading: String { t("Avdelning", "Department") }
    var name: String { t("Namn", "Name") }
    var parent: String { t("Ligger under", "Part of") }
    var topLevel: String { t("Högsta nivån", "Top level") }
    var save: String { t("Spara", "Save") }
    var create: String { t("Lägg till", "Add") }
    var addPosition: String { t("Lägg till befattning", "Add a position") }
    var positionName: String { t("Ny befattning", "New position") }
    var rename: String { t("Byt namn", "Rename") }
    var delete: String { t("Ta bort", "Delete") }
    var deleteHeading: String { t("Ta bort avdelningen", "Delete the department") }
    var moveTo: String { t("Flytta underavdelningar och befattningar till", "Move sub-departments and positions to") }
    var moveNothing: String { t("Ingenstans (bara om den är tom)", "Nowhere (only when it is empty)") }
    var deleteHint: String {
        t(
            "En avdelning tas bort när den saknar underavdelningar och ingen har dess befattningar, eller när allt flyttas till en annan avdelning.",
            "A department is deleted when it has no sub-departments and nobody holds its positions, or when all of it moves to another department."
        )
    }
    var holders: String { t("Innehavare", "Holders") }
    var personHeading: String { t("Placering", "Placement") }
    var position: String { t("Befattning", "Position") }
    var noPosition: String { t("Ingen befattning", "No position") }
    var manager: String { t("Chef", "Manager") }
    var noManager: String { t("Ingen chef", "No manager") }
    var managerChain: String { t("Chefskedja", "Manager chain") }
    var back: String { t("Tillbaka till organisationen", "Back to the company structure") }
    var inactive: String { t("inaktiv", "deactivated") }

    /// Why a change was refused, in words.
    public func refusal(_ refusal: StructureRefusal) -> String {
        switch refusal {
        case .nameMissing: t("Skriv ett namn.", "Enter a name.")
        case .nameTooLong(let maximum): t("Högst \(maximum) tecken.", "At most \(maximum) characters.")
        case .nameHasControlCharacters:
            t("Namnet får inte innehålla radbrytningar eller tabbar.", "The name cannot contain line breaks or tabs.")
        case .nameTaken(let name):
            t("Namnet finns redan på samma nivå (\(name)).", "The name is already used at the same level (\(name)).")
        case .departmentNotFound: t("Avdelningen finns inte.", "The department does not exist.")
        case .positionNotFound: t("Befattningen finns inte.", "The position does not exist.")
        case .personNotFound: t("Medarbetaren finns inte.", "The staff member does not exist.")
        case .managerNotFound: t("Chefen finns inte bland medarbetarna.", "The manager is not a staff member.")
        case .departmentCycle(let moving, let under):
            under.isEmpty
                ? t(
                    "\(moving) kan inte ligga under sig själv eller en av sina underavdelningar.",
                    "\(moving) cannot be part of itself or of one of its sub-departments.")
                : t(
                    "\(moving) kan inte ligga under \(under): \(under) ligger redan under \(moving).",
                    "\(moving) cannot be part of \(under): \(under) is already part of \(moving).")
        case .ownManager: t("Ingen kan vara sin egen chef.", "Nobody can be their own manager.")
        case .managerCycle(let chain):
            chain.isEmpty
                ? t(
                    "Chefskedjan skulle gå runt i en cirkel.", "The manager chain would go round in a circle.")
                : t(
                    "Chefskedjan skulle gå runt i en cirkel: \(chain.joined(separator: " → ")).",
                    "The manager chain would go round in a circle: \(chain.joined(separator: " → ")).")
        case .headNotInDepartment:
            t(
                "Chefsbefattningen måste vara en av avdelningens egna befattningar.",
                "The head position must be one of the department's own positions.")
        case .departmentNotEmpty(let subDepartments, let heldPositions):
            t(
                "Avdelningen har \(subDepartments) underavdelningar och \(heldPositions) befattningar med innehavare: välj vart de ska flyttas.",
                "The department has \(subDepartments) sub-departments and \(heldPositions) positions with holders: choose where they move."
            )
        case .positionHeld(let holders):
            t(
                "\(holders) personer har befattningen: placera dem på en annan först.",
                "\(holders) people hold the position: place them in another one first.")
        case .moveTargetInside:
            t(
                "Det kan inte flyttas till avdelningen själv eller till en av dess underavdelningar.",
                "It cannot move into the department itself or one of its sub-departments.")
        case .hasTasks:
            t(
                "Uppgifter har getts till den, och de visar vem som gjorde arbetet: den kan inte tas bort. Byt namn på den i stället.",
                "Tasks were given to it, and they show who did the work: it cannot be deleted. Rename it instead.")
        }
    }
}

extension Strings {
    /// The company structure's strings.
    public var structure: StructureStrings { StructureStrings(language) }
}
