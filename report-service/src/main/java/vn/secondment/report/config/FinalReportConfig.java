package vn.secondment.report.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.LocalTime;

/** The deadline of the final report. */
@ConfigMapping(prefix = "report.final")
public interface FinalReportConfig {

    /** Days after the assignment's end date the final report is due (0: on the end date). */
    @WithDefault("0")
    int dueDaysAfterEnd();

    /** The time of that day, Vietnam time. */
    @WithDefault("17:00")
    LocalTime dueTime();
}
