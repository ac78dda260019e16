package vn.secondment.notification;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * That one user read one inbox entry. Per user because an entry addressed to a role is shared by all its holders:
 * one ministry admin reading it does not read it for the others. No receipt means unread.
 */
@Entity
@Table(name = "inbox_receipt")
@IdClass(InboxReceipt.Key.class)
public class InboxReceipt {

    @Id
    @Column(name = "entry_id")
    public UUID entryId;

    /** The reader's token subject. */
    @Id
    @Column(name = "user_subject")
    public String userSubject;

    @Column(name = "read_at", nullable = false)
    public Instant readAt;

    public static class Key implements Serializable {
        public UUID entryId;
        public String userSubject;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(entryId, key.entryId)
                    && Objects.equals(userSubject, key.userSubject);
        }

        @Override
        public int hashCode() {
            return Objects.hash(entryId, userSubject);
        }
    }
}
