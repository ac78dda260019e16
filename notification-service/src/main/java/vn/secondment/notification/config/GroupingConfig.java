package vn.secondment.notification.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** How inbox entries of one kind that reach one audience at once become one entry. */
@ConfigMapping(prefix = "notification.grouping")
public interface GroupingConfig {

    /**
     * How long a group takes more entries, counted from its first one; a later entry starts a new group. Its e-mail
     * waits until then, so that one message tells the whole group. Zero turns grouping off.
     */
    @WithDefault("2m")
    Duration window();
}
