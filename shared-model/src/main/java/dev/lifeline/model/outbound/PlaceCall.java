package dev.lifeline.model.outbound;

import dev.lifeline.model.validation.Require;
import java.util.regex.Pattern;

/**
 * The body of {@code POST /api/me/calls}: the signed-in agent calls a number. Spaces, dashes, dots and brackets a
 * person types are dropped; what remains must be E.164 ({@code +}, a non-zero digit, at most 15 digits), the only
 * form Twilio's {@code To} takes for a phone number.
 *
 * @param to the number to call, e.g. {@code +15551230002}
 */
public record PlaceCall(String to) {

    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{1,14}");
    private static final Pattern TYPED_SEPARATORS = Pattern.compile("[\\s().\\-]");

    public PlaceCall {
        Require.text(to, "to");
        to = normalised(to);
        if (!isE164(to)) {
            throw new IllegalArgumentException("to: must be a phone number in E.164, like +15551230002");
        }
    }

    /** The number without the separators people type; not yet checked. */
    public static String normalised(String typed) {
        return typed == null ? null : TYPED_SEPARATORS.matcher(typed.strip()).replaceAll("");
    }

    /** True for {@code +} and 2 to 15 digits, the first not zero. */
    public static boolean isE164(String number) {
        return number != null && E164.matcher(number).matches();
    }
}
