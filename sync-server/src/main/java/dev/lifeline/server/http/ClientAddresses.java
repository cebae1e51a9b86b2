package dev.lifeline.server.http;

import dev.lifeline.server.config.AddressRange;
import io.javalin.http.Context;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Who is really calling. Behind a TLS proxy every request comes from the proxy, so per-address limits would lump
 * every desktop together; but a forwarding header is only a claim, which anyone can send. So: the TCP peer is the
 * client, unless the peer is one of the configured trusted proxies ({@code http.trusted-proxies}); then the
 * {@code Forwarded} (RFC 7239) or else {@code X-Forwarded-For} chain is read from the right, skipping trusted
 * proxies, and the first address that is not one of them is the client. Everything left of it was written by the
 * client and is ignored. Installed as Javalin's {@code ctx.ip()}.
 */
public final class ClientAddresses {

    private final List<AddressRange> trustedProxies;

    public ClientAddresses(List<AddressRange> trustedProxies) {
        this.trustedProxies = List.copyOf(trustedProxies);
    }

    public String of(Context ctx) {
        return resolve(ctx.req().getRemoteAddr(), joined(ctx, "Forwarded"), joined(ctx, "X-Forwarded-For"));
    }

    /**
     * @param peer          the TCP peer's address
     * @param forwarded     every {@code Forwarded} header value joined with commas, or null
     * @param xForwardedFor every {@code X-Forwarded-For} header value joined with commas, or null
     */
    public String resolve(String peer, String forwarded, String xForwardedFor) {
        Optional<InetAddress> peerAddress = AddressRange.literal(peer);
        if (peerAddress.isEmpty() || !isTrusted(peerAddress.get())) {
            return peerAddress.map(InetAddress::getHostAddress).orElse(peer);
        }
        List<String> hops = forwarded != null ? forwardedFor(forwarded) : xForwardedFor != null ? split(xForwardedFor) : List.of();
        InetAddress client = peerAddress.get();
        for (int i = hops.size() - 1; i >= 0; i--) {
            Optional<InetAddress> hop = AddressRange.literal(withoutPort(hops.get(i)));
            if (hop.isEmpty()) {
                break; // "unknown" or an obfuscated name: the last trusted hop is as close as we can get
            }
            client = hop.get();
            if (!isTrusted(client)) {
                break;
            }
        }
        return client.getHostAddress();
    }

    private boolean isTrusted(InetAddress address) {
        return trustedProxies.stream().anyMatch(range -> range.contains(address));
    }

    private static String joined(Context ctx, String header) {
        List<String> values = Collections.list(ctx.req().getHeaders(header));
        return values.isEmpty() ? null : String.join(",", values);
    }

    private static List<String> split(String list) {
        List<String> items = new ArrayList<>();
        for (String item : list.split(",")) {
            items.add(item.trim());
        }
        return items;
    }

    /** The {@code for=} node of each element of a {@code Forwarded} header, quotes removed. */
    private static List<String> forwardedFor(String header) {
        List<String> nodes = new ArrayList<>();
        for (String element : header.split(",")) {
            String node = "";
            for (String pair : element.split(";")) {
                int equals = pair.indexOf('=');
                if (equals > 0 && pair.substring(0, equals).trim().toLowerCase(Locale.ROOT).equals("for")) {
                    node = pair.substring(equals + 1).trim().replace("\"", "");
                }
            }
            nodes.add(node);
        }
        return nodes;
    }

    /** {@code 192.0.2.4:4711} → {@code 192.0.2.4}; {@code [2001:db8::1]:4711} → {@code 2001:db8::1}; a bare IPv6 stays. */
    private static String withoutPort(String node) {
        if (node.startsWith("[")) {
            int close = node.indexOf(']');
            return close < 0 ? node : node.substring(1, close);
        }
        int colon = node.indexOf(':');
        return colon >= 0 && colon == node.lastIndexOf(':') ? node.substring(0, colon) : node;
    }
}
