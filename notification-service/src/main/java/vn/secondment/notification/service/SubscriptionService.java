package vn.secondment.notification.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import vn.secondment.notification.EmailSubscription;
import vn.secondment.notification.InboxReader;
import vn.secondment.notification.mapping.InboxReaderMapper;
import vn.secondment.notification.rest.SubscriptionRequest;
import vn.secondment.rest.http.Versions;
import vn.secondment.rest.problem.Problem;
import vn.secondment.rest.problem.ProblemException;
import vn.secondment.rest.problem.ProblemType;
import vn.secondment.rest.security.Caller;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The signed-in user's own e-mail subscription. */
@ApplicationScoped
public class SubscriptionService {

    private final EntityManager em;
    private final Clock clock;
    private final InboxReaderMapper readers;

    public SubscriptionService(EntityManager em, Clock clock, InboxReaderMapper readers) {
        this.em = em;
        this.clock = clock;
        this.readers = readers;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<EmailSubscription> find(Caller caller) {
        return Optional.ofNullable(em.find(EmailSubscription.class, caller.subject()));
    }

    /**
     * Creates or replaces the caller's subscription; replacing needs the ETag read last ({@code If-Match}). The
     * reader data (roles, ministry, province, unit, email) is taken from the token again each time, so that what
     * the consumer mails follows what the user now sees.
     */
    @Transactional
    public EmailSubscription put(Caller caller, String ifMatch, SubscriptionRequest request) {
        // mail goes only to an address the identity provider verified: nobody subscribes someone else's mailbox
        InboxReader reader = readers.toReader(caller);
        if (reader.email() == null) {
            throw new ProblemException(ProblemType.UNPROCESSABLE,
                    "Your account has no verified email address: verify one before subscribing to e-mail");
        }
        Valid valid = validate(request);
        EmailSubscription s = em.find(EmailSubscription.class, caller.subject());
        boolean created = s == null;
        if (created) {
            s = new EmailSubscription();
            s.subject = caller.subject();
        } else {
            Versions.requireMatch(ifMatch, s.version);
        }
        s.email = reader.email();
        s.enabled = request.email();
        s.eventTypes = valid.eventTypes();
        s.ministries = valid.ministries();
        s.provinces = valid.provinces();
        s.digest = valid.digest();
        s.language = valid.language();
        s.roles = new ArrayList<>(reader.roles());
        s.ministry = reader.ministry();
        s.province = reader.province();
        s.unit = reader.unit();
        s.updatedAt = clock.instant();
        if (created) {
            em.persist(s);
        }
        em.flush(); // the answer's ETag is the version after this change
        return s;
    }

    private record Valid(List<String> eventTypes, List<String> ministries, List<String> provinces,
                         EmailSubscription.Digest digest, String language) {
    }

    private static Valid validate(SubscriptionRequest r) {
        List<Problem.Violation> violations = new ArrayList<>();
        if (r == null) {
            throw ProblemException.invalid("body", "a subscription is required");
        }
        if (r.email() == null) {
            violations.add(new Problem.Violation("email", "true or false is required"));
        }
        List<String> types = EventFilters.eventTypes(r.eventTypes(), false, violations);
        List<String> ministries = EventFilters.ministries(r.ministries(), violations);
        List<String> provinces = EventFilters.provinces(r.provinces(), violations);
        EmailSubscription.Digest digest = EmailSubscription.Digest.NONE;
        if (r.digest() != null) {
            try {
                digest = EmailSubscription.Digest.valueOf(r.digest().strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                violations.add(new Problem.Violation("digest", "NONE or DAILY"));
            }
        }
        String language = r.language() == null ? "vi" : r.language().strip().toLowerCase(Locale.ROOT);
        if (!language.equals("vi") && !language.equals("en")) {
            violations.add(new Problem.Violation("language", "vi or en"));
        }
        if (!violations.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION, "The subscription is not valid", violations);
        }
        return new Valid(types, ministries, provinces, digest, language);
    }
}

