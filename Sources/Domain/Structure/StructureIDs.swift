// The company structure's identifiers, in the shape of `Identifiers.swift`: a `DepartmentID`
// cannot be passed where a `PositionID` is wanted.

public struct DepartmentID: RawRepresentable, Hashable, Sendable, Codable {
    public let rawValue: Int64
    public init(rawValue: Int64) { self.rawValue = rawValue }
}

public struct PositionID: RawRepresentable, Hashable, Sendable, Codable {
    public let rawValue: Int64
    public init(rawValue: Int64) { self.rawValue = rawValue }
}
