package dev.lifeline.server.twilio;

import static org.assertj.core.api.Assertions.assertThat;

import com.twilio.security.RequestValidator;
import dev.lifeline.sim.webhook.WebhookSigner;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Our form signature check must accept and refuse exactly what twilio-java's {@link RequestValidator} does: it
 * replaced it on the webhook path for speed only.
 */
class FormSignaturesTest {

    private static final String TOKEN = "sim-auth-token-0000000000000000000";
    private static final List<String> URLS = List.of(
            "https://lifeline.example.com/webhooks/conference",
            "https://lifeline.example.com:443/webhooks/conference",
            "http://lifeline.example.com/webhooks/conference",
            "http://127.0.0.1:32080/webhooks/conference",
            "https://lifeline.example.com:8443/webhooks/conference?tenant=a%20b&x=1",
            "https://user@lifeline.example.com/webhooks/conference#rc=2",
            "not a url at all");

    private final RequestValidator twilio = new RequestValidator(TOKEN);
    private final FormSignatures ours = new FormSignatures(TOKEN);

    @Test
    void acceptsAndRefusesExactlyWhatTwilioJavaDoes() {
        Map<String, String> params = callback("participant-leave");
        for (String signedUrl : URLS) {
            for (String receivedUrl : URLS) {
                String signature = ours.sign(signedUrl, params);
                assertThat(ours.valid(receivedUrl, params, signature))
                        .as("signed for %s, received at %s", signedUrl, receivedUrl)
                        .isEqualTo(twilio.validate(receivedUrl, params, signature));
            }
        }
    }

    @Test
    void signsAsTwilioJavaValidates() {
        Map<String, String> params = callback("participant-join");
        params.put("Empty", "");
        params.put("Unicode", "Zoë – ☎");
        for (String url : URLS) {
            assertThat(twilio.validate(url, params, ours.sign(url, params))).as(url).isTrue();
        }
    }

    @Test
    void aTamperedParameterOrSignatureIsRefused() {
        String url = URLS.get(0);
        Map<String, String> params = callback("participant-hold");
        String signature = ours.sign(url, params);
        Map<String, String> tampered = new LinkedHashMap<>(params);
        tampered.put("Hold", "false");

        assertThat(ours.valid(url, tampered, signature)).isFalse();
        assertThat(ours.valid(url, params, signature.substring(1))).isFalse();
        assertThat(ours.valid(url, params, new FormSignatures("another-token").sign(url, params))).isFalse();
    }

    /** Each thread has its own Mac: concurrent checks must not garble each other's HMAC. */
    @Test
    void concurrentChecksAllAgree() throws Exception {
        WebhookSigner emulator = new WebhookSigner(TOKEN);
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Boolean>> checks = new ArrayList<>();
            for (int i = 0; i < 2_000; i++) {
                String url = URLS.get(i % 4);
                Map<String, String> params = callback("participant-" + i);
                String signature = emulator.signForm(url, params);
                checks.add(() -> ours.valid(url, params, signature));
            }
            for (Future<Boolean> check : threads.invokeAll(checks)) {
                assertThat(check.get()).isTrue();
            }
        } finally {
            threads.shutdownNow();
        }
    }

    private static Map<String, String> callback(String event) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("ConferenceSid", "CF0123456789abcdef0123456789abcdef");
        params.put("StatusCallbackEvent", event);
        params.put("SequenceNumber", "3");
        params.put("CallSid", "CA0123456789abcdef0123456789abcdef");
        params.put("Hold", "true");
        return params;
    }
}
