package dev.lifeline.sim.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.lifeline.sim.twiml.TwimlException;
import dev.lifeline.sim.twiml.TwimlParser;
import dev.lifeline.sim.twiml.TwimlUrls;
import dev.lifeline.sim.twiml.TwimlVerb;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * TwiML is what webhooks answer (a voice URL, a {@code <Gather>} action, a waitUrl): untrusted text. The parser and the
 * URL resolution either give verbs or refuse with a {@link TwimlException}, never anything else.
 */
class TwimlParserFuzzTest {

    /** Seeds: {@code TwimlParserFuzzTestInputs/twimlParsesOrIsRefusedWithATwimlException/}. */
    @FuzzTest(maxDuration = "60s")
    void twimlParsesOrIsRefusedWithATwimlException(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        List<TwimlVerb> verbs;
        try {
            verbs = TwimlParser.parse(text);
        } catch (TwimlException refused) {
            assertThat(refused.getMessage()).isNotBlank();
            return;
        }
        for (TwimlVerb verb : verbs) {
            if (verb instanceof TwimlVerb.Gather gather) {
                assertThat(gather.timeoutSeconds()).isPositive();
                assertThat(gather.finishOnKey()).hasSizeLessThanOrEqualTo(1);
                resolves(gather.action());
            } else if (verb instanceof TwimlVerb.Redirect redirect) {
                resolves(redirect.url());
            } else if (verb instanceof TwimlVerb.Enqueue enqueue) {
                assertThat(enqueue.workflowSid() != null || enqueue.queueName() != null).isTrue();
                resolves(enqueue.action());
            }
        }
    }

    private static void resolves(String url) {
        if (url == null) {
            return;
        }
        try {
            assertThat(TwimlUrls.resolve("https://lifeline.example/voice/incoming", url)).isNotBlank();
        } catch (TwimlException refused) {
            assertThat(refused.getMessage()).isNotBlank();
        }
    }
}
