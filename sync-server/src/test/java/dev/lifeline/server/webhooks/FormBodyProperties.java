package dev.lifeline.server.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * {@link FormBody} against the JDK's own encoder: any parameters a client encodes (Twilio's SDKs encode as
 * {@code URLEncoder} does: UTF-8, {@code +} for a space) come back exactly, and the edges of the format are pinned.
 */
class FormBodyProperties {

    @Provide
    Arbitrary<Map<String, String>> forms() {
        // Any text, including '&', '=', '+', '%', control characters and characters of two, three and four UTF-8 bytes.
        Arbitrary<String> text = Arbitraries.strings().withChars("a=&+% Z\u20ac").withCharRange('\u0000', '\u00ff')
                .ofMaxLength(8).flatMap(plain -> Arbitraries.of("", "\uD83D\uDE00").map(emoji -> plain + emoji));
        return Arbitraries.maps(text, text).ofMaxSize(12);
    }

    @Property
    void whatAClientEncodesComesBackExactly(@ForAll("forms") Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));

        assertThat(FormBody.decode(body.getBytes(StandardCharsets.US_ASCII))).isEqualTo(form);
    }

    @Test
    void aRepeatedNameKeepsItsFirstValueTheOneTwilioSigned() {
        assertThat(decode("Hold=true&Hold=false")).containsExactly(Map.entry("Hold", "true"));
    }

    @Test
    void aNameWithoutEqualsHasAnEmptyValueAndEmptyPairsAreIgnored() {
        assertThat(decode("&&Muted&Hold=&Label=a=b&")).isEqualTo(expected("Muted", "", "Hold", "", "Label", "a=b"));
    }

    @Test
    void plusIsASpaceAndAnEscapedPlusIsAPlus() {
        assertThat(decode("FriendlyName=Support+queue%2B1")).containsExactly(Map.entry("FriendlyName", "Support queue+1"));
    }

    @Test
    void escapesAreUtf8AndAMalformedSequenceBecomesTheReplacementCharacter() {
        assertThat(decode("Caller=Jos%C3%A9+%E2%82%AC&Bad=%FF")).isEqualTo(expected("Caller", "José €", "Bad", "\uFFFD"));
    }

    @Test
    void aPairWithAMalformedEscapeIsLeftOutAndTheRestIsKept() {
        assertThat(decode("A=%zz&B=%4&C=%&%G1=x&D=ok%41")).isEqualTo(expected("D", "okA"));
    }

    private static Map<String, String> decode(String body) {
        return FormBody.decode(body.getBytes(StandardCharsets.US_ASCII));
    }

    private static Map<String, String> expected(String... namesAndValues) {
        Map<String, String> form = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            form.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return form;
    }
}
