package vn.secondment.personnel.service;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import vn.secondment.data.audit.AuditTrail;
import vn.secondment.personnel.Ministry;
import vn.secondment.personnel.repository.MinistryRepository;
import vn.secondment.personnel.rest.MinistryRequest;
import vn.secondment.rest.Text;
import vn.secondment.rest.VietnamTime;
import vn.secondment.rest.http.Versions;
import vn.secondment.rest.problem.ProblemException;
import vn.secondment.rest.problem.ProblemType;
import vn.secondment.rest.security.Caller;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The register of ministries: seeded by migration, extended and renamed by platform admins. */
@ApplicationScoped
public class MinistryService {

    public static final String AUDIT_TYPE = "ministry";
    /** Validity dates are calendar days in Vietnam. */

    private final MinistryRepository ministries;
    private final AuditTrail audit;
    private final Clock clock;

    public MinistryService(MinistryRepository ministries, AuditTrail audit, Clock clock) {
        this.ministries = ministries;
        this.audit = audit;
        this.clock = clock;
    }

    /** All ministries, or those that exist on {@code activeOn}. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Ministry> list(LocalDate activeOn) {
        // ministries first, then agencies (the enum's order, not the alphabetical order of the stored names)
        List<Ministry> all = ministries.listAll(Sort.by("code")).stream()
                .sorted(Comparator.comparing((Ministry m) -> m.kind)).toList();
        return activeOn == null ? all : all.stream().filter(m -> m.validOn(activeOn)).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Ministry get(String code) {
        return ministries.findByIdOptional(code).orElseThrow(() -> ProblemException.notFound("Ministry", code));
    }

    /** The ministry an official or unit is written for: it must exist today. */
    public Ministry requireCurrent(String field, String code) {
        Ministry ministry = ministries.findByIdOptional(code)
                .orElseThrow(() -> ProblemException.invalid(field, "is not a known ministry code"));
        LocalDate today = VietnamTime.today(clock);
        if (!ministry.validOn(today)) {
            throw ProblemException.invalid(field, today.isBefore(ministry.validFrom)
                    ? "ministry " + code + " exists only from " + ministry.validFrom
                    : "ministry " + code + " no longer exists (until " + ministry.validTo + ")");
        }
        return ministry;
    }

    @Transactional
    public Ministry add(MinistryRequest request, Caller caller) {
        if (ministries.findByIdOptional(request.code()).isPresent()) {
            throw new ProblemException(ProblemType.CONFLICT, "Ministry " + request.code() + " already exists");
        }
        Ministry ministry = new Ministry();
        ministry.code = request.code();
        ministry.createdAt = clock.instant();
        ministry.updatedAt = ministry.createdAt;
        apply(request, ministry);
        ministries.persist(ministry);
        audit.record(AUDIT_TYPE, ministry.code, ministry.code, "created", Map.of(), state(ministry),
                caller.username(), null);
        return ministry;
    }

    @Transactional
    public Ministry rename(String code, String ifMatch, MinistryRequest request, Caller caller) {
        Ministry ministry = get(code);
        Versions.requireMatch(ifMatch, ministry.version);
        if (!code.equals(request.code())) {
            throw ProblemException.invalid("code", "cannot change: it is part of the ministry's document numbers");
        }
        Map<String, Object> before = state(ministry);
        apply(request, ministry);
        if (audit.record(AUDIT_TYPE, code, code, "updated", before, state(ministry), caller.username(), null)) {
            ministry.updatedAt = clock.instant();
            ministries.flush();
        }
        return ministry;
    }

    private static void apply(MinistryRequest request, Ministry ministry) {
        if (request.validTo() != null && request.validTo().isBefore(request.validFrom())) {
            throw ProblemException.invalid("validTo", "must not be before validFrom");
        }
        ministry.nameVi = Text.nfc("nameVi", request.nameVi());
        ministry.nameEn = Text.nfc("nameEn", request.nameEn());
        ministry.kind = request.kind();
        ministry.validFrom = request.validFrom();
        ministry.validTo = request.validTo();
    }

    private static Map<String, Object> state(Ministry ministry) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("nameVi", ministry.nameVi);
        state.put("nameEn", ministry.nameEn);
        state.put("kind", ministry.kind.name());
        state.put("validFrom", ministry.validFrom.toString());
        state.put("validTo", ministry.validTo == null ? null : ministry.validTo.toString());
        return state;
    }
}
