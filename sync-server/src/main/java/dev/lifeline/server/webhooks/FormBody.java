package dev.lifeline.server.webhooks;

import dev.lifeline.model.problem.Problem;
import dev.lifeline.server.http.ApiProblem;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads a Twilio callback's {@code application/x-www-form-urlencoded} body into its parameters: the first value of
 * each name (Twilio sends each once, and the first is the one a signature covers), {@code +} as a space, {@code %HH}
 * as a byte, the bytes as UTF-8 (Twilio's encoding; a malformed sequence becomes U+FFFD, as {@code URLDecoder} does).
 * A pair whose escape is malformed ({@code %} without two hex digits) is left out, as Javalin's parser did, so such a
 * request fails its signature check.
 *
 * <p>Javalin's {@code formParamMap()} did the same through an 8 KB read buffer, a copy into a string, splits, a list
 * per name and {@code URLDecoder}: 44 % of the bytes a conference callback allocated ({@code bench/run.sh webhooks},
 * JFR). Here the body is read into one array of its declared length and decoded in place.
 */
public final class FormBody {

    private FormBody() {
    }

    /**
     * The request's form parameters. The body is read here, so nothing after this may read it again.
     *
     * @param maxBytes a body longer than this is refused with 413 (the HTTP layer refuses most before this runs)
     */
    public static Map<String, String> read(Context ctx, int maxBytes) {
        long declared = ctx.req().getContentLengthLong();
        if (declared > maxBytes) {
            throw tooLarge(maxBytes);
        }
        try (InputStream in = ctx.req().getInputStream()) {
            byte[] body = declared >= 0 ? in.readNBytes((int) declared) : in.readNBytes(maxBytes + 1);
            if (body.length > maxBytes) {
                throw tooLarge(maxBytes);
            }
            return decode(body);
        } catch (IOException e) {
            throw new UncheckedIOException("reading a form body", e);
        }
    }

    /** The parameters of a form-encoded body; see the class comment for the rules. */
    public static Map<String, String> decode(byte[] body) {
        Map<String, String> form = new HashMap<>();
        int start = 0;
        while (start < body.length) {
            int end = indexOf(body, (byte) '&', start, body.length);
            if (end > start) {
                int equals = indexOf(body, (byte) '=', start, end);
                String name = decodeComponent(body, start, equals);
                String value = equals == end ? "" : decodeComponent(body, equals + 1, end);
                if (name != null && value != null) {
                    form.putIfAbsent(name, value);
                }
            }
            start = end + 1;
        }
        return form;
    }

    /** @return the position of {@code wanted} in {@code [from, to)}, else {@code to} */
    private static int indexOf(byte[] bytes, byte wanted, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] == wanted) {
                return i;
            }
        }
        return to;
    }

    /** @return the decoded text of {@code [from, to)}, or null when an escape is malformed */
    private static String decodeComponent(byte[] bytes, int from, int to) {
        int firstEncoded = from;
        while (firstEncoded < to && bytes[firstEncoded] != '%' && bytes[firstEncoded] != '+') {
            firstEncoded++;
        }
        if (firstEncoded == to) {
            return new String(bytes, from, to - from, StandardCharsets.UTF_8);
        }
        byte[] decoded = new byte[to - from];
        int length = firstEncoded - from;
        System.arraycopy(bytes, from, decoded, 0, length);
        for (int i = firstEncoded; i < to; i++) {
            byte b = bytes[i];
            if (b == '+') {
                decoded[length++] = ' ';
            } else if (b == '%') {
                int high = i + 2 < to ? Character.digit(bytes[i + 1], 16) : -1;
                int low = high < 0 ? -1 : Character.digit(bytes[i + 2], 16);
                if (low < 0) {
                    return null;
                }
                decoded[length++] = (byte) (high << 4 | low);
                i += 2;
            } else {
                decoded[length++] = b;
            }
        }
        return new String(decoded, 0, length, StandardCharsets.UTF_8);
    }

    private static ApiProblem tooLarge(int maxBytes) {
        return new ApiProblem(new Problem(Problem.ABOUT_BLANK, "Payload too large", 413,
                "The request body is larger than " + maxBytes + " bytes", null, null));
    }
}
