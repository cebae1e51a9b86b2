package dev.lifeline.server.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.lifeline.server.twilio.TwilioSignatureVerifier;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signature checking and URL reconstruction with hostile paths, queries, parameters, bodies and signatures: the
 * verifier only ever answers true or false (a 403 at worst, never a 500), a forged signature is refused, and the
 * signature Twilio computes for a form request (HMAC-SHA1 over the URL and the sorted parameters, twilio-api.md
 * §6) is accepted.
 *
 * <p>Input layout, so seeds stay readable: {@code path \n query \n signature \n body}; missing lines are absent
 * values ({@code null} query and signature).
 */
class SignatureVerifierFuzzTest {

    private static final String AUTH_TOKEN = "fuzz-auth-token-0123456789abcdef";
    private static final String BASE_URL = "https://lifeline.example.com";
    private static final TwilioSignatureVerifier VERIFIER = new TwilioSignatureVerifier(AUTH_TOKEN, BASE_URL + "/");

    /** Seeds: {@code SignatureVerifierFuzzTestInputs/requestsAreAcceptedOnlyWithTheirOwnSignature/}. */
    @FuzzTest(maxDuration = "60s")
    void requestsAreAcceptedOnlyWithTheirOwnSignature(byte[] input) {
        String[] lines = new String(input, StandardCharsets.UTF_8).split("\n", 4);
        String path = lines[0];
        String query = lines.length > 1 ? lines[1] : null;
        String signature = lines.length > 2 ? lines[2] : null;
        String body = lines.length > 3 ? lines[3] : "";
        Map<String, String> params = FormBodies.decode(body);

        String url = VERIFIER.publicUrl(path, query);
        assertThat(url).startsWith(BASE_URL + path);
        String genuine = twilioSignature(url, params);

        boolean formAccepted = VERIFIER.validForm(path, query, params, signature);
        boolean jsonAccepted = VERIFIER.validJson(path, query, body, signature);

        if (formAccepted) {
            assertThat(signature).as("only the genuine signature opens the form webhook").isEqualTo(genuine);
        }
        if (jsonAccepted) {
            assertThat(query).as("a JSON webhook is only accepted with bodySHA256").contains("bodySHA256=");
        }
        assertThat(VERIFIER.validForm(path, query, params, genuine)).as("genuine signature of " + url).isTrue();
        Map<String, String> tampered = new TreeMap<>(params);
        tampered.merge("StatusCallbackEvent", "x", String::concat);
        assertThat(VERIFIER.validForm(path, query, tampered, genuine)).as("tampered parameters").isFalse();
        assertThat(VERIFIER.validForm(path, query, params, null)).isFalse();
        assertThat(VERIFIER.validJson(path, query, body, null)).isFalse();
    }

    private static String twilioSignature(String url, Map<String, String> params) {
        StringBuilder data = new StringBuilder(url);
        new TreeMap<>(params).forEach((name, value) -> data.append(name).append(value == null ? "" : value));
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(AUTH_TOKEN.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
