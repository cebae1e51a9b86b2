package dev.lifeline.server.config;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/** Addresses a listener may be bound to, and whether a host stays on this machine. */
final class LocalAddress {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private LocalAddress() {
    }

    static boolean isIpv4Literal(String text) {
        return IPV4.matcher(text).matches();
    }

    /** An IP literal assigned to one of this machine's interfaces (never a name, never the wildcard). */
    static boolean isAssignedHere(String literal) {
        if (!isIpv4Literal(literal) && !literal.contains(":")) {
            return false;
        }
        try {
            InetAddress parsed = InetAddress.getByName(literal);
            return !parsed.isAnyLocalAddress() && NetworkInterface.getByInetAddress(parsed) != null;
        } catch (UnknownHostException | SocketException e) {
            return false;
        }
    }

    static boolean isWildcard(String literal) {
        return literal.equals("0.0.0.0") || literal.equals("::") || literal.equals("[::]");
    }

    /** {@code localhost}, {@code 127.x.x.x} or {@code ::1}: reachable from this machine only. */
    static boolean isLoopbackHost(String host) {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        return bare.equalsIgnoreCase("localhost") || bare.startsWith("127.") || bare.equals("::1");
    }

    /** The host of an {@code http(s)://} URL, or "" when it has none. */
    static String hostOf(String url) {
        try {
            String host = URI.create(url).getHost();
            return host == null ? "" : host;
        } catch (IllegalArgumentException e) {
            return "";
        }
    }
}
