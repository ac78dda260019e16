package vn.secondment.events;

/**
 * One kind of event in a contract: its CloudEvents {@code type}, the current version of its payload,
 * and the kind of aggregate it is about (also the Kafka key's meaning).
 */
public record EventType(String name, int schemaVersion, String aggregateType) {
}
