package vn.secondment.events.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import vn.secondment.events.EventContract;
import vn.secondment.events.EventType;
import vn.secondment.events.Topics;
import vn.secondment.events.personnel.OfficialSnapshot;
import vn.secondment.events.personnel.PersonnelEvents;
import vn.secondment.testing.EventContractChecks;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The published contract (AsyncAPI document and JSON Schemas in this library's resources) describes every event type
 * the platform declares, and a payload of every type, made by the relay's own code, validates against its schema.
 */
class EventContractTest {

    private static final Instant TIME = Instant.parse("2025-09-15T01:30:00Z");

    @Test
    void describesEveryDeclaredEventTypeOnItsProducersTopic() {
        List<EventType> types = EventContract.eventTypes();

        assertThat(types).isNotEmpty().extracting(EventType::name).doesNotHaveDuplicates();
        assertThat(types).allSatisfy(type -> {
            assertThat(EventContractChecks.descriptionProblems(type.name(), type.schemaVersion())).isEmpty();
            assertThat(EventContractChecks.channelOf(type.name())).contains(ContractRecords.topicOf(type));
            assertThat(EventContract.read(type.schemaPath())).isPresent();
        });
    }

    @Test
    void describesNoEventTypeThePlatformDoesNotDeclare() {
        Set<String> declared = EventContract.eventTypes().stream().map(EventType::name).collect(Collectors.toSet());

        List<String> cloudEventMessages = new ArrayList<>();
        EventContractChecks.asyncApi().path("components").path("messages").forEach(message -> {
            if (message.path("payload").path("allOf").path(0).path("$ref").asText()
                    .equals("#/components/schemas/CloudEvent")) {
                cloudEventMessages.add(message.path("name").asText());
            }
        });

        assertThat(cloudEventMessages).containsExactlyInAnyOrderElementsOf(declared);
    }

    @Test
    void hasAChannelForEveryTopicOfTheList() {
        JsonNode channels = EventContractChecks.asyncApi().path("channels");

        List<String> addresses = StreamSupport.stream(channels.spliterator(), false)
                .map(channel -> channel.path("address").asText()).toList();

        assertThat(EventContractChecks.asyncApi().path("asyncapi").asText()).isEqualTo("3.0.0");
        assertThat(addresses).containsExactlyInAnyOrderElementsOf(Topics.all());
    }

    @Test
    void samplePayloadsOfEveryTypeValidateAgainstTheirSchema() {
        List<String> problems = new ArrayList<>();
        for (EventType type : EventContract.eventTypes()) {
            for (Object payload : List.of(SamplePayloads.full(type), SamplePayloads.minimal(type))) {
                problems.addAll(EventContractChecks.problems(envelope(type, payload)));
            }
        }

        assertThat(problems).isEmpty();
    }

    @Test
    void everyFieldOfAPayloadIsDeclaredByItsSchema() {
        // a field the schema lacks would pass validation (schemas are open: producers may add fields), so the check
        // compares the fields themselves; the full samples set every field of every payload record
        for (EventType type : EventContract.eventTypes()) {
            JsonNode data = ContractRecords.JSON.valueToTree(SamplePayloads.full(type));
            JsonNode properties = EventContractChecks.schemaDocument(type.name(), type.schemaVersion())
                    .orElseThrow().path("properties");

            assertThat(fieldNames(properties)).as(type.name()).containsExactlyInAnyOrderElementsOf(fieldNames(data));
        }
    }

    @Test
    void findsWhatDoesNotConform() {
        ObjectNode wrongType = envelope(PersonnelEvents.OFFICIAL_REGISTERED,
                SamplePayloads.full(PersonnelEvents.OFFICIAL_REGISTERED));
        ((ObjectNode) wrongType.get("data")).put("active", "yes").remove("fullName");
        ObjectNode undeclaredField = envelope(PersonnelEvents.OFFICIAL_UPDATED,
                SamplePayloads.full(PersonnelEvents.OFFICIAL_UPDATED));
        ((ObjectNode) undeclaredField.get("data")).put("phone", "0912345678");
        ObjectNode undeclaredType = envelope(new EventType("vn.secondment.personnel.official.promoted", 1,
                PersonnelEvents.OFFICIAL), SamplePayloads.full(PersonnelEvents.OFFICIAL_UPDATED));
        ObjectNode notAnEnvelope = envelope(PersonnelEvents.OFFICIAL_UPDATED,
                new OfficialSnapshot(UUID.randomUUID(), "Lê Văn An", "BCT", null, null, null, null, null, true, null));
        notAnEnvelope.remove("dataschema");
        notAnEnvelope.put("specversion", "0.3");

        assertThat(EventContractChecks.problems(wrongType)).hasSize(2)
                .anySatisfy(p -> assertThat(p).contains("/active"))
                .anySatisfy(p -> assertThat(p).contains("fullName"));
        assertThat(EventContractChecks.problems(undeclaredField)).singleElement()
                .satisfies(p -> assertThat(p).contains("$.phone is not declared"));
        assertThat(EventContractChecks.problems(undeclaredType))
                .anySatisfy(p -> assertThat(p).contains("no JSON Schema"))
                .anySatisfy(p -> assertThat(p).contains("no message of that name"));
        assertThat(EventContractChecks.problems(notAnEnvelope))
                .anySatisfy(p -> assertThat(p).contains("envelope").contains("dataschema"))
                .anySatisfy(p -> assertThat(p).contains("envelope").contains("specversion"));
    }

    private static ObjectNode envelope(EventType type, Object payload) {
        ProducerRecord<String, String> record = ContractRecords.record(type, UUID.randomUUID(), "BNV", payload, TIME);
        try {
            return (ObjectNode) ContractRecords.JSON.readTree(record.value());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> fieldNames(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
