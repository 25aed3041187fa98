extension QuotationState {
    /// Staff may send it for signing now: a draft, or a sent, declined or expired quotation whose
    /// next send freezes a new version. Signed and void quotations are never sent again.
    public var isSendable: Bool { self == .draft || self == .sent || self == .declined || self == .expired }

    /// A new link may be issued for the version waiting for its signature: only while sent.
    public var isResendable: Bool { self == .sent }

    /// Staff may change its content in place (a draft); other editable states are reopened first.
    public var isEditableInPlace: Bool { self == .draft }

    /// Staff may withdraw it.
    public var isVoidable: Bool { canTransition(to: .void) }
}

extension QuotationVersionState {
    /// The states an older version leaves for `superseded` when a new version is sent.
    public static let supersededBySending: [QuotationVersionState] = [.sent, .declined, .expired]
}
