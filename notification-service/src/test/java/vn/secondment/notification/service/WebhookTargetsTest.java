package vn.secondment.notification.service;

import org.junit.jupiter.api.Test;
import vn.secondment.notification.config.WebhookConfig;

import java.lang.reflect.Proxy;
import java.net.URI;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookTargetsTest {

    private final WebhookTargets targets = new WebhookTargets(allowing("127.0.0.1"));

    @Test
    void refusesEveryInternalAddressTheUrlNames() {
        for (String url : new String[]{"https://169.254.169.254/latest/meta-data/", "https://10.0.0.1/hook",
                "https://172.16.5.4/hook", "https://192.168.1.10/hook", "https://[::1]/hook", "https://[fd00::1]/hook",
                "https://[fe80::1]/hook", "https://100.64.0.1/hook", "https://0.0.0.0/hook", "https://localhost/hook",
                "https://[::ffff:10.0.0.1]/hook"}) {
            assertThat(targets.refusal(URI.create(url))).as(url).get().asString()
                    .contains("address inside a network");
        }
    }

    @Test
    void refusesPlainHttpOutsideTheAllowList() {
        assertThat(targets.refusal(URI.create("http://203.0.113.7/hook"))).get().asString().contains("https");
    }

    @Test
    void letsPublicHttpsAndTheAllowListThrough() {
        assertThat(targets.refusal(URI.create("https://203.0.113.7/hook"))).isEmpty();
        assertThat(targets.refusal(URI.create("http://127.0.0.1:8089/hook"))).isEmpty();
    }

    private static WebhookConfig allowing(String... hosts) {
        return (WebhookConfig) Proxy.newProxyInstance(WebhookTargetsTest.class.getClassLoader(),
                new Class<?>[]{WebhookConfig.class}, (proxy, method, args) -> {
                    if (method.getName().equals("allowedTargets")) {
                        return Optional.of(Set.of(hosts));
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
