package vn.secondment.notification.service;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;
import vn.secondment.notification.config.WebhookConfig;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * The tests' webhook targets, with one name more: {@value #HOST} is the test receiver on this machine (127.0.0.1),
 * a name no DNS server knows, so a delivery reaches it only by connecting to the address the check resolved.
 */
@Alternative
@Priority(1)
@Singleton
public class NamedReceiverTargets extends WebhookTargets {

    static final String HOST = "receiver.webhooks.test";

    public NamedReceiverTargets(WebhookConfig config) {
        super(config);
    }

    @Override
    protected InetAddress[] resolve(String host) throws UnknownHostException {
        return HOST.equals(host) ? new InetAddress[]{InetAddress.getByAddress(HOST, new byte[]{127, 0, 0, 1})}
                : super.resolve(host);
    }
}
