package dev.lifeline.server.fuzz;

import dev.lifeline.server.webhooks.FormBody;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Decodes an {@code application/x-www-form-urlencoded} body the way the conference webhook sees it. */
final class FormBodies {

    private FormBodies() {
    }

    static Map<String, String> decode(String body) {
        return FormBody.decode(body.getBytes(StandardCharsets.UTF_8));
    }
}
