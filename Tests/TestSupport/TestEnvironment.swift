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
