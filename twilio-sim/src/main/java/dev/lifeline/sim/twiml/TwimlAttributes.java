package dev.lifeline.sim.twiml;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** Reads a TwiML element's attributes and text, refusing bad values with a message that names the attribute. */
final class TwimlAttributes {

    private TwimlAttributes() {
    }

    static List<Element> children(Element parent) {
        List<Element> elements = new ArrayList<>();
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element) {
                elements.add(element);
            }
        }
        return elements;
    }

    /** All text inside the element, trimmed. */
    static String text(Element element) {
        return element.getTextContent() == null ? "" : element.getTextContent().trim();
    }

    /** Only the element's own text nodes (not its children's), trimmed: {@code <Enqueue>name<Task>…</Task></Enqueue>}. */
    static String ownText(Element element) {
        StringBuilder text = new StringBuilder();
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
                text.append(child.getNodeValue());
            }
        }
        return text.toString().trim();
    }

    static String attribute(Element element, String name) {
        return element.hasAttribute(name) ? element.getAttribute(name) : null;
    }

    static Boolean booleanAttribute(Element element, String name) {
        String value = attribute(element, name);
        if (value == null) {
            return null;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw invalid(element, name, value, "must be true or false");
        };
    }

    static int intAttribute(Element element, String name, int defaultValue, int min, int max) {
        Integer value = optionalInt(element, name, min, max);
        return value == null ? defaultValue : value;
    }

    static Integer optionalInt(Element element, String name, int min, int max) {
        String value = attribute(element, name);
        if (value == null) {
            return null;
        }
        int parsed;
        try {
            parsed = Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw invalid(element, name, value, "must be a whole number");
        }
        if (parsed < min || parsed > max) {
            throw new TwimlException("<" + element.getTagName() + "> attribute " + name + " must be between "
                    + min + " and " + max + ", got " + parsed);
        }
        return parsed;
    }

    /** {@code GET} or {@code POST} in any case, returned upper case; {@code defaultValue} when absent. */
    static String method(Element element, String name, String defaultValue) {
        String value = attribute(element, name);
        if (value == null) {
            return defaultValue;
        }
        String upper = value.trim().toUpperCase(Locale.ROOT);
        if (!upper.equals("GET") && !upper.equals("POST")) {
            throw invalid(element, name, value, "must be GET or POST");
        }
        return upper;
    }

    /** A URL, absolute (http or https) or relative to the document; null when absent. */
    static String url(Element element, String name, boolean emptyAllowed) {
        String value = attribute(element, name);
        if (value == null || value.isEmpty() && emptyAllowed) {
            return value;
        }
        return checkedUrl(element, name, value.trim());
    }

    static String checkedUrl(Element element, String what, String value) {
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme();
            if (value.isEmpty() || scheme != null && !scheme.equalsIgnoreCase("http") && !scheme.equalsIgnoreCase("https")
                    || scheme != null && uri.getHost() == null) {
                throw invalid(element, what, value, "must be an http(s) URL, absolute or relative to the document");
            }
            return value;
        } catch (URISyntaxException e) {
            throw invalid(element, what, value, "is not a URL");
        }
    }

    static TwimlException invalid(Element element, String name, String value, String rule) {
        return new TwimlException("<" + element.getTagName() + "> attribute " + name + " " + rule + ", got '" + value + "'");
    }
}
