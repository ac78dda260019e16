package vn.secondment.notification.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import vn.secondment.data.Like;
import vn.secondment.data.Where;
import vn.secondment.data.audit.AuditEntry;
import vn.secondment.data.audit.AuditRecordView;
import vn.secondment.data.audit.AuditTrail;
import vn.secondment.notification.WebhookDelivery;
import vn.secondment.notification.WebhookSubscription;
import vn.secondment.notification.mapping.DeliveryMapper;
import vn.secondment.notification.mapping.WebhookMapper;
import vn.secondment.notification.rest.DeliveryView;
import vn.secondment.notification.rest.WebhookRequest;
import vn.secondment.rest.PageView;
import vn.secondment.rest.Paging;
import vn.secondment.rest.http.Versions;
import vn.secondment.rest.problem.Problem;
import vn.secondment.rest.problem.ProblemException;
import vn.secondment.rest.problem.ProblemType;
import vn.secondment.rest.security.Caller;
import vn.secondment.rest.security.Roles;

import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** Registration of webhooks and the admins' view of their deliveries, scoped to the caller's ministry. */
@ApplicationScoped
public class WebhookService {

    static final String AUDIT_TYPE = "webhook";

    private final EntityManager em;
    private final Clock clock;
    private final AuditTrail audit;
    private final WebhookMapper mapper;
    private final DeliveryMapper deliveries;
    private final WebhookTargets targets;

    public WebhookService(EntityManager em, Clock clock, AuditTrail audit, WebhookMapper mapper,
                          DeliveryMapper deliveries, WebhookTargets targets) {
        this.em = em;
        this.clock = clock;
        this.audit = audit;
        this.mapper = mapper;
        this.deliveries = deliveries;
        this.targets = targets;
    }

    @Transactional
    public WebhookSubscription create(Caller caller, WebhookRequest request) {
        String owner = owner(caller, request);
        WebhookSubscription s = new WebhookSubscription();
        s.id = UUID.randomUUID();
        s.ministryCode = owner;
        apply(caller, s, request);
        s.secret = WebhookSignature.newSecret();
        s.active = true;
        s.createdBy = caller.username();
        s.createdAt = clock.instant();
        em.persist(s);
        audit.record(AUDIT_TYPE, s.id, s.ministryCode, "created", Map.of(), mapper.toAuditState(s), caller.username(), null);
        return s;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PageView<WebhookSubscription> list(Caller caller, Paging paging) {
        boolean all = caller.hasRole(Roles.PLATFORM_ADMIN);
        String where = all ? "" : " where s.ministryCode = :ministry";
        TypedQuery<WebhookSubscription> query = em.createQuery("select s from WebhookSubscription s" + where
                + " order by s.createdAt desc, s.id", WebhookSubscription.class);
        TypedQuery<Long> count = em.createQuery("select count(s) from WebhookSubscription s" + where, Long.class);
        if (!all) {
            String ministry = caller.ministry().orElse("");
            query.setParameter("ministry", ministry);
            count.setParameter("ministry", ministry);
        }
        return new PageView<>(query.setFirstResult(paging.page * paging.size).setMaxResults(paging.size)
                .getResultList(), paging.page, paging.size, count.getSingleResult());
    }

    /** 404 for another ministry's webhook too: its id is not confirmed to outsiders. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public WebhookSubscription get(Caller caller, UUID id) {
        WebhookSubscription s = em.find(WebhookSubscription.class, id);
        if (s == null || !caller.belongsTo(s.ministryCode)) {
            throw ProblemException.notFound("Webhook", id);
        }
        return s;
    }

    @Transactional
    public WebhookSubscription update(Caller caller, UUID id, String ifMatch, WebhookRequest request) {
        WebhookSubscription s = get(caller, id);
        Versions.requireMatch(ifMatch, s.version);
        Map<String, Object> before = mapper.toAuditState(s);
        apply(caller, s, request);
        audit.record(AUDIT_TYPE, s.id, s.ministryCode, "updated", before, mapper.toAuditState(s), caller.username(), null);
        return flushed(s);
    }

    /** The request a PATCH is merged into: the webhook as it is. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public WebhookRequest current(Caller caller, UUID id) {
        WebhookSubscription s = get(caller, id);
        return mapper.toRequest(s);
    }

    /** Turns a disabled webhook back on with a clean failure count; its waiting deliveries go out again. */
    @Transactional
    public WebhookSubscription enable(Caller caller, UUID id, String ifMatch) {
        WebhookSubscription s = get(caller, id);
        Versions.requireMatch(ifMatch, s.version);
        Map<String, Object> before = mapper.toAuditState(s);
        s.active = true;
        s.failures = 0;
        s.disabledAt = null;
        s.disabledReason = null;
        audit.record(AUDIT_TYPE, s.id, s.ministryCode, "enabled", before, mapper.toAuditState(s), caller.username(), null);
        return flushed(s);
    }

    @Transactional
    public void delete(Caller caller, UUID id, String ifMatch) {
        WebhookSubscription s = get(caller, id);
        Versions.requireMatch(ifMatch, s.version);
        audit.record(AUDIT_TYPE, s.id, s.ministryCode, "deleted", mapper.toAuditState(s), Map.of(), caller.username(), null);
        em.remove(s);
    }

    /**
     * Who changed a webhook, what and when, newest first; kept after the webhook is deleted, so its owner's admins
     * can still see who removed it.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public PageView<AuditRecordView> history(Caller caller, UUID id, Paging paging) {
        WebhookSubscription s = em.find(WebhookSubscription.class, id);
        String owner = s != null ? s.ministryCode : audit.find("entityType = ?1 and entityId = ?2",
                        AUDIT_TYPE, id.toString()).firstResultOptional().map(e -> ((AuditEntry) e).ministry)
                .orElse(null);
        if (owner == null || !caller.belongsTo(owner)) {
            throw ProblemException.notFound("Webhook", id);
        }
        return audit.history(AUDIT_TYPE, id, paging);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PageView<DeliveryView> deliveries(Caller caller, UUID subscriptionId, String status, String eventType,
                                             Paging paging) {
        if (subscriptionId != null) {
            get(caller, subscriptionId);
        }
        Where where = Where.from("WebhookDelivery d, WebhookSubscription s")
                .and("s.id = d.subscriptionId")
                .and("s.ministryCode = :ministry", "ministry",
                        caller.hasRole(Roles.PLATFORM_ADMIN) ? null : caller.ministry().orElse(""))
                .and("d.subscriptionId = :subscription", "subscription", subscriptionId)
                .and("d.status = :status", "status", deliveryStatus(status))
                .and("d.eventType like :type" + Like.ESCAPE, "type",
                        eventType == null || eventType.isBlank() ? null : Like.startingWith(eventType.strip()));
        TypedQuery<Object[]> query = em.createQuery("select d, s " + where.jpql()
                + " order by d.createdAt desc, d.id", Object[].class);
        TypedQuery<Long> count = em.createQuery("select count(d) " + where.jpql(), Long.class);
        where.parameterMap().forEach((name, value) -> {
            query.setParameter(name, value);
            count.setParameter(name, value);
        });
        List<DeliveryView> items = query.setFirstResult(paging.page * paging.size).setMaxResults(paging.size)
                .getResultList().stream()
                .map(row -> deliveries.toView((WebhookDelivery) row[0], (WebhookSubscription) row[1])).toList();
        return new PageView<>(items, paging.page, paging.size, count.getSingleResult());
    }

    private static WebhookDelivery.Status deliveryStatus(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return WebhookDelivery.Status.valueOf(status.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("status", "one of PENDING, DELIVERED, FAILED, GAVE_UP");
        }
    }

    private WebhookSubscription flushed(WebhookSubscription s) {
        em.flush();
        return s;
    }

    private static String owner(Caller caller, WebhookRequest request) {
        String requested = request.ministryCode() == null || request.ministryCode().isBlank() ? null
                : request.ministryCode().strip();
        if (caller.hasRole(Roles.PLATFORM_ADMIN)) {
            String owner = requested != null ? requested : caller.ministry().orElse(null);
            if (!EventFilters.isMinistryCode(owner)) {
                throw ProblemException.invalid("ministryCode", "the owning ministry's code, e.g. BNV");
            }
            return owner;
        }
        String own = caller.ministry().orElseThrow(() ->
                ProblemException.forbidden("Your token names no ministry: a webhook belongs to one"));
        if (requested != null && !requested.equals(own)) {
            caller.requireMinistry(requested);
        }
        return own;
    }

    /** Checks every field at once, so the client learns all that is wrong in one answer. */
    private void apply(Caller caller, WebhookSubscription s, WebhookRequest request) {
        List<Problem.Violation> violations = new ArrayList<>();
        String url = request.url() == null ? "" : request.url().strip();
        if (!validUrl(url)) {
            violations.add(new Problem.Violation("url", "an absolute http or https URL with a host, e.g. "
                    + "https://hethong.moha.gov.vn/secondment/events"));
        } else {
            targets.refusal(URI.create(url)).ifPresent(why -> violations.add(new Problem.Violation("url", why)));
        }
        List<String> types = EventFilters.eventTypes(request.eventTypes(), true, violations);
        int found = violations.size();
        List<String> ministries = EventFilters.ministries(request.ministries(), violations);
        if (violations.size() == found && !caller.hasRole(Roles.PLATFORM_ADMIN)
                && ministries.stream().anyMatch(m -> !m.equals(s.ministryCode))) {
            // another ministry's events are not this ministry's to read
            violations.add(new Problem.Violation("ministries", "only your own ministry, " + s.ministryCode));
        }
        List<String> provinces = EventFilters.provinces(request.provinces(), violations);
        if (!violations.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION, "The webhook is not valid", violations);
        }
        s.url = url;
        s.eventTypes = types;
        s.ministries = ministries;
        s.provinces = provinces;
    }

    private static boolean validUrl(String url) {
        if (url.isEmpty() || url.length() > 2000) {
            return false;
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return uri.isAbsolute() && (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null
                    && uri.getUserInfo() == null;
        } catch (Exception e) {
            return false;
        }
    }
}
