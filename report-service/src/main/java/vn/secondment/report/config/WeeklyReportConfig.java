package vn.secondment.report.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.DayOfWeek;
import java.time.LocalTime;

/** The deadline of each week's report. */
@ConfigMapping(prefix = "report.weekly")
public interface WeeklyReportConfig {

    /** The day of the report's own week it is due. */
    @WithDefault("FRIDAY")
    DayOfWeek dueDay();

    /** The time of that day, Vietnam time. */
    @WithDefault("17:00")
    LocalTime dueTime();
}
