package dev.lifeline.sim.twiml;

import static dev.lifeline.sim.twiml.TwimlAttributes.attribute;
import static dev.lifeline.sim.twiml.TwimlAttributes.booleanAttribute;
import static dev.lifeline.sim.twiml.TwimlAttributes.checkedUrl;
import static dev.lifeline.sim.twiml.TwimlAttributes.children;
import static dev.lifeline.sim.twiml.TwimlAttributes.intAttribute;
import static dev.lifeline.sim.twiml.TwimlAttributes.method;
import static dev.lifeline.sim.twiml.TwimlAttributes.optionalInt;
import static dev.lifeline.sim.twiml.TwimlAttributes.ownText;
import static dev.lifeline.sim.twiml.TwimlAttributes.text;
import static dev.lifeline.sim.twiml.TwimlAttributes.url;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * Parses the small TwiML subset the emulator runs. Uses the JDK parser with secure processing on and DTDs
 * off, so TwiML from a webhook response cannot pull in external entities.
 */
public final class TwimlParser {

    private static final int MAX_TWIML_CHARS = 64 * 1024; // Twilio's own TwiML limit is 64 KB
    private static final int MAX_QUEUE_NAME = 64; // <Enqueue>: "The queue name must be 64 characters or less"

    private TwimlParser() {
    }

    /** @throws TwimlException with a message that names what is wrong */
    public static List<TwimlVerb> parse(String twiml) {
        if (twiml == null || twiml.isBlank()) {
            throw new TwimlException("TwiML is empty");
        }
        if (twiml.length() > MAX_TWIML_CHARS) {
            throw new TwimlException("TwiML is longer than 64 KB");
        }
        Element response = parseDocument(twiml).getDocumentElement();
        if (!"Response".equals(response.getTagName())) {
            throw new TwimlException("TwiML root element must be <Response>, got <" + response.getTagName() + ">");
        }
        List<TwimlVerb> verbs = new ArrayList<>();
        for (Element verb : children(response)) {
            verbs.add(verb(verb));
        }
        return List.copyOf(verbs);
    }

    private static Document parseDocument(String twiml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null); // errors surface as exceptions, not stderr noise
            return builder.parse(new InputSource(new StringReader(twiml)));
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK XML parser lacks a standard feature", e);
        } catch (SAXException | java.io.IOException e) {
            throw new TwimlException("TwiML is not well-formed XML: " + e.getMessage(), e);
        }
    }

    private static TwimlVerb verb(Element verb) {
        return switch (verb.getTagName()) {
            case "Dial" -> dial(verb);
            case "Enqueue" -> enqueue(verb);
            case "Gather" -> GatherParser.gather(verb);
            case "Redirect" -> redirect(verb);
            case "Leave" -> new TwimlVerb.Leave();
            case "Play", "Say", "Pause" -> prompt(verb);
            case "Hangup" -> new TwimlVerb.Hangup();
            default -> throw new TwimlException("unsupported TwiML verb <" + verb.getTagName() + ">");
        };
    }

    /** {@code <Play>}, {@code <Say>} and {@code <Pause>}: verbs of their own, and what a {@code <Gather>} may nest. */
    static TwimlVerb prompt(Element verb) {
        return switch (verb.getTagName()) {
            case "Play" -> new TwimlVerb.Play(text(verb), intAttribute(verb, "loop", 1, 0, 1000));
            case "Say" -> new TwimlVerb.Say(text(verb), intAttribute(verb, "loop", 1, 0, 1000));
            case "Pause" -> new TwimlVerb.Pause(intAttribute(verb, "length", 1, 1, 600));
            default -> throw new IllegalArgumentException(verb.getTagName());
        };
    }

    private static TwimlVerb redirect(Element redirect) {
        String url = text(redirect);
        if (url.isEmpty()) {
            throw new TwimlException("<Redirect> needs a URL as its text");
        }
        return new TwimlVerb.Redirect(checkedUrl(redirect, "URL", url), method(redirect, "method", "POST"));
    }

    private static TwimlVerb dial(Element dial) {
        List<Element> nouns = children(dial);
        if (nouns.size() == 1 && "Sip".equals(nouns.get(0).getTagName())) {
            String uri = text(nouns.get(0));
            if (!uri.regionMatches(true, 0, "sip:", 0, 4) || uri.length() > 255) {
                throw new TwimlException("<Sip> needs a sip: URI under 255 characters, got '" + uri + "'");
            }
            return new TwimlVerb.DialSip(uri, intAttribute(dial, "timeout", 30, 5, 600));
        }
        if (nouns.size() != 1 || !"Conference".equals(nouns.get(0).getTagName())) {
            throw new TwimlException("<Dial> must contain exactly one <Conference> or <Sip> noun");
        }
        Element conference = nouns.get(0);
        String name = text(conference);
        if (name.isEmpty()) {
            throw new TwimlException("<Conference> needs a conference name as its text");
        }
        String label = attribute(conference, "participantLabel");
        if (label == null) {
            label = attribute(conference, "label");
        }
        String events = attribute(conference, "statusCallbackEvent");
        return new TwimlVerb.DialConference(new TwimlVerb.ConferenceJoin(
                name,
                label,
                booleanAttribute(conference, "muted"),
                attribute(conference, "beep"),
                booleanAttribute(conference, "startConferenceOnEnter"),
                booleanAttribute(conference, "endConferenceOnExit"),
                attribute(conference, "waitUrl"),
                attribute(conference, "statusCallback"),
                attribute(conference, "statusCallbackMethod"),
                events == null ? null : Arrays.stream(events.trim().split("\\s+")).filter(s -> !s.isEmpty()).toList(),
                booleanAttribute(conference, "coach")));
    }

    private static TwimlVerb enqueue(Element enqueue) {
        String workflowSid = attribute(enqueue, "workflowSid");
        String name = ownText(enqueue);
        if (workflowSid == null && name.isEmpty()) {
            throw new TwimlException("<Enqueue> needs a workflowSid attribute or a queue name as its text");
        }
        if (name.length() > MAX_QUEUE_NAME) {
            throw new TwimlException("<Enqueue> queue name must be 64 characters or less, got " + name.length());
        }
        String action = url(enqueue, "action", false);
        String method = method(enqueue, "method", "POST");
        String waitUrl = url(enqueue, "waitUrl", true);
        String waitUrlMethod = method(enqueue, "waitUrlMethod", "POST");
        List<Element> children = children(enqueue);
        for (Element child : children) {
            if (!"Task".equals(child.getTagName())) {
                throw new TwimlException("<Enqueue> may contain only <Task>, got <" + child.getTagName() + ">");
            }
        }
        if (children.size() > 1) {
            throw new TwimlException("<Enqueue> may contain at most one <Task>");
        }
        String queueName = workflowSid == null ? name : null;
        if (children.isEmpty()) {
            return new TwimlVerb.Enqueue(workflowSid, queueName, "{}", null, null, action, method, waitUrl, waitUrlMethod);
        }
        if (workflowSid == null) {
            throw new TwimlException("<Enqueue><Task> needs a workflowSid attribute");
        }
        Element task = children.get(0);
        String attributes = text(task);
        return new TwimlVerb.Enqueue(workflowSid, null, attributes.isEmpty() ? "{}" : attributes,
                optionalInt(task, "priority", 0, Integer.MAX_VALUE), optionalInt(task, "timeout", 1, 1_209_600),
                action, method, waitUrl, waitUrlMethod);
    }
}
