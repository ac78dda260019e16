package vn.secondment.personnel.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.Hibernate;
import org.jboss.logging.Logger;
import vn.secondment.data.audit.AuditTrail;
import vn.secondment.personnel.Official;
import vn.secondment.personnel.client.KeycloakAdminClient;
import vn.secondment.personnel.client.KeycloakRefusedUser;
import vn.secondment.personnel.client.KeycloakUnavailable;
import vn.secondment.personnel.client.KeycloakUserExists;
import vn.secondment.personnel.repository.OfficialRepository;
import vn.secondment.personnel.rest.LoginRequest;
import vn.secondment.personnel.security.DirectoryAccess;
import vn.secondment.rest.problem.Problem;
import vn.secondment.rest.problem.ProblemException;
import vn.secondment.rest.problem.ProblemType;
import vn.secondment.rest.security.Roles;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Officials' Keycloak logins. Keycloak is called outside any database transaction (a slow Keycloak never holds
 * a connection or a row lock); the official's row records the result afterwards, audited like every change of it.
 * Changing the login columns leaves the official's version alone: the login is not part of what If-Match guards.
 */
@ApplicationScoped
public class LoginService {

    private static final Logger LOG = Logger.getLogger(LoginService.class);

    private final OfficialRepository officials;
    private final KeycloakAdminClient keycloak;
    private final AuditTrail audit;
    private final Clock clock;

    public LoginService(OfficialRepository officials, KeycloakAdminClient keycloak, AuditTrail audit, Clock clock) {
        this.officials = officials;
        this.keycloak = keycloak;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Creates the official's Keycloak user (username and verified e-mail = the work e-mail, the ministry claim,
     * and the unit's code for a unit's user), gives it its realm role and sends Keycloak's "set your password"
     * e-mail. If a step after the creation fails, the user is removed again so that a retry starts clean.
     */
    public Official give(UUID id, LoginRequest request, DirectoryAccess access) {
        LoginRequest.Kind kind = request == null ? LoginRequest.Kind.OFFICER : request.kindOrDefault();
        Official official = read(id, access);
        if (!official.active) {
            throw new ProblemException(ProblemType.CONFLICT,
                    "Official " + id + " is deactivated: reactivate them before giving a login");
        }
        if (official.hasLogin() && Boolean.TRUE.equals(official.loginEnabled)) {
            throw new ProblemException(ProblemType.CONFLICT, "Official " + id + " already has a login ("
                    + official.loginUsername + ")").with("login", official.loginUsername);
        }
        if (official.hasLogin()) {
            return enableAgain(official, access);
        }
        if (official.email == null || official.email.isBlank()) {
            throw ProblemException.invalid("email",
                    "the official has no work e-mail: set one, it is the login's username and where Keycloak "
                            + "sends the set-password e-mail");
        }
        String unitCode = official.unit == null ? null : official.unit.code;
        if (kind == LoginRequest.Kind.UNIT && unitCode == null) {
            throw new ProblemException(ProblemType.VALIDATION, "A unit's login needs the official's unit",
                    List.of(new Problem.Violation("kind", "is UNIT but the official belongs to no unit: set "
                            + "their unit first")));
        }
        requireConfigured();

        String username = official.email.strip().toLowerCase(Locale.ROOT);
        String role = kind == LoginRequest.Kind.UNIT ? Roles.MINISTRY_UNIT : Roles.OFFICER;
        Map<String, List<String>> attributes = new LinkedHashMap<>();
        attributes.put("ministry", List.of(official.ministryCode));
        if (kind == LoginRequest.Kind.UNIT) {
            attributes.put("unit", List.of(unitCode));
        }
        String[] names = names(official.fullName);
        String userId;
        try {
            userId = keycloak.createUser(new KeycloakAdminClient.NewUser(username, username, names[0], names[1],
                    attributes));
        } catch (KeycloakRefusedUser e) {
            throw ProblemException.invalid("email", "Keycloak does not accept the official's work e-mail or name "
                    + "for a login: " + e.getMessage());
        } catch (KeycloakUserExists e) {
            throw new ProblemException(ProblemType.CONFLICT, "Keycloak already has a user " + username
                    + ": ask the platform's operators to link or remove it");
        } catch (KeycloakUnavailable e) {
            throw unavailable(e);
        }
        try {
            keycloak.grantRealmRole(userId, role);
            keycloak.sendSetPasswordEmail(userId);
        } catch (KeycloakUnavailable e) {
            removeQuietly(userId);
            throw unavailable(e);
        }
        String actor = access.caller().username();
        return QuarkusTransaction.requiringNew().call(() -> {
            Official stored = officials.findById(id);
            Map<String, Object> before = loginState(stored);
            officials.getEntityManager().createQuery("update Official o set o.keycloakUserId = :user, "
                            + "o.loginUsername = :username, o.loginRole = :role, o.loginEnabled = true, "
                            + "o.loginCreatedAt = :at, o.loginCreatedBy = :by, o.loginDisablePending = false "
                            + "where o.id = :id")
                    .setParameter("user", userId).setParameter("username", username).setParameter("role", role)
                    .setParameter("at", clock.instant()).setParameter("by", actor).setParameter("id", id)
                    .executeUpdate();
            officials.getEntityManager().refresh(stored);
            audit.record(OfficialService.AUDIT_TYPE, id, stored.ministryCode, "login-given", before,
                    loginState(stored), actor, null);
            Hibernate.initialize(stored.unit);
            return stored;
        });
    }

    /**
     * A login disabled earlier (its official deactivated, or the login removed) is enabled again, with a new
     * "set your password" e-mail, rather than a second user made.
     */
    private Official enableAgain(Official official, DirectoryAccess access) {
        requireConfigured();
        try {
            keycloak.setEnabled(official.keycloakUserId, true);
            keycloak.sendSetPasswordEmail(official.keycloakUserId);
        } catch (KeycloakUnavailable e) {
            throw unavailable(e);
        }
        String actor = access.caller().username();
        return QuarkusTransaction.requiringNew().call(() -> {
            Official stored = officials.findById(official.id);
            Map<String, Object> before = loginState(stored);
            officials.getEntityManager().createQuery("update Official o set o.loginEnabled = true, "
                    + "o.loginDisablePending = false where o.id = :id").setParameter("id", official.id)
                    .executeUpdate();
            officials.getEntityManager().refresh(stored);
            audit.record(OfficialService.AUDIT_TYPE, stored.id, stored.ministryCode, "login-enabled", before,
                    loginState(stored), actor, null);
            Hibernate.initialize(stored.unit);
            return stored;
        });
    }

    /** {@code DELETE .../login}: disables the login in Keycloak now; 503 when Keycloak cannot be reached. */
    public Official remove(UUID id, DirectoryAccess access) {
        Official official = read(id, access);
        if (!official.hasLogin()) {
            throw ProblemException.notFound("Login of official", id);
        }
        if (Boolean.TRUE.equals(official.loginEnabled)) {
            requireConfigured();
            try {
                keycloak.setEnabled(official.keycloakUserId, false);
            } catch (KeycloakUnavailable e) {
                throw unavailable(e);
            }
            recordDisabled(id, access.caller().username(), "login-disabled");
        }
        return QuarkusTransaction.requiringNew().call(() -> {
            Official stored = officials.findById(id);
            Hibernate.initialize(stored.unit);
            return stored;
        });
    }

    /**
     * After a deactivation committed ({@link OfficialService#deactivate} marked the login): disables it in Keycloak
     * now if it can; otherwise {@link #retryPendingDisables} does it once Keycloak answers again.
     */
    public void disableAfterDeactivation(UUID id) {
        Official official = QuarkusTransaction.requiringNew().call(() -> officials.findById(id));
        if (official == null || !official.loginDisablePending) {
            return;
        }
        disablePending(official);
    }

    /** Logins still enabled in Keycloak although their officials were deactivated, tried again. */
    @Scheduled(every = "${personnel.keycloak-admin.retry-interval:1m}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void retryPendingDisables() {
        if (!keycloak.configured()) {
            return;
        }
        List<Official> pending = QuarkusTransaction.requiringNew().call(() ->
                officials.find("loginDisablePending = true").page(0, 100).list());
        for (Official official : pending) {
            if (!disablePending(official)) {
                return; // Keycloak is still away: the next run tries again
            }
        }
    }

    private boolean disablePending(Official official) {
        if (!keycloak.configured()) {
            LOG.warnf("The login of deactivated official %s stays enabled: Keycloak's admin API is not configured",
                    official.id);
            return false;
        }
        try {
            keycloak.setEnabled(official.keycloakUserId, false);
        } catch (KeycloakUnavailable e) {
            LOG.warnf("The login of deactivated official %s is disabled later: %s", official.id, e.getMessage());
            return false;
        }
        recordDisabled(official.id, "personnel-service", "login-disabled");
        return true;
    }

    private void recordDisabled(UUID id, String actor, String action) {
        QuarkusTransaction.requiringNew().run(() -> {
            Official stored = officials.findById(id);
            Map<String, Object> before = loginState(stored);
            officials.getEntityManager().createQuery("update Official o set o.loginEnabled = false, "
                    + "o.loginDisablePending = false where o.id = :id").setParameter("id", id).executeUpdate();
            officials.getEntityManager().refresh(stored);
            audit.record(OfficialService.AUDIT_TYPE, id, stored.ministryCode, action, before, loginState(stored),
                    actor, null);
        });
    }

    private Official read(UUID id, DirectoryAccess access) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Official official = officials.findByIdOptional(id)
                    .orElseThrow(() -> ProblemException.notFound("Official", id));
            if (!access.canSee(official)) {
                throw ProblemException.notFound("Official", id);
            }
            access.requireManage(official.ministryCode);
            Hibernate.initialize(official.unit);
            return official;
        });
    }

    private void requireConfigured() {
        if (!keycloak.configured()) {
            throw new ProblemException(ProblemType.SERVICE_UNAVAILABLE, "Logins cannot be given on this platform: "
                    + "Keycloak's admin API is not configured (personnel.keycloak-admin.url and client-secret)");
        }
    }

    private void removeQuietly(String userId) {
        try {
            keycloak.deleteUser(userId);
        } catch (KeycloakUnavailable e) {
            LOG.warnf("Keycloak user %s was created but not set up, and could not be removed: %s", userId,
                    e.getMessage());
        }
    }

    private static ProblemException unavailable(KeycloakUnavailable e) {
        LOG.warnf("Keycloak's admin API failed: %s", e.getMessage());
        return new ProblemException(ProblemType.SERVICE_UNAVAILABLE,
                "Keycloak cannot be reached or refused the change, so no login was given or changed; try again "
                        + "later. " + e.getMessage());
    }

    private static Map<String, Object> loginState(Official official) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("loginUsername", official.loginUsername);
        state.put("loginRole", official.loginRole);
        state.put("loginEnabled", official.loginEnabled);
        return state;
    }

    /**
     * Keycloak's first and last name from a Vietnamese full name: the family name comes first ("Nguyễn Thị Hoa"
     * has last name Nguyễn and first name Thị Hoa), as the realm's sample users have them.
     */
    static String[] names(String fullName) {
        String name = fullName.strip();
        int space = name.indexOf(' ');
        return space < 0 ? new String[]{name, name}
                : new String[]{name.substring(space + 1).strip(), name.substring(0, space)};
    }
}
