/// Where a conversation stands: ours to answer, waiting for the customer, or done. A new message
/// from the customer opens it again; a reply from staff makes it wait.
public enum ConversationState: String, Sendable, Hashable, CaseIterable {
    case open
    case waiting
    case closed
}

/// The inbox's views.
public enum InboxView: String, Sendable, Hashable, CaseIterable {
    /// Every conversation that is not closed.
    case open
    /// Conversations with a received message nobody has opened.
    case unread
    /// Open conversations assigned to the staff member looking.
    case mine
    /// Staff answered; the customer has not.
    case waiting
    case closed
}
