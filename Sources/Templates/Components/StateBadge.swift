/// How a badge is coloured by the stylesheet: neutral grey, ok green, warn amber, bad red.
enum BadgeTone: String, Sendable {
    case neutral = ""
    case ok
    case warn
    case bad
}

/// A short coloured label for a state or a status: `<span class="badge ok">Signed</span>`. Every
/// page makes its badges here, so they share one markup; each feature decides its tones.
enum StateBadge {
    /// - Parameters:
    ///   - kind: a class naming what the badge shows (`state-packed`), placed before the tone.
    ///   - state: the machine-readable state, as `data-state`, for scripts and tests.
    ///   - title: a tooltip with the detail (e.g. when it was approved).
    static func badge(
        _ text: String, _ tone: BadgeTone, kind: String? = nil, state: String? = nil, title: String? = nil
    ) -> Node {
        var classes = "badge"
        if let kind { classes += " " + kind }
        if tone != .neutral { classes += " " + tone.rawValue }
        var attributes: [Attribute] = [.class(classes)]
        if let state { attributes.append(.data("data-state", state)) }
        if let title { attributes.append(.attr("title", title)) }
        return element("span", attributes) { text }
    }
}
