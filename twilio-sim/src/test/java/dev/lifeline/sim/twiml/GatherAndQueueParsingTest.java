package dev.lifeline.sim.twiml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code <Gather>}, {@code <Redirect>}, {@code <Leave>} and {@code <Enqueue>}'s attributes, and their refusals. */
class GatherAndQueueParsingTest {

    private static TwimlVerb one(String inner) {
        List<TwimlVerb> verbs = TwimlParser.parse("<Response>" + inner + "</Response>");
        assertThat(verbs).hasSize(1);
        return verbs.get(0);
    }

    @Test
    void aBareGatherTakesTwiliosDefaults() {
        assertThat(one("<Gather/>")).isEqualTo(new TwimlVerb.Gather(null, "POST", 5, "#", null, false, List.of()));
    }

    @Test
    void everyGatherAttributeAndTheNestedPromptsAreKept() {
        TwimlVerb.Gather gather = (TwimlVerb.Gather) one("<Gather input=\"dtmf\" action=\"/menu\" method=\"get\" "
                + "timeout=\"3\" finishOnKey=\"*\" numDigits=\"1\" actionOnEmptyResult=\"true\" language=\"fr-FR\">"
                + "<Say>Press 1 for sales</Say><Pause length=\"2\"/><Play loop=\"2\">https://x.example/menu.wav</Play>"
                + "</Gather>");

        assertThat(gather).isEqualTo(new TwimlVerb.Gather("/menu", "GET", 3, "*", 1, true, List.of(
                new TwimlVerb.Say("Press 1 for sales", 1), new TwimlVerb.Pause(2),
                new TwimlVerb.Play("https://x.example/menu.wav", 2))));
        assertThat(((TwimlVerb.Gather) one("<Gather finishOnKey=\"\"/>")).finishOnKey()).isEmpty();
    }

    @Test
    void speechInputIsRefusedWithAMessageSayingItIsNotEmulated() {
        assertThatThrownBy(() -> one("<Gather input=\"speech\"/>")).isInstanceOf(TwimlException.class)
                .hasMessageContaining("speech recognition is not emulated");
        assertThatThrownBy(() -> one("<Gather input=\"dtmf speech\"/>")).hasMessageContaining("speech recognition");
        assertThatThrownBy(() -> one("<Gather input=\"voice\"/>")).hasMessageContaining("input must be dtmf, speech");
    }

    @Test
    void badGatherAttributesAreRefusedNamingTheAttribute() {
        assertThatThrownBy(() -> one("<Gather finishOnKey=\"##\"/>")).hasMessageContaining("finishOnKey must be one of");
        assertThatThrownBy(() -> one("<Gather finishOnKey=\"x\"/>")).hasMessageContaining("finishOnKey");
        assertThatThrownBy(() -> one("<Gather timeout=\"0\"/>")).hasMessageContaining("timeout must be between 1");
        assertThatThrownBy(() -> one("<Gather timeout=\"soon\"/>")).hasMessageContaining("timeout must be a whole number");
        assertThatThrownBy(() -> one("<Gather numDigits=\"0\"/>")).hasMessageContaining("numDigits");
        assertThatThrownBy(() -> one("<Gather method=\"PUT\"/>")).hasMessageContaining("method must be GET or POST");
        assertThatThrownBy(() -> one("<Gather action=\"ftp://x.example/a\"/>")).hasMessageContaining("action must be an http(s) URL");
        assertThatThrownBy(() -> one("<Gather actionOnEmptyResult=\"yes\"/>")).hasMessageContaining("true or false");
        assertThatThrownBy(() -> one("<Gather><Dial><Conference>x</Conference></Dial></Gather>"))
                .hasMessageContaining("<Gather> may nest only <Say>, <Play> and <Pause>, got <Dial>");
    }

    @Test
    void redirectTakesItsUrlAndMethodAndLeaveHasNoAttributes() {
        assertThat(one("<Redirect> https://x.example/next </Redirect>"))
                .isEqualTo(new TwimlVerb.Redirect("https://x.example/next", "POST"));
        assertThat(one("<Redirect method=\"GET\">/relative?x=1</Redirect>"))
                .isEqualTo(new TwimlVerb.Redirect("/relative?x=1", "GET"));
        assertThat(one("<Leave/>")).isEqualTo(new TwimlVerb.Leave());
        assertThatThrownBy(() -> one("<Redirect/>")).hasMessageContaining("<Redirect> needs a URL");
        assertThatThrownBy(() -> one("<Redirect method=\"DELETE\">/x</Redirect>")).hasMessageContaining("GET or POST");
    }

    @Test
    void enqueueKeepsActionMethodWaitUrlAndWaitUrlMethodByWorkflowOrByName() {
        assertThat(one("<Enqueue workflowSid=\"WW1\" action=\"/after\" method=\"GET\" waitUrl=\"https://x.example/wait\" "
                + "waitUrlMethod=\"GET\"><Task priority=\"5\">{\"skill\":\"fr\"}</Task></Enqueue>"))
                .isEqualTo(new TwimlVerb.Enqueue("WW1", null, "{\"skill\":\"fr\"}", 5, null, "/after", "GET",
                        "https://x.example/wait", "GET"));
        assertThat(one("<Enqueue waitUrl=\"\"> support </Enqueue>"))
                .isEqualTo(new TwimlVerb.Enqueue(null, "support", "{}", null, null, null, "POST", "", "POST"));
    }

    @Test
    void badEnqueuesAreRefused() {
        assertThatThrownBy(() -> one("<Enqueue>" + "q".repeat(65) + "</Enqueue>")).hasMessageContaining("64 characters");
        assertThatThrownBy(() -> one("<Enqueue>support<Task>{}</Task></Enqueue>")).hasMessageContaining("needs a workflowSid");
        assertThatThrownBy(() -> one("<Enqueue workflowSid=\"WW1\"><Say>hi</Say></Enqueue>"))
                .hasMessageContaining("may contain only <Task>");
        assertThatThrownBy(() -> one("<Enqueue workflowSid=\"WW1\" waitUrlMethod=\"PATCH\"/>"))
                .hasMessageContaining("waitUrlMethod must be GET or POST");
    }

    @Test
    void relativeUrlsResolveAgainstTheDocumentAndNeedOne() {
        assertThat(TwimlUrls.resolve("https://lifeline.example/voice/incoming", "menu?step=2"))
                .isEqualTo("https://lifeline.example/voice/menu?step=2");
        assertThat(TwimlUrls.resolve("https://lifeline.example/voice/incoming", "/wait"))
                .isEqualTo("https://lifeline.example/wait");
        assertThat(TwimlUrls.resolve(null, "https://x.example/a")).isEqualTo("https://x.example/a");
        assertThatThrownBy(() -> TwimlUrls.resolve(null, "/wait")).hasMessageContaining("use an absolute URL");
    }
}
