package vn.secondment.report.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How often and in what batches the deadline sweeps (reports and escalated issues) run. */
@ConfigMapping(prefix = "report.sweep")
public interface SweepConfig {

    /** The interval ({@code 60s}, {@code 5m}); {@code off} disables the scheduled sweeps. */
    @WithDefault("60s")
    String every();

    /** Reports announced per transaction. */
    @WithDefault("200")
    int batchSize();
}
