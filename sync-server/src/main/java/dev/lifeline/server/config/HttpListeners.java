package dev.lifeline.server.config;

import dev.lifeline.server.config.ServerConfig.HttpSettings;
import dev.lifeline.server.config.ServerConfig.Mode;

/**
 * Where the two HTTP listeners bind, and the transport rules of twilio mode. The server itself speaks plain HTTP:
 * TLS is a proxy's job (issue 22 #5). So in twilio mode the address Twilio and the desktops use must be
 * {@code https://}, and the plain listener must not be reachable from the network unless the operator states that
 * only the TLS proxy reaches it. Both listeners bind to loopback by default; sim mode (demo users, open
 * {@code /demo} routes, a public webhook token) leaves loopback only when {@code http.host} says so.
 */
final class HttpListeners {

    static final String LOOPBACK = "127.0.0.1";

    private HttpListeners() {
    }

    static HttpSettings of(ConfigSource source, Mode mode, int httpPort, String publicBaseUrl) {
        String host = bindAddress(source, "http.host");
        boolean behindProxy = source.flag("http.tls-terminated-by-proxy", false);
        String managementHost = bindAddress(source, "management.host");
        // Next to the public port (8081 by default); a free one when the public port is free too, so servers started
        // side by side (tests) never collide.
        int managementPort = source.integer("management.port", httpPort == 0 || httpPort == 65_535 ? 0 : httpPort + 1,
                0, 65_535);
        if (managementPort != 0 && managementPort == httpPort) {
            throw source.problem("management.port", "must differ from http.port (" + httpPort + ")");
        }
        if (mode == Mode.TWILIO) {
            requireTls(source, host, behindProxy, publicBaseUrl);
        }
        return new HttpSettings(host, behindProxy, managementHost, managementPort);
    }

    private static void requireTls(ConfigSource source, String host, boolean behindProxy, String publicBaseUrl) {
        boolean plainUrl = publicBaseUrl.startsWith("http://");
        if (plainUrl && !LocalAddress.isLoopbackHost(LocalAddress.hostOf(publicBaseUrl))) {
            throw source.problem("public-base-url", "must be https:// in twilio mode, got '" + publicBaseUrl
                    + "': Twilio's webhooks and the desktops' passwords would cross the network in plain text; "
                    + "terminate TLS in a proxy and give its https:// address");
        }
        if (behindProxy && plainUrl) {
            throw source.problem("http.tls-terminated-by-proxy", "says a proxy terminates TLS, but public-base-url is '"
                    + publicBaseUrl + "': give the proxy's https:// address");
        }
        if (!LocalAddress.isLoopbackHost(host) && !behindProxy) {
            throw source.problem("http.host", "is " + host + ", which serves plain HTTP to the network in twilio mode: "
                    + "keep 127.0.0.1 with the TLS proxy on this host, or set http.tls-terminated-by-proxy=true when "
                    + "only the proxy can reach this address");
        }
    }

    private static String bindAddress(ConfigSource source, String key) {
        String address = source.string(key, LOOPBACK);
        if (!LocalAddress.isWildcard(address) && !LocalAddress.isAssignedHere(address)) {
            throw source.problem(key, "must be an IP address of this machine (or 0.0.0.0 for every interface), got '"
                    + address + "'");
        }
        return address;
    }
}
