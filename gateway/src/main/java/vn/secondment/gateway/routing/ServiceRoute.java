package vn.secondment.gateway.routing;

import vn.secondment.gateway.config.GatewayConfig;

import java.net.URI;

/**
 * Where the gateway sends requests under one path prefix.
 *
 * @param name     the route's name in the configuration ({@code personnel})
 * @param prefix   the path prefix, without a trailing slash ({@code /api/personnel})
 * @param host     the service's host
 * @param port     the service's port
 * @param tls      whether the service is reached over HTTPS
 * @param basePath a path the service's URL may carry, put before every forwarded path ({@code ""} usually)
 */
public record ServiceRoute(String name, String prefix, String host, int port, boolean tls, String basePath) {

    private static final String API_ROOT = "/api/";

    /** Checks one configured route; a mistake stops the gateway at startup rather than misrouting calls. */
    public static ServiceRoute of(String name, GatewayConfig.Route config) {
        String key = "gateway.routes." + name;
        String prefix = config.prefix().strip();
        if (!prefix.startsWith(API_ROOT) || prefix.length() == API_ROOT.length() || prefix.endsWith("/")) {
            throw new IllegalStateException(key + ".prefix must look like /api/<name> without a trailing slash, not '"
                    + prefix + "'");
        }
        URI url = config.url();
        boolean tls = "https".equalsIgnoreCase(url.getScheme());
        if (!tls && !"http".equalsIgnoreCase(url.getScheme()) || url.getHost() == null
                || url.getRawQuery() != null || url.getRawFragment() != null) {
            throw new IllegalStateException(key + ".url must be an http(s) base URL such as http://localhost:8081, not '"
                    + url + "'");
        }
        int port = url.getPort() != -1 ? url.getPort() : tls ? 443 : 80;
        String basePath = url.getRawPath() == null ? "" : url.getRawPath().replaceAll("/+$", "");
        return new ServiceRoute(name, prefix, url.getHost(), port, tls, basePath);
    }

    /** How errors and logs name the service: {@code personnel-service}. */
    public String serviceName() {
        return name + "-service";
    }

    /** Whether the path is under this prefix; {@code /api/personnel} does not serve {@code /api/personnelx}. */
    public boolean serves(String path) {
        return path.equals(prefix) || path.startsWith(prefix + "/");
    }

    public String url() {
        return (tls ? "https://" : "http://") + host + ":" + port + basePath;
    }
}
