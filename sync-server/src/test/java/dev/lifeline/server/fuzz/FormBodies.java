package dev.lifeline.server.fuzz;

import io.javalin.http.servlet.JavalinServletContextKt;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Decodes an {@code application/x-www-form-urlencoded} body the way the webhook route sees it: Javalin's own
 * splitter (what {@code ctx.formParamMap()} uses), then the first value of each name, as {@code WebhookRoutes} does.
 */
final class FormBodies {

    private FormBodies() {
    }

    static Map<String, String> decode(String body) {
        Map<String, List<String>> grouped = JavalinServletContextKt.splitKeyValueStringAndGroupByKey(body, "UTF-8");
        Map<String, String> form = new HashMap<>();
        grouped.forEach((name, values) -> form.put(name, values.isEmpty() ? "" : values.get(0)));
        return form;
    }
}
