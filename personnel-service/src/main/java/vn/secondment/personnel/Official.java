package vn.secondment.personnel;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import vn.secondment.rest.Text;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A civil servant (công chức) or public employee (viên chức) of a ministry who can be seconded. */
@Entity
@Table(name = "official")
public class Official {

    @Id
    public UUID id;

    /** Full Vietnamese name, stored in Unicode NFC. */
    @Column(name = "full_name", nullable = false)
    public String fullName;

    @Enumerated(EnumType.STRING)
    public Gender gender;

    /** Personal: shown only to the official's own ministry's admins and coordinators, and to the official. */
    @Column(name = "date_of_birth")
    public LocalDate dateOfBirth;

    @Column(name = "ministry_code", nullable = false)
    public String ministryCode;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "unit_id")
    public OrgUnit unit;

    /** Chức vụ, e.g. Phó Vụ trưởng. */
    public String position;

    /** Ngạch, e.g. chuyên viên chính. */
    public String grade;

    @Enumerated(EnumType.STRING)
    public StaffCategory category;

    /** Work email: how the official signs in, and the natural key of annex imports. */
    public String email;

    /** Personal: masked like the date of birth. */
    public String phone;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    public List<String> expertise = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "expertise_keys", nullable = false)
    public List<String> expertiseKeys = new ArrayList<>();

    /** Folded name and email, each word preceded by a space, for word-prefix search. */
    @Column(name = "search_text", nullable = false)
    public String searchText;

    @Column(name = "sort_name", nullable = false)
    public String sortName;

    public boolean active = true;

    @Enumerated(EnumType.STRING)
    @Column(name = "secondment_status", nullable = false)
    public SecondmentStatus secondmentStatus = SecondmentStatus.AVAILABLE;

    @Column(name = "deactivated_at")
    public Instant deactivatedAt;

    @Column(name = "deactivation_reason")
    public String deactivationReason;

    /** Keycloak's id of the official's login; null while they have none. */
    @Column(name = "keycloak_user_id")
    public String keycloakUserId;

    /** The login's username: the work e-mail as it was when the login was given. */
    @Column(name = "login_username")
    public String loginUsername;

    /** The realm role the login was given: officer, or ministry-unit for a unit's user. */
    @Column(name = "login_role")
    public String loginRole;

    /** Whether Keycloak lets the login sign in, as far as this service has made it so. */
    @Column(name = "login_enabled")
    public Boolean loginEnabled;

    @Column(name = "login_created_at")
    public Instant loginCreatedAt;

    @Column(name = "login_created_by")
    public String loginCreatedBy;

    /** The official was deactivated while Keycloak was unreachable: the login is still to be disabled there. */
    @Column(name = "login_disable_pending", nullable = false)
    public boolean loginDisablePending;

    @Version
    public long version;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "updated_by")
    public String updatedBy;

    public boolean hasLogin() {
        return keycloakUserId != null;
    }

    /** Recomputes the folded keys after the name, email or expertise changed. */
    public void refreshKeys() {
        String name = Text.fold(fullName);
        int lastSpace = name.lastIndexOf(' ');
        sortName = (lastSpace < 0 ? name : name.substring(lastSpace + 1) + " " + name);
        searchText = " " + name + " " + Text.fold(email).replace(" ", "");
        expertiseKeys = expertise.stream().map(Text::fold).toList();
    }
}
