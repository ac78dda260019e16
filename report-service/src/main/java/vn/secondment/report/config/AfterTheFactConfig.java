package vn.secondment.report.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Period;

/** How far back a coordinator or ministry admin may record what already happened (the same rule in every service). */
@ConfigMapping(prefix = "secondment.after-the-fact")
public interface AfterTheFactConfig {

    /** The oldest fact accepted, counted back from now (ISO-8601 period, e.g. {@code P2Y}). */
    @WithDefault("P2Y")
    Period maxAge();
}
