package vn.secondment.notification.service;

import jakarta.enterprise.context.ApplicationScoped;
import vn.secondment.notification.config.WebhookConfig;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Where the platform may send webhooks: an https URL whose host resolves only to public addresses. Loopback, private,
 * link-local (the cloud metadata service at 169.254.169.254 among them), unique-local, carrier-grade NAT, multicast
 * and unspecified addresses are refused, so that a registered URL cannot make the platform call its own network
 * (server-side request forgery). Hosts on the operators' allow-list ({@code notification.webhooks.allowed-targets})
 * are exempt, http included: the local stack's and the tests' receivers. Checked at registration and again before
 * every delivery, since a name may resolve elsewhere later.
 */
@ApplicationScoped
public class WebhookTargets {

    private final Set<String> allowed;

    public WebhookTargets(WebhookConfig config) {
        this.allowed = config.allowedTargets().orElse(Set.of()).stream()
                .map(host -> host.strip().toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
    }

    /** Why the platform must not call {@code url}; empty when it may. */
    public Optional<String> refusal(URI url) {
        String host = url.getHost() == null ? "" : url.getHost().toLowerCase(Locale.ROOT);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        if (allowed.contains(host)) {
            return Optional.empty();
        }
        if (!"https".equalsIgnoreCase(url.getScheme())) {
            return Optional.of("must be an https URL (http only for hosts the operators allow)");
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException notResolvableNow) {
            // a name that does not resolve now is not refused for it: each delivery resolves and checks it again
            return Optional.empty();
        }
        for (InetAddress address : addresses) {
            if (internal(address)) {
                return Optional.of("resolves to " + address.getHostAddress()
                        + ", an address inside a network that the platform does not call");
            }
        }
        return Optional.empty();
    }

    static boolean internal(InetAddress address) {
        byte[] bytes = address.getAddress();
        boolean uniqueLocal = address instanceof Inet6Address && (bytes[0] & 0xfe) == 0xfc;
        boolean carrierNat = bytes.length == 4 && (bytes[0] & 0xff) == 100 && (bytes[1] & 0xc0) == 64;
        return address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress() || uniqueLocal || carrierNat;
    }
}
