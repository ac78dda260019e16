package vn.secondment.report.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How long a ministry unit has to answer an escalated issue. */
@ConfigMapping(prefix = "report.issues")
public interface IssuesConfig {

    /** Calendar days from the escalation day (Vietnam time) to the default deadline. */
    @WithDefault("10")
    int escalationDays();

    /** The same for an issue that affects citizens or businesses, to be handled at once. */
    @WithDefault("3")
    int urgentDays();
}
