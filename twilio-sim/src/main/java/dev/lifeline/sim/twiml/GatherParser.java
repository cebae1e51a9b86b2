package dev.lifeline.sim.twiml;

import static dev.lifeline.sim.twiml.TwimlAttributes.attribute;
import static dev.lifeline.sim.twiml.TwimlAttributes.booleanAttribute;
import static dev.lifeline.sim.twiml.TwimlAttributes.children;
import static dev.lifeline.sim.twiml.TwimlAttributes.intAttribute;
import static dev.lifeline.sim.twiml.TwimlAttributes.invalid;
import static dev.lifeline.sim.twiml.TwimlAttributes.method;
import static dev.lifeline.sim.twiml.TwimlAttributes.optionalInt;
import static dev.lifeline.sim.twiml.TwimlAttributes.url;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.w3c.dom.Element;

/**
 * {@code <Gather>} as Twilio documents it (TwiML Voice: &lt;Gather&gt;): DTMF only. Speech recognition is refused with
 * a message saying so, rather than gathering nothing; speech-only attributes ({@code language}, {@code hints},
 * {@code speechTimeout}, {@code speechModel}…) mean nothing without it and are ignored.
 */
final class GatherParser {

    private static final int DEFAULT_TIMEOUT_SECONDS = 5;
    private static final Set<String> INPUTS = Set.of("dtmf", "speech");
    private static final String FINISH_KEYS = "0123456789#*";

    private GatherParser() {
    }

    static TwimlVerb.Gather gather(Element gather) {
        checkInput(gather);
        String finishOnKey = attribute(gather, "finishOnKey");
        if (finishOnKey == null) {
            finishOnKey = "#";
        } else if (finishOnKey.length() > 1 || !finishOnKey.isEmpty() && FINISH_KEYS.indexOf(finishOnKey.charAt(0)) < 0) {
            // Twilio warning 13310: "The value of the finishOnKey attribute must be one of the following characters"
            throw invalid(gather, "finishOnKey", finishOnKey, "must be one of 0-9, #, * or empty");
        }
        Boolean onEmpty = booleanAttribute(gather, "actionOnEmptyResult");
        return new TwimlVerb.Gather(
                url(gather, "action", false),
                method(gather, "method", "POST"),
                intAttribute(gather, "timeout", DEFAULT_TIMEOUT_SECONDS, 1, 86_400),
                finishOnKey,
                optionalInt(gather, "numDigits", 1, Integer.MAX_VALUE),
                Boolean.TRUE.equals(onEmpty),
                prompts(gather));
    }

    private static void checkInput(Element gather) {
        String input = attribute(gather, "input");
        if (input == null) {
            return;
        }
        String[] words = input.trim().toLowerCase(Locale.ROOT).split("\\s+");
        for (String word : words) {
            if (!INPUTS.contains(word)) {
                throw invalid(gather, "input", input, "must be dtmf, speech or \"dtmf speech\"");
            }
        }
        if (List.of(words).contains("speech")) {
            throw new TwimlException("<Gather input=\"" + input + "\">: speech recognition is not emulated; "
                    + "use input=\"dtmf\"");
        }
    }

    private static List<TwimlVerb> prompts(Element gather) {
        List<TwimlVerb> prompts = new ArrayList<>();
        for (Element child : children(gather)) {
            switch (child.getTagName()) {
                case "Say", "Play", "Pause" -> prompts.add(TwimlParser.prompt(child));
                default -> throw new TwimlException("<Gather> may nest only <Say>, <Play> and <Pause>, got <"
                        + child.getTagName() + ">");
            }
        }
        return prompts;
    }
}
