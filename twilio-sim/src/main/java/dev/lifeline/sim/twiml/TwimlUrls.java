package dev.lifeline.sim.twiml;

import java.net.URI;
import java.net.URISyntaxException;

/** URLs in TwiML ({@code action}, {@code waitUrl}, {@code <Redirect>}) may be relative to the document they came from. */
public final class TwimlUrls {

    private TwimlUrls() {
    }

    /**
     * {@code url} resolved against {@code documentUrl}.
     *
     * @param documentUrl the URL the TwiML was fetched from, or null for TwiML given inline (Twilio: "If you started or
     *                    updated a Call that included a twiml parameter, the action URLs … must be absolute")
     * @throws TwimlException when {@code url} is relative and there is no document to resolve it against
     */
    public static String resolve(String documentUrl, String url) {
        try {
            URI uri = new URI(url);
            if (uri.isAbsolute()) {
                return url;
            }
            if (documentUrl == null) {
                throw new TwimlException("the relative URL '" + url + "' needs a document URL to resolve against, and "
                        + "this TwiML was given inline: use an absolute URL");
            }
            return new URI(documentUrl).resolve(uri).toString();
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new TwimlException("'" + url + "' is not a URL", e);
        }
    }
}
