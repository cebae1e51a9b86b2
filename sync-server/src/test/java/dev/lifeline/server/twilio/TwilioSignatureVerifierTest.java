package dev.lifeline.server.twilio;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lifeline.sim.webhook.WebhookSigner;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The emulator's signing and the server's checking must agree, and tampering must not pass. */
class TwilioSignatureVerifierTest {

    private static final String TOKEN = "sim-auth-token-0000000000000000000";
    private final WebhookSigner twilio = new WebhookSigner(TOKEN);
    private final TwilioSignatureVerifier verifier = new TwilioSignatureVerifier(TOKEN, "https://lifeline.example.com");

    @Test
    void aFormCallbackSignedForThePublicUrlIsAccepted() {
        Map<String, String> params = Map.of("ConferenceSid", "CF1", "StatusCallbackEvent", "participant-leave", "Hold", "false");
        String signature = twilio.signForm("https://lifeline.example.com/webhooks/conference", params);

        assertThat(verifier.validForm("/webhooks/conference", null, params, signature)).isTrue();
    }

    @Test
    void aTamperedFormParameterIsRefused() {
        Map<String, String> params = Map.of("ConferenceSid", "CF1", "Hold", "false");
        String signature = twilio.signForm("https://lifeline.example.com/webhooks/conference", params);

        assertThat(verifier.validForm("/webhooks/conference", null, Map.of("ConferenceSid", "CF1", "Hold", "true"), signature))
                .isFalse();
    }

    @Test
    void aSignatureForAnotherHostIsRefused() {
        Map<String, String> params = Map.of("ConferenceSid", "CF1");
        String signature = twilio.signForm("https://evil.example.com/webhooks/conference", params);

        assertThat(verifier.validForm("/webhooks/conference", null, params, signature)).isFalse();
    }

    @Test
    void aJsonDeliveryWithMatchingBodyHashIsAccepted() {
        String body = "[{\"id\":\"EV1\",\"type\":\"com.twilio.taskrouter.task.canceled\"}]";
        String url = WebhookSigner.urlWithBodyHash("https://lifeline.example.com/webhooks/taskrouter", body);
        String query = url.substring(url.indexOf('?') + 1);

        assertThat(verifier.validJson("/webhooks/taskrouter", query, body, twilio.signUrl(url))).isTrue();
    }

    @Test
    void aJsonDeliveryWithATamperedBodyIsRefused() {
        String body = "[{\"id\":\"EV1\"}]";
        String url = WebhookSigner.urlWithBodyHash("https://lifeline.example.com/webhooks/taskrouter", body);
        String query = url.substring(url.indexOf('?') + 1);

        assertThat(verifier.validJson("/webhooks/taskrouter", query, "[{\"id\":\"EV2\"}]", twilio.signUrl(url))).isFalse();
    }

    @Test
    void aMissingSignatureIsRefused() {
        assertThat(verifier.validForm("/webhooks/conference", null, Map.of(), null)).isFalse();
        assertThat(verifier.validJson("/webhooks/taskrouter", null, "[]", null)).isFalse();
    }
}
