import HTTP
import Routing

extension AccountHandler {
    /// Signing in and out and the own account. Signing in is open to anyone; the rest needs the
    /// signed-in member.
    static func handle(_ route: AccountRoute, _ admission: StaffGate.Admission) throws -> Response {
        switch route {
        case .login(let next): try LoginHandler.show(next: next, context: admission.context)
        case .loginSubmit: try LoginHandler.submit(context: admission.context)
        case .loginCode: try LoginHandler.showCode(context: admission.context)
        case .loginCodeSubmit: try LoginHandler.submitCode(context: admission.context)
        case .logout: try LoginHandler.logout(admission.member())
        case .show: try show(admission.member())
        case .changePassword: try changePassword(admission.member())
        case .revokeSession(let id): try revokeSession(id, admission.member())
        case .createFeed: try createFeed(admission.member())
        case .revokeFeed(let id): try revokeFeed(id, admission.member())
        case .renewFeed(let id): try renewFeed(id, admission.member())
        case .twoStep: try TwoStepHandler.show(admission.member())
        case .twoStepBegin: try TwoStepHandler.begin(admission.member())
        case .twoStepConfirm: try TwoStepHandler.confirm(admission.member())
        case .twoStepDisable: try TwoStepHandler.disable(admission.member())
        }
    }
}
