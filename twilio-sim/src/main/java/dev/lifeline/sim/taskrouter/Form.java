package dev.lifeline.sim.taskrouter;

import dev.lifeline.sim.core.TwilioApiException;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;

/** A request's form parameters, read by name (twilio-java sends them in HashMap order; lists as repeated fields). */
final class Form {

    private final Map<String, List<String>> params;

    Form(Context ctx) {
        this.params = ctx.formParamMap();
    }

    Map<String, List<String>> all() {
        return params;
    }

    boolean has(String name) {
        return get(name) != null;
    }

    String get(String name) {
        List<String> values = params.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    String required(String name) {
        String value = get(name);
        if (value == null || value.isBlank()) {
            throw TwilioApiException.missingParameter(name);
        }
        return value;
    }

    Integer integer(String name, int min, int max) {
        String value = get(name);
        if (value == null) {
            return null;
        }
        try {
            int parsed = Integer.parseInt(value.trim());
            if (parsed < min || parsed > max) {
                throw TwilioApiException.badRequest(name + " must be between " + min + " and " + max + ", got " + parsed);
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw TwilioApiException.badRequest(name + " must be an integer, got '" + value + "'");
        }
    }

    Boolean bool(String name) {
        String value = get(name);
        if (value == null) {
            return null;
        }
        if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
            throw TwilioApiException.badRequest(name + " must be true or false, got '" + value + "'");
        }
        return Boolean.parseBoolean(value);
    }
}
