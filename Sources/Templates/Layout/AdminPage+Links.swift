import Routing

extension AdminPage {
    /// `text` as a link to `route` when the signed-in member may open it, else as plain text: a
    /// member never sees a link they could not follow.
    func link(_ text: String, to route: Route) -> Node {
        may(route) ? a(.href(SafeURL(route))) { text } : .text(text)
    }
}
