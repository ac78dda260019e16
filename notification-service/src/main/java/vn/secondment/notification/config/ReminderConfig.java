package vn.secondment.notification.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** When reminders fire and how the sender works through them. */
@ConfigMapping(prefix = "notification.reminders")
public interface ReminderConfig {

    /**
     * How often the sender looks for reminders due (read by its {@code @Scheduled} expression, listed here so the
     * key is known). A reminder is sent at most this late; never twice, whatever the interval.
     */
    @WithDefault("60s")
    Duration poll();

    /**
     * How long before a week's Monday 00:00 (Vietnam time) a missing work plan is reminded. 55 hours is the Friday
     * before at 17:00, the end of the last working day before the week.
     */
    @WithDefault("55h")
    Duration workPlanBefore();

    /**
     * How long before 09:00 (Vietnam time) of an escalated issue's deadline day its unit is reminded; a day is the
     * morning before, time enough to answer.
     */
    @WithDefault("24h")
    Duration issueNear();

    /** How many reminders one transaction sends; the sender repeats batches until nothing due is left. */
    @WithDefault("100")
    int batchSize();
}
