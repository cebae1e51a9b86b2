package dev.lifeline.sim.sip;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A dialled SIP address as Twilio accepts it in {@code To} and {@code <Sip>}: {@code sip:[user@]host[:port][;params][?headers]}
 * under 255 characters (sip.md §1.6). Pure; {@link #parse} returns null for anything else.
 *
 * @param user      the user part, or null (Twilio's 32223 when dialling a registered domain)
 * @param host      lower-cased host
 * @param transport the {@code transport} parameter, or null
 */
public record SipAddress(String user, String host, String transport) {

    public static final int MAX_LENGTH = 255;
    private static final Pattern URI = Pattern.compile(
            "sips?:(?:([A-Za-z0-9\\-_.!~*'()&=+$,;?/%]+)@)?([A-Za-z0-9.\\-]+|\\[[0-9A-Fa-f:.]+])(?::(\\d{1,5}))?((?:;[^?;]*)*)(\\?.*)?");

    public static SipAddress parse(String text) {
        if (text == null || text.length() > MAX_LENGTH) {
            return null;
        }
        Matcher matcher = URI.matcher(text.trim());
        if (!matcher.matches()) {
            return null;
        }
        if (matcher.group(3) != null && Integer.parseInt(matcher.group(3)) > 65535) {
            return null;
        }
        String transport = null;
        String params = matcher.group(4);
        if (params != null) {
            for (String param : params.split(";")) {
                if (param.toLowerCase(Locale.ROOT).startsWith("transport=")) {
                    transport = param.substring("transport=".length()).toLowerCase(Locale.ROOT);
                }
            }
        }
        String user = matcher.group(1);
        if (user != null && user.indexOf(';') >= 0) {
            user = user.substring(0, user.indexOf(';')); // user parameters (";phone-context") are not part of the name
        }
        return new SipAddress(user == null || user.isEmpty() ? null : user, matcher.group(2).toLowerCase(Locale.ROOT), transport);
    }
}
