import Database
import HTTP
import Logging

/// `/healthz` for load balancers and monitoring: 200 `ok` when PostgreSQL answers a query, 503 otherwise.
enum HealthHandler {
    static func check(_ context: Context) -> Response {
        do {
            try HealthStore.ping(context.database.connection())
            return .text("ok\n")
        } catch {
            context.logger.warning("health check failed", metadata: ["error": "\(error)"])
            return .text("unavailable\n", status: .serviceUnavailable)
        }
    }
}
