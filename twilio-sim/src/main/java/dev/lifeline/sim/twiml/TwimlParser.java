package dev.lifeline.sim.twiml;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * Parses the small TwiML subset the emulator runs. Uses the JDK parser with secure processing on and DTDs
 * off, so TwiML from a webhook response cannot pull in external entities.
 */
public final class TwimlParser {

    private static final int MAX_TWIML_CHARS = 64 * 1024; // Twilio's own TwiML limit is 64 KB

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
            case "Play" -> new TwimlVerb.Play(text(verb), intAttribute(verb, "loop", 1, 0, 1000));
            case "Say" -> new TwimlVerb.Say(text(verb), intAttribute(verb, "loop", 1, 0, 1000));
            case "Pause" -> new TwimlVerb.Pause(intAttribute(verb, "length", 1, 1, 600));
            case "Hangup" -> new TwimlVerb.Hangup();
            default -> throw new TwimlException("unsupported TwiML verb <" + verb.getTagName() + ">");
        };
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
        if (workflowSid == null) {
            throw new TwimlException("<Enqueue> needs a workflowSid attribute (queues by name are not emulated)");
        }
        List<Element> tasks = children(enqueue).stream().filter(e -> "Task".equals(e.getTagName())).toList();
        if (tasks.size() > 1) {
            throw new TwimlException("<Enqueue> may contain at most one <Task>");
        }
        if (tasks.isEmpty()) {
            return new TwimlVerb.Enqueue(workflowSid, "{}", null, null);
        }
        Element task = tasks.get(0);
        String attributes = text(task);
        return new TwimlVerb.Enqueue(workflowSid, attributes.isEmpty() ? "{}" : attributes,
                optionalInt(task, "priority", 0, Integer.MAX_VALUE),
                optionalInt(task, "timeout", 1, 1_209_600));
    }

    private static List<Element> children(Element parent) {
        List<Element> elements = new ArrayList<>();
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element) {
                elements.add(element);
            }
        }
        return elements;
    }

    private static String text(Element element) {
        return element.getTextContent() == null ? "" : element.getTextContent().trim();
    }

    private static String attribute(Element element, String name) {
        return element.hasAttribute(name) ? element.getAttribute(name) : null;
    }

    private static Boolean booleanAttribute(Element element, String name) {
        String value = attribute(element, name);
        if (value == null) {
            return null;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new TwimlException("<" + element.getTagName() + "> attribute " + name
                    + " must be true or false, got '" + value + "'");
        };
    }

    private static int intAttribute(Element element, String name, int defaultValue, int min, int max) {
        Integer value = optionalInt(element, name, min, max);
        return value == null ? defaultValue : value;
    }

    private static Integer optionalInt(Element element, String name, int min, int max) {
        String value = attribute(element, name);
        if (value == null) {
            return null;
        }
        try {
            int parsed = Integer.parseInt(value.trim());
            if (parsed < min || parsed > max) {
                throw new TwimlException("<" + element.getTagName() + "> attribute " + name + " must be between "
                        + min + " and " + max + ", got " + parsed);
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new TwimlException("<" + element.getTagName() + "> attribute " + name
                    + " must be a whole number, got '" + value + "'");
        }
    }
}
