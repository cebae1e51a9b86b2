package dev.lifeline.server.twilio;

import com.twilio.security.RequestValidator;
import java.net.URISyntaxException;
import java.util.Map;

/**
 * Checks {@code X-Twilio-Signature} as twilio-java's own {@link RequestValidator} does. Twilio signs the URL it
 * was configured to call, so the URL is rebuilt from the configured public base URL plus the request's path
 * and query — never from the Host header, which a TLS-terminating proxy rewrites.
 */
public final class TwilioSignatureVerifier {

    private final RequestValidator validator;
    private final FormSignatures forms;
    private final String publicBaseUrl;

    public TwilioSignatureVerifier(String authToken, String publicBaseUrl) {
        this.validator = new RequestValidator(authToken);
        this.forms = new FormSignatures(authToken);
        this.publicBaseUrl = publicBaseUrl.endsWith("/") ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1) : publicBaseUrl;
    }

    /** The URL Twilio signed for a request that reached us at {@code path} with the raw query string. */
    public String publicUrl(String path, String rawQuery) {
        return publicBaseUrl + path + (rawQuery == null || rawQuery.isEmpty() ? "" : "?" + rawQuery);
    }

    /**
     * Form-encoded callbacks: URL plus every POST parameter, sorted. Computed by {@link FormSignatures} (the same
     * algorithm as {@link RequestValidator}, proven alike by its test) because this runs on every conference callback.
     */
    public boolean validForm(String path, String rawQuery, Map<String, String> params, String signature) {
        return signature != null && forms.valid(publicUrl(path, rawQuery), params, signature);
    }

    /** JSON callbacks (Event Streams): URL with {@code bodySHA256}, and the body must hash to it. */
    public boolean validJson(String path, String rawQuery, String body, String signature) {
        if (signature == null || rawQuery == null || !rawQuery.contains("bodySHA256=")) {
            return false;
        }
        try {
            return validator.validate(publicUrl(path, rawQuery), body, signature);
        } catch (URISyntaxException | IllegalArgumentException e) {
            return false;
        }
    }
}
