package vn.secondment.events;

/**
 * One kind of event in a contract: its CloudEvents {@code type}, the current version of its payload,
 * and the kind of aggregate it is about (also the Kafka key's meaning).
 */
public record EventType(String name, int schemaVersion, String aggregateType) {

    /** Where the JSON Schemas of the payloads are, under the gateway's address and in this library's resources. */
    public static final String SCHEMA_DIRECTORY = "dataschema";

    /**
     * The path of the JSON Schema of this type's payload at this version, relative to the gateway's address (the
     * envelope's {@code dataschema} is the gateway's public address followed by it) and to {@link EventContract}'s
     * resources.
     */
    public String schemaPath() {
        return schemaPath(name, schemaVersion);
    }

    /** {@link #schemaPath()} of any type and version, e.g. one read from an envelope. */
    public static String schemaPath(String type, int schemaVersion) {
        return SCHEMA_DIRECTORY + "/" + type + "/v" + schemaVersion + ".json";
    }
}
