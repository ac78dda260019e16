package vn.secondment.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.Test;
import vn.secondment.events.personnel.OfficialSnapshot;
import vn.secondment.events.personnel.PersonnelEvents;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventCodecTest {

    private final ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private final EventCodec codec = new EventCodec(mapper);

    @Test
    void roundTripsAnEnvelopeAndItsPayload() {
        UUID officialId = UUID.randomUUID();
        var payload = new OfficialSnapshot(officialId, "Nguyễn Thị Hoa", "BNV", null, "Chuyên viên chính",
                "CIVIL_SERVANT", "hoa.nt@moha.gov.vn", java.util.List.of("tổ chức bộ máy"), true, null);
        var envelope = new EventEnvelope("1.0", "e-1", "/personnel-service", PersonnelEvents.OFFICIAL_REGISTERED.name(),
                officialId.toString(), Instant.parse("2025-09-03T08:00:00Z"), EventEnvelope.JSON,
                "https://api.example.vn/dataschema/vn.secondment.personnel.official.registered/v1.json", "BNV", 1,
                "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01", mapper.valueToTree(payload));

        EventEnvelope decoded = codec.decode(codec.encode(envelope));

        assertThat(decoded).isEqualTo(envelope);
        assertThat(codec.data(decoded, OfficialSnapshot.class)).isEqualTo(payload);
    }

    @Test
    void ignoresAttributesAndFieldsItDoesNotKnow() {
        String json = """
                {"specversion":"1.0","id":"e-2","source":"/x","type":"t","time":"2025-09-03T08:00:00Z",
                 "traceparent":"00-abc","schemaversion":1,
                 "data":{"officialId":"0f8fad5b-d9cb-469f-a165-70867728950e","fullName":"Lê Văn An",
                         "ministryCode":"BCT","active":true,"grade":"chuyên viên"}}""";

        EventEnvelope envelope = codec.decode(json);

        assertThat(codec.data(envelope, OfficialSnapshot.class).fullName()).isEqualTo("Lê Văn An");
    }

    @Test
    void readsAUuidFieldOfThePayloadAsTheContractRecordWould() {
        EventEnvelope envelope = codec.decode("""
                {"specversion":"1.0","id":"e-3","source":"/x","type":"t","time":"2025-09-03T08:00:00Z",
                 "data":{"officialId":"0F8FAD5B-D9CB-469F-A165-70867728950E","reportId":"not-an-id","count":3,
                         "issueId":null}}""");

        assertThat(codec.uuidField(envelope, "officialId"))
                .contains(UUID.fromString("0f8fad5b-d9cb-469f-a165-70867728950e"));
        assertThat(codec.uuidField(envelope, "reportId")).isEmpty();
        assertThat(codec.uuidField(envelope, "count")).isEmpty();
        assertThat(codec.uuidField(envelope, "issueId")).isEmpty();
        assertThat(codec.uuidField(envelope, "absent")).isEmpty();
        assertThat(codec.uuidField(codec.decode("""
                {"specversion":"1.0","id":"e-4","source":"/x","type":"t","time":"2025-09-03T08:00:00Z"}"""),
                "officialId")).isEmpty();
    }

    @Test
    void refusesRecordsThatAreNotCompleteEnvelopes() {
        assertThatThrownBy(() -> codec.decode("{not json")).isInstanceOf(MalformedEventException.class);
        assertThatThrownBy(() -> codec.decode("null")).isInstanceOf(MalformedEventException.class);
        assertThatThrownBy(() -> codec.decode("{\"specversion\":\"1.0\",\"id\":\"e\",\"source\":\"/x\"}"))
                .isInstanceOf(MalformedEventException.class);
        assertThatThrownBy(() -> codec.decode("{\"specversion\":\"0.3\",\"id\":\"e\",\"source\":\"/x\",\"type\":\"t\"}"))
                .isInstanceOf(MalformedEventException.class);
        // consumers order the states of an aggregate by time: an envelope without it cannot be applied
        assertThatThrownBy(() -> codec.decode("{\"specversion\":\"1.0\",\"id\":\"e\",\"source\":\"/x\",\"type\":\"t\"}"))
                .isInstanceOf(MalformedEventException.class);
    }

    @Test
    void refusesAPayloadOfTheWrongShape() {
        EventEnvelope envelope = codec.decode("""
                {"specversion":"1.0","id":"e-3","source":"/x","type":"t","time":"2025-09-03T08:00:00Z",
                 "data":{"officialId":"not-a-uuid"}}""");

        assertThatThrownBy(() -> codec.data(envelope, OfficialSnapshot.class))
                .isInstanceOf(MalformedEventException.class);
    }
}
