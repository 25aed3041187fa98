/// A message the portal shows once after a redirect. The cookie carries only the raw value, never text.
public enum PortalFlash: String, Sendable {
    case resent
    case notResendable = "not-resendable"
    case replySent = "reply-sent"
    case signedOut = "signed-out"
    case taskDone = "task-done"

    func text(_ s: PortalStrings) -> String {
        switch self {
        case .resent: s.resent
        case .notResendable: s.notResendable
        case .replySent: s.replySent
        case .signedOut: s.signedOut
        case .taskDone: s.taskDone
        }
    }
}
