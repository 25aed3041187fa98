import Foundation

/// The process environment without any EventGaraget setting, plus `values`: what a product
/// command sees in a test, independent of the developer's shell.
public func productEnvironment(_ values: [String: String]) -> [String: String] {
    var env = ProcessInfo.processInfo.environment
    for key in env.keys where key.hasPrefix("EG_") || key == "DATABASE_URL" { env[key] = nil }
    for (key, value) in values { env[key] = value }
    return env
}

/// The `dbname=` of a keyword connection string made by `TemporaryPostgres`.
public func databaseName(fromURL url: String) -> String {
    url.split(separator: " ").first { $0.hasPrefix("dbname=") }.map { String($0.dropFirst(7)) } ?? ""
}

/// Start and end (`YYYY-MM-DD`) of a period starting `days` from today in Stockholm.
public func dates(inDays days: Int, length: Int) throws -> (String, String) {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "Europe/Stockholm")!
    let formatter = DateFormatter()
    formatter.calendar = calendar
    formatter.timeZone = calendar.timeZone
    formatter.dateFormat = "yyyy-MM-dd"
    let start = calendar.date(byAdding: .day, value: days, to: Date())!
    let end = calendar.date(byAdding: .day, value: length - 1, to: start)!
    return (formatter.string(from: start), formatter.string(from: end))
}
