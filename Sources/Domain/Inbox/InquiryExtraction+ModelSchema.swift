/// The strict JSON schema of the answer a language model is asked for (OpenAI's
/// `response_format: {type: "json_schema", json_schema: {name: "inquiry_extraction", strict: true,
/// schema}}`): the extraction's fields without kind, confidence and sources, which stay the rules'.
/// Strict mode wants every property required and no others, so absent values are `null`.
extension InquiryExtraction {
    public static let modelJSONSchemaName = "inquiry_extraction"

    public static let modelJSONSchema = """
        {
          "type": "object",
          "additionalProperties": false,
          "required": ["language", "customer", "period", "guests", "deliveryAddress", "lines"],
          "properties": {
            "language": {"type": "string", "enum": ["sv", "en"]},
            "customer": {
              "type": "object",
              "additionalProperties": false,
              "required": ["name", "email", "phone", "company", "organisationNumber"],
              "properties": {
                "name": {"type": ["string", "null"], "description": "The person who wrote."},
                "email": {"type": ["string", "null"]},
                "phone": {"type": ["string", "null"], "description": "As written."},
                "company": {"type": ["string", "null"]},
                "organisationNumber": {"type": ["string", "null"], "description": "NNNNNN-NNNN"}
              }
            },
            "period": {
              "anyOf": [
                {
                  "type": "object",
                  "additionalProperties": false,
                  "required": ["start", "end"],
                  "properties": {
                    "start": {"type": "string", "description": "Delivery day, YYYY-MM-DD."},
                    "end": {"type": "string", "description": "Pickup day, YYYY-MM-DD."}
                  }
                },
                {"type": "null"}
              ]
            },
            "guests": {"type": ["integer", "null"]},
            "deliveryAddress": {
              "anyOf": [
                {
                  "type": "object",
                  "additionalProperties": false,
                  "required": ["line1", "postalCode", "city"],
                  "properties": {
                    "line1": {"type": ["string", "null"]},
                    "postalCode": {"type": ["string", "null"], "description": "NNN NN"},
                    "city": {"type": ["string", "null"]}
                  }
                },
                {"type": "null"}
              ]
            },
            "lines": {
              "type": "array",
              "items": {
                "type": "object",
                "additionalProperties": false,
                "required": ["sku", "addonId", "name", "quantity"],
                "properties": {
                  "sku": {"type": ["string", "null"], "description": "A product SKU from the catalogue."},
                  "addonId": {"type": ["integer", "null"], "description": "An add-on id from the catalogue."},
                  "name": {"type": "string"},
                  "quantity": {"type": "integer"}
                }
              }
            }
          }
        }
        """
}
