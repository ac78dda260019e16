package vn.secondment.events.readmodel;

import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import vn.secondment.events.EventEnvelope;
import vn.secondment.events.MalformedEventException;
import vn.secondment.events.personnel.OfficialSnapshot;

import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReadModelsTest {

    /** A read model as a service keeps it. */
    static class KnownPerson extends KnownState {
        UUID id;
        String name;
    }

    private final Map<Object, Object> table = new HashMap<>();
    private final ReadModels readModels = new ReadModels(entityManagerOver(table));
    private final UUID officialId = UUID.randomUUID();
    private final Instant t0 = Instant.parse("2025-09-03T01:00:00Z");

    @Test
    void firstSnapshotCreatesTheCopy() {
        Optional<KnownPerson> applied = apply(event(t0), snapshot("Mai Đức Thiện"));

        assertThat(applied).isPresent();
        assertThat(stored().name).isEqualTo("Mai Đức Thiện");
        assertThat(stored().id).isEqualTo(officialId);
        assertThat(stored().eventTime).isEqualTo(t0);
    }

    @Test
    void newerSnapshotReplacesTheCopy() {
        apply(event(t0), snapshot("Nguyễn Thị Hoa"));

        apply(event(t0.plusSeconds(60)), snapshot("Nguyễn Thị Hoà"));

        assertThat(stored().name).isEqualTo("Nguyễn Thị Hoà");
        assertThat(stored().eventTime).isEqualTo(t0.plusSeconds(60));
    }

    @Test
    void olderSnapshotArrivingLateChangesNothing() {
        apply(event(t0.plusSeconds(60)), snapshot("Nguyễn Thị Hoà"));

        Optional<KnownPerson> applied = apply(event(t0), snapshot("Nguyễn Thị Hoa"));

        assertThat(applied).isEmpty();
        assertThat(stored().name).isEqualTo("Nguyễn Thị Hoà");
    }

    @Test
    void redeliveredSnapshotLeavesTheSameState() {
        EventEnvelope event = event(t0);
        apply(event, snapshot("Mai Đức Thiện"));

        apply(event, snapshot("Mai Đức Thiện"));

        assertThat(table).hasSize(1);
        assertThat(stored().name).isEqualTo("Mai Đức Thiện");
    }

    @Test
    void snapshotLackingARequiredFieldIsMalformedAndChangesNothing() {
        OfficialSnapshot withoutName = new OfficialSnapshot(officialId, null, null, null, null, null, null, List.of(),
                true, null);

        assertThatThrownBy(() -> apply(event(t0), withoutName))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("fullName, ministryCode");
        assertThat(table).isEmpty();
    }

    private Optional<KnownPerson> apply(EventEnvelope event, OfficialSnapshot snapshot) {
        return readModels.newestWins(event, snapshot, KnownPerson.class, id -> {
            KnownPerson person = new KnownPerson();
            person.id = id;
            return person;
        }, (s, known) -> known.name = s.fullName());
    }

    private OfficialSnapshot snapshot(String name) {
        return new OfficialSnapshot(officialId, name, "BNV", null, null, null, null, List.of(), true, null);
    }

    private static EventEnvelope event(Instant time) {
        return new EventEnvelope(EventEnvelope.SPEC_VERSION, UUID.randomUUID().toString(), "/personnel-service",
                "official.updated", null, time, EventEnvelope.JSON,
                "https://api.example.vn/dataschema/vn.secondment.personnel.official.registered/v1.json", "BNV", 1, null, null);
    }

    private KnownPerson stored() {
        return (KnownPerson) table.get(officialId);
    }

    /** An entity manager over a map: find and persist are all that newestWins uses. */
    private static EntityManager entityManagerOver(Map<Object, Object> table) {
        return (EntityManager) Proxy.newProxyInstance(ReadModelsTest.class.getClassLoader(),
                new Class<?>[]{EntityManager.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "find" -> table.get(args[1]);
                    case "persist" -> table.put(((KnownPerson) args[0]).id, args[0]);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
