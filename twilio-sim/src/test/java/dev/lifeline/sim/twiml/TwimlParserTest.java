package dev.lifeline.sim.twiml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TwimlParserTest {

    @Test
    void theOriginalSolutionsReEnqueueTwimlParsesIntoAnEnqueueWithTaskPriorityAndAttributes() {
        List<TwimlVerb> verbs = TwimlParser.parse("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response>"
                + "<Enqueue workflowSid=\"WW0123\"><Task priority=\"1000\" timeout=\"60\">"
                + "{\"targetWorkerSid\":\"WK1\",\"isReconnect\":true}</Task></Enqueue></Response>");

        assertThat(verbs).containsExactly(new TwimlVerb.Enqueue("WW0123",
                "{\"targetWorkerSid\":\"WK1\",\"isReconnect\":true}", 1000, 60));
    }

    @Test
    void dialConferenceKeepsEveryAttributeAndSplitsTheEventList() {
        TwimlVerb verb = TwimlParser.parse("<Response><Dial><Conference participantLabel=\"customer\" "
                + "endConferenceOnExit=\"true\" startConferenceOnEnter=\"false\" muted=\"true\" beep=\"onEnter\" "
                + "statusCallback=\"https://x.example/cb\" statusCallbackEvent=\"start end  leave\" "
                + "waitUrl=\"https://x.example/wait\">CF-room</Conference></Dial></Response>").get(0);

        TwimlVerb.ConferenceJoin join = ((TwimlVerb.DialConference) verb).conference();
        assertThat(join.name()).isEqualTo("CF-room");
        assertThat(join.participantLabel()).isEqualTo("customer");
        assertThat(join.endConferenceOnExit()).isTrue();
        assertThat(join.startConferenceOnEnter()).isFalse();
        assertThat(join.muted()).isTrue();
        assertThat(join.beep()).isEqualTo("onEnter");
        assertThat(join.statusCallbackEvents()).containsExactly("start", "end", "leave");
        assertThat(join.coach()).isNull();
    }

    @Test
    void dialSipTakesTheUriAndTheDialTimeoutWithTwiliosDefaultOfThirtySeconds() {
        assertThat(TwimlParser.parse("<Response><Dial><Sip> sip:alice@lifeline.sip.twilio.com </Sip></Dial></Response>"))
                .containsExactly(new TwimlVerb.DialSip("sip:alice@lifeline.sip.twilio.com", 30));
        assertThat(TwimlParser.parse("<Response><Dial timeout=\"12\"><Sip>sip:a@b.sip.twilio.com</Sip></Dial></Response>"))
                .containsExactly(new TwimlVerb.DialSip("sip:a@b.sip.twilio.com", 12));
        assertThatThrownBy(() -> TwimlParser.parse("<Response><Dial><Sip>tel:+1555</Sip></Dial></Response>"))
                .hasMessageContaining("sip: URI");
    }

    @Test
    void playSayPauseAndHangupParseWithTheirDefaults() {
        assertThat(TwimlParser.parse("<Response><Play loop=\"0\">https://x.example/music.mp3</Play>"
                + "<Say>Please hold</Say><Pause/><Pause length=\"4\"/><Hangup/></Response>"))
                .containsExactly(new TwimlVerb.Play("https://x.example/music.mp3", 0), new TwimlVerb.Say("Please hold", 1),
                        new TwimlVerb.Pause(1), new TwimlVerb.Pause(4), new TwimlVerb.Hangup());
    }

    @Test
    void malformedUnknownOrHostileTwimlIsRejectedWithAMessageThatSaysWhy() {
        assertThatThrownBy(() -> TwimlParser.parse("<Response><Dial>")).hasMessageContaining("well-formed");
        assertThatThrownBy(() -> TwimlParser.parse("<Response><Record/></Response>")).hasMessageContaining("<Record>");
        assertThatThrownBy(() -> TwimlParser.parse("<Say>hi</Say>")).hasMessageContaining("<Response>");
        assertThatThrownBy(() -> TwimlParser.parse("<Response><Pause length=\"soon\"/></Response>"))
                .hasMessageContaining("length");
        assertThatThrownBy(() -> TwimlParser.parse("<Response><Dial><Number>+1555</Number></Dial></Response>"))
                .hasMessageContaining("<Conference>");
        assertThatThrownBy(() -> TwimlParser.parse("<!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<Response><Say>&x;</Say></Response>")).isInstanceOf(TwimlException.class);
        assertThatThrownBy(() -> TwimlParser.parse("<Response><Enqueue/></Response>"))
                .hasMessageContaining("workflowSid attribute or a queue name");
    }
}
