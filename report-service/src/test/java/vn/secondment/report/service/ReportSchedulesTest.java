package vn.secondment.report.service;

import org.junit.jupiter.api.Test;
import vn.secondment.events.assignment.AssignmentSnapshot;
import vn.secondment.report.config.FinalReportConfig;
import vn.secondment.report.config.WeeklyReportConfig;
import vn.secondment.report.readmodel.KnownAssignment;
import vn.secondment.rest.IsoWeek;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;

import static org.assertj.core.api.Assertions.assertThat;

/** The weekly and final report deadlines and the weeks an assignment owes reports for, without a database. */
class ReportSchedulesTest {

    private static final Clock CLOCK = Clock.systemUTC();

    @Test
    void weeklyReportIsDueOnFridayAtFivePmVietnamTimeOfItsOwnWeek() {
        WeeklyReportSchedule schedule = new WeeklyReportSchedule(null, weekly(DayOfWeek.FRIDAY, "17:00"), CLOCK);

        // 2025-W37 runs from Monday 8 to Sunday 14 September; 17:00 in Hồ Chí Minh City is 10:00 UTC
        assertThat(schedule.dueAt(IsoWeek.parse("week", "2025-W37"))).isEqualTo(Instant.parse("2025-09-12T10:00:00Z"));
    }

    @Test
    void weeklyDeadlineFollowsTheConfiguredDayAndTime() {
        WeeklyReportSchedule schedule = new WeeklyReportSchedule(null, weekly(DayOfWeek.MONDAY, "08:30"), CLOCK);

        assertThat(schedule.dueAt(IsoWeek.parse("week", "2025-W37"))).isEqualTo(Instant.parse("2025-09-08T01:30:00Z"));
    }

    @Test
    void weeklyDeadlineOfTheFirstIsoWeekStaysInThatWeekAcrossTheNewYear() {
        WeeklyReportSchedule schedule = new WeeklyReportSchedule(null, weekly(DayOfWeek.FRIDAY, "17:00"), CLOCK);

        // 2026-W01 begins on Monday 29 December 2025
        assertThat(schedule.dueAt(IsoWeek.parse("week", "2026-W01"))).isEqualTo(Instant.parse("2026-01-02T10:00:00Z"));
    }

    @Test
    void finalReportIsDueOnTheEndDateAtFivePmVietnamTimeByDefault() {
        FinalReportSchedule schedule = new FinalReportSchedule(null, finalDeadline(0, "17:00"), CLOCK);

        assertThat(schedule.dueAt(LocalDate.of(2025, 10, 20))).isEqualTo(Instant.parse("2025-10-20T10:00:00Z"));
    }

    @Test
    void finalReportDeadlineAddsTheConfiguredDaysAfterTheEnd() {
        FinalReportSchedule schedule = new FinalReportSchedule(null, finalDeadline(7, "09:00"), CLOCK);

        assertThat(schedule.dueAt(LocalDate.of(2025, 10, 20))).isEqualTo(Instant.parse("2025-10-27T02:00:00Z"));
    }

    @Test
    void everyIsoWeekThatMeetsThePeriodOwesOneReport() {
        // Wednesday 20 August to Monday 8 September 2025: W34 (part), W35, W36, W37 (its Monday only)
        KnownAssignment a = assignment(AssignmentSnapshot.Status.ACTIVE, "2025-08-20", "2025-09-08", "2025-08-20");

        assertThat(WeeklyReportSchedule.weeksOwed(a)).extracting(IsoWeek::toString)
                .containsExactly("2025-W34", "2025-W35", "2025-W36", "2025-W37");
    }

    @Test
    void withdrawnAssignmentOwesNoReports() {
        KnownAssignment a = assignment(AssignmentSnapshot.Status.WITHDRAWN, "2025-08-20", "2025-10-20", null);

        assertThat(WeeklyReportSchedule.owesReports(a)).isFalse();
        assertThat(WeeklyReportSchedule.weeksOwed(a)).isEmpty();
    }

    @Test
    void officialReplacedBeforeGoingOwesNothingButOneReplacedOnSiteStillDoes() {
        KnownAssignment never = assignment(AssignmentSnapshot.Status.REPLACED, "2025-08-20", "2025-10-20", null);
        KnownAssignment went = assignment(AssignmentSnapshot.Status.REPLACED, "2025-08-20", "2025-10-20",
                "2025-08-21");

        assertThat(WeeklyReportSchedule.owesReports(never)).isFalse();
        assertThat(WeeklyReportSchedule.owesReports(went)).isTrue();
    }

    private static WeeklyReportConfig weekly(DayOfWeek day, String time) {
        return new WeeklyReportConfig() {
            @Override
            public DayOfWeek dueDay() {
                return day;
            }

            @Override
            public LocalTime dueTime() {
                return LocalTime.parse(time);
            }
        };
    }

    private static FinalReportConfig finalDeadline(int days, String time) {
        return new FinalReportConfig() {
            @Override
            public int dueDaysAfterEnd() {
                return days;
            }

            @Override
            public LocalTime dueTime() {
                return LocalTime.parse(time);
            }
        };
    }

    static KnownAssignment assignment(AssignmentSnapshot.Status status, String start, String end, String arrived) {
        KnownAssignment a = new KnownAssignment();
        a.status = status;
        a.startDate = LocalDate.parse(start);
        a.endDate = LocalDate.parse(end);
        a.arrivedOn = arrived == null ? null : LocalDate.parse(arrived);
        a.ministryCode = "BNV";
        a.provinceCode = "79";
        return a;
    }
}
