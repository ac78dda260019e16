package vn.secondment.personnel.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import vn.secondment.events.outbox.EventPublisher;
import vn.secondment.events.personnel.PersonnelEvents;
import vn.secondment.personnel.Official;
import vn.secondment.personnel.mapping.OfficialMapper;
import vn.secondment.personnel.repository.OfficialRepository;
import vn.secondment.personnel.rest.NewOfficial;
import vn.secondment.rest.Text;
import vn.secondment.rest.problem.ProblemException;
import vn.secondment.rest.security.Caller;
import vn.secondment.rest.security.Roles;

import java.time.Instant;
import java.util.UUID;

@ApplicationScoped
public class OfficialService {

    private final OfficialRepository officials;
    private final OfficialMapper mapper;
    private final EventPublisher events;

    public OfficialService(OfficialRepository officials, OfficialMapper mapper, EventPublisher events) {
        this.officials = officials;
        this.mapper = mapper;
        this.events = events;
    }

    /** Adds an official to a ministry and announces it ({@code official.registered}) in the same transaction. */
    @Transactional
    public Official register(NewOfficial request, Caller caller) {
        String ministry = request.ministryCode() != null ? request.ministryCode()
                : caller.ministry().orElseThrow(() ->
                        ProblemException.invalid("ministryCode", "is required when your account has no ministry"));
        caller.requireMinistry(ministry);

        Official official = new Official();
        official.id = UUID.randomUUID();
        official.fullName = Text.nfc("fullName", request.fullName());
        official.ministryCode = ministry;
        official.position = Text.nfc("position", request.position());
        official.email = request.email();
        official.createdAt = Instant.now();
        official.updatedAt = official.createdAt;
        official.createdBy = caller.username();
        officials.persist(official);

        events.publish(PersonnelEvents.OFFICIAL_REGISTERED, official.id, ministry, mapper.toRegistered(official));
        return official;
    }

    /** Reads one official; other ministries see it only with a cross-ministry role. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Official get(UUID id, Caller caller) {
        Official official = officials.findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("Official", id));
        if (!caller.hasRole(Roles.VIEWER) && !caller.belongsTo(official.ministryCode)) {
            // same answer as a missing record: another ministry's directory is not probed this way
            throw ProblemException.notFound("Official", id);
        }
        return official;
    }
}
