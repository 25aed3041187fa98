extension CompanyProfile: Codable {
    enum CodingKeys: String, CodingKey {
        case name, organisationNumber, vatNumber, address, email, phone, website
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            name: try container.decode(String.self, forKey: .name),
            organisationNumber: try container.decode(String.self, forKey: .organisationNumber),
            vatNumber: try container.decode(String.self, forKey: .vatNumber),
            address: try container.decode(String.self, forKey: .address),
            email: try container.decode(String.self, forKey: .email),
            phone: try container.decode(String.self, forKey: .phone),
            website: try container.decode(String.self, forKey: .website))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encode(organisationNumber, forKey: .organisationNumber)
        try container.encode(vatNumber, forKey: .vatNumber)
        try container.encode(address, forKey: .address)
        try container.encode(email, forKey: .email)
        try container.encode(phone, forKey: .phone)
        try container.encode(website, forKey: .website)
    }
}
