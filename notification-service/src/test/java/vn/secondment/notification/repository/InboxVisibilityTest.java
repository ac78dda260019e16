package vn.secondment.notification.repository;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import vn.secondment.notification.InboxEntry;
import vn.secondment.notification.InboxReader;
import vn.secondment.notification.repository.InboxEntryRepository.Filter;
import vn.secondment.rest.security.Roles;
import vn.secondment.testing.WithRealInfrastructure;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The visibility rule exists twice, as JPQL for lists and in Java for the live stream: for every kind of addressing
 * and every kind of reader, both must pick the same entries.
 */
@QuarkusTest
@WithRealInfrastructure
class InboxVisibilityTest {

    @Inject
    InboxEntryRepository entries;

    @Test
    void listsAndLiveStreamsSeeTheSameEntries() {
        String subjectId = UUID.randomUUID().toString();
        String person = UUID.randomUUID().toString();
        List<InboxEntry> made = List.of(
                entry(subjectId, "to the person", person, null, null, null),
                entry(subjectId, "BNV admins", null, Roles.MINISTRY_ADMIN, "BNV", null),
                entry(subjectId, "BNV admins in 79", null, Roles.MINISTRY_ADMIN, "BNV", "79"),
                entry(subjectId, "every ministry's admins", null, Roles.MINISTRY_ADMIN, null, null),
                entry(subjectId, "liaisons of 79", null, Roles.PROVINCE_LIAISON, null, "79"),
                entry(subjectId, "BNV liaisons of 01", null, Roles.PROVINCE_LIAISON, "BNV", "01"),
                entry(subjectId, "BCT admins", null, Roles.MINISTRY_ADMIN, "BCT", null),
                byEmail(entry(subjectId, "to the officer's email", null, null, null, null), "Thu.Trang@moha.gov.vn"),
                inUnit(entry(subjectId, "BNV's IT centre", null, Roles.MINISTRY_UNIT, "BNV", null), "TT-CNTT"));
        QuarkusTransaction.requiringNew().run(() -> made.forEach(entries::persist));
        try {
            compareForEveryReader(made, subjectId, person);
        } finally {
            // entries for every ministry's admins would show in other tests' inboxes
            QuarkusTransaction.requiringNew().run(() -> entries.delete("subjectId", subjectId));
        }
    }

    private void compareForEveryReader(List<InboxEntry> made, String subjectId, String person) {

        List<InboxReader> readers = List.of(
                new InboxReader(person, null, Set.of(), null, null, null),
                new InboxReader("bnv-admin", null, Set.of(Roles.MINISTRY_ADMIN), "BNV", null, null),
                new InboxReader("bnv-admin-79", null, Set.of(Roles.MINISTRY_ADMIN), "BNV", "79", null),
                new InboxReader("bct-admin", null, Set.of(Roles.MINISTRY_ADMIN), "BCT", null, null),
                new InboxReader("liaison-79", null, Set.of(Roles.PROVINCE_LIAISON), null, "79", null),
                new InboxReader("bnv-liaison-01", null, Set.of(Roles.PROVINCE_LIAISON), "BNV", "01", null),
                new InboxReader("nobody", null, Set.of(), null, null, null),
                new InboxReader("officer", "thu.trang@moha.gov.vn", Set.of(Roles.OFFICER), "BNV", null, null),
                new InboxReader("bnv-cntt", null, Set.of(Roles.MINISTRY_UNIT), "BNV", null, "TT-CNTT"),
                new InboxReader("bnv-cqdp", null, Set.of(Roles.MINISTRY_UNIT), "BNV", null, "VU-CQDP"));
        for (InboxReader reader : readers) {
            List<String> byQuery = QuarkusTransaction.requiringNew().call(() -> entries
                    .page(reader, new Filter(null, null, subjectId, null, null), 0, 100).stream()
                    .map(read -> read.entry().title).toList());
            List<String> inMemory = made.stream().filter(entry -> InboxEntryRepository.isVisibleTo(entry, reader))
                    .map(entry -> entry.title).toList();
            assertThat(byQuery).as(reader.toString()).containsExactlyInAnyOrderElementsOf(inMemory);
        }
        // and the rule is the intended one, not merely the same twice
        assertThat(visibleTitles(made, readers.get(2))).containsExactlyInAnyOrder(
                "BNV admins", "BNV admins in 79", "every ministry's admins");
        assertThat(visibleTitles(made, readers.get(1))).containsExactlyInAnyOrder(
                "BNV admins", "every ministry's admins");
        assertThat(visibleTitles(made, readers.get(0))).containsExactly("to the person");
        assertThat(visibleTitles(made, readers.get(6))).isEmpty();
        assertThat(visibleTitles(made, readers.get(7))).containsExactly("to the officer's email");
        assertThat(visibleTitles(made, readers.get(8))).containsExactly("BNV's IT centre");
        assertThat(visibleTitles(made, readers.get(9))).isEmpty();
    }

    private static InboxEntry byEmail(InboxEntry entry, String email) {
        entry.recipientEmail = email;
        return entry;
    }

    private static InboxEntry inUnit(InboxEntry entry, String unit) {
        entry.unit = unit;
        return entry;
    }

    private static List<String> visibleTitles(List<InboxEntry> made, InboxReader reader) {
        return made.stream().filter(entry -> InboxEntryRepository.isVisibleTo(entry, reader))
                .map(entry -> entry.title).toList();
    }

    private static InboxEntry entry(String subjectId, String title, String recipient, String role, String ministry,
                                    String province) {
        InboxEntry entry = new InboxEntry();
        entry.id = UUID.randomUUID();
        entry.eventId = UUID.randomUUID().toString();
        entry.eventType = "vn.secondment.test.visibility";
        entry.recipient = recipient;
        entry.audienceRole = role;
        entry.ministry = ministry;
        entry.province = province;
        entry.title = title;
        entry.body = title;
        entry.subjectId = subjectId;
        entry.createdAt = Instant.now();
        return entry;
    }
}
