package dev.lifeline.sim.sipdomain;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The host names a SIP Domain answers to (sip.md §1.2): the global {@code <name>.sip.twilio.com} and the edge forms
 * {@code <name>.sip.<edge>.twilio.com} used to register. Calls must dial the global name: an edge in a dialled URI is
 * Twilio's error 32220 ({@code us1}/{@code us1-ix} are tolerated, deprecated). Pure.
 */
public final class SipHostNames {

    public static final String SUFFIX = ".sip.twilio.com";
    /** Twilio's documented edge locations; each has an {@code -ix} (Interconnect) twin. {@code us1}/{@code us2} are legacy. */
    public static final Set<String> EDGES = Set.of("ashburn", "umatilla", "dublin", "frankfurt", "singapore", "tokyo",
            "sydney", "sao-paulo", "us1", "us2");
    private static final Pattern DOMAIN_NAME = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.sip\\.twilio\\.com");
    private static final Pattern HOST = Pattern.compile("([A-Za-z0-9-]+)\\.sip(?:\\.([a-z0-9-]+))?\\.twilio\\.com\\.?");

    private SipHostNames() {
    }

    /** Whether {@code domainName} is a valid SIP Domain name (letters, digits and '-', ending in sip.twilio.com). */
    public static boolean validDomainName(String domainName) {
        return domainName != null && DOMAIN_NAME.matcher(domainName).matches();
    }

    /**
     * The domain name ({@code lifeline.sip.twilio.com}) a host refers to, global or edge form, or null when the host is
     * not a Twilio SIP host or names an unknown edge.
     */
    public static Parsed parse(String host) {
        if (host == null) {
            return null;
        }
        Matcher matcher = HOST.matcher(host.toLowerCase(Locale.ROOT));
        if (!matcher.matches()) {
            return null;
        }
        String edge = matcher.group(2);
        if (edge != null && !EDGES.contains(edge.endsWith("-ix") ? edge.substring(0, edge.length() - 3) : edge)) {
            return null;
        }
        return new Parsed(matcher.group(1) + SUFFIX, edge);
    }

    /**
     * @param domainName the global name, lower case
     * @param edge       the edge named in the host, or null for the global form
     */
    public record Parsed(String domainName, String edge) {

        /** An edge that a dialled URI may not name (Twilio 32220); {@code us1}/{@code us1-ix} are tolerated. */
        public boolean edgeRefusedForDialling() {
            return edge != null && !edge.equals("us1") && !edge.equals("us1-ix");
        }
    }
}
