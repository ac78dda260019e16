package vn.secondment.rest.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Period;

/**
 * How far back a coordinator or ministry admin may record what already happened ({@code PastLimits}), the same in
 * every service.
 */
@ConfigMapping(prefix = "secondment.after-the-fact")
public interface AfterTheFactConfig {

    /**
     * The oldest fact that may be entered, counted back from today (Asia/Ho_Chi_Minh): two years covers last year's
     * rounds whole, while keeping typing mistakes such as 2205 for 2025 out.
     */
    @WithDefault("P2Y")
    Period maxAge();
}
