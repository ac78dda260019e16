package vn.secondment.notification.service;

import jakarta.enterprise.context.ApplicationScoped;
import vn.secondment.events.EventCodec;
import vn.secondment.events.EventEnvelope;
import vn.secondment.events.personnel.OfficialSnapshot;
import vn.secondment.events.personnel.OfficialsImported;
import vn.secondment.events.personnel.PersonnelEvents;
import vn.secondment.notification.InboxEntry;
import vn.secondment.rest.security.Roles;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Who hears about which event, and in which words. Events of types not listed here notify nobody. */
@ApplicationScoped
public class InboxRouting {

    private final EventCodec codec;

    public InboxRouting(EventCodec codec) {
        this.codec = codec;
    }

    public List<InboxEntry> entriesFor(EventEnvelope event) {
        if (PersonnelEvents.OFFICIAL_REGISTERED.name().equals(event.type())) {
            OfficialSnapshot official = codec.data(event, OfficialSnapshot.class);
            if (official.importId() != null) {
                // a bulk import is announced once, by officials.imported, not once per row
                return List.of();
            }
            String position = official.position() == null ? "" : " (" + official.position() + ")";
            InboxEntry entry = entry(event, Roles.MINISTRY_ADMIN, official.ministryCode(),
                    "Cán bộ mới: " + official.fullName(),
                    official.fullName() + position + " đã được thêm vào danh sách cán bộ của "
                            + official.ministryCode() + ".");
            return List.of(entry);
        }
        if (PersonnelEvents.OFFICIALS_IMPORTED.name().equals(event.type())) {
            OfficialsImported imported = codec.data(event, OfficialsImported.class);
            String decision = imported.decision() == null ? "" : " theo " + imported.decision();
            return List.of(entry(event, Roles.MINISTRY_ADMIN, imported.ministryCode(),
                    "Nhập danh sách cán bộ" + decision,
                    "Tệp " + imported.fileName() + ": " + imported.created() + " cán bộ mới, " + imported.updated()
                            + " cập nhật, " + imported.unchanged() + " không đổi (" + imported.importedBy() + ")."));
        }
        return List.of();
    }

    private static InboxEntry entry(EventEnvelope event, String role, String ministry, String title, String body) {
        InboxEntry entry = new InboxEntry();
        entry.id = UUID.randomUUID();
        entry.eventId = event.id();
        entry.eventType = event.type();
        entry.audienceRole = role;
        entry.ministry = ministry;
        entry.title = title;
        entry.body = body;
        entry.subjectType = event.type().substring(0, event.type().lastIndexOf('.'));
        entry.subjectId = event.subject();
        entry.createdAt = Instant.now();
        return entry;
    }
}
