package dev.lifeline.sim.faults;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One REST request the emulator answers with an error instead of carrying it out, as Twilio does when a call or a
 * task is unknown to the account (404) or a parameter is refused (400). Nothing changes in the world.
 *
 * @param method  the HTTP method to match ({@code POST}, {@code GET}, …), or null for any
 * @param path    a regular expression found in the request path, e.g. {@code /Calls/CA0123…\.json$}
 * @param form    form parameters that must be present, each with a regular expression found in its value (e.g.
 *                {@code Twiml} → {@code <Enqueue}); empty = any body
 * @param status  a 4xx status (the emulator never answers 5xx on purpose: twilio-java retries those)
 * @param code    Twilio's error code in the body, e.g. 20404
 * @param times   how many matching requests fail before the fault is spent; {@code 0} = every one, until removed
 */
public record ApiFault(String method, Pattern path, Map<String, Pattern> form, int status, int code, String message,
                       int times) {

    public ApiFault {
        Objects.requireNonNull(path, "path");
        form = Map.copyOf(form);
        if (status < 400 || status > 499) {
            throw new IllegalArgumentException("status must be a 4xx, got " + status);
        }
        if (times < 0) {
            throw new IllegalArgumentException("times must be 0 (every time) or more, got " + times);
        }
        message = message == null || message.isBlank() ? "Refused by a fault the scenario API switched on" : message;
    }

    /** Every matching request fails, until the fault is removed: "fails for good". */
    public static ApiFault always(String method, String pathRegex, int status, int code) {
        return new ApiFault(method, Pattern.compile(pathRegex), Map.of(), status, code, null, 0);
    }

    /** The same fault, only for requests whose form parameter {@code name} has a value matching {@code valueRegex}. */
    public ApiFault withForm(String name, String valueRegex) {
        Map<String, Pattern> more = new LinkedHashMap<>(form);
        more.put(name, Pattern.compile(valueRegex));
        return new ApiFault(method, path, more, status, code, message, times);
    }

    /** The same fault, spent after {@code count} matching requests. */
    public ApiFault times(int count) {
        return new ApiFault(method, path, form, status, code, message, count);
    }

    boolean matches(String requestMethod, String requestPath, Map<String, String> formParams) {
        if (method != null && !method.equalsIgnoreCase(requestMethod)) {
            return false;
        }
        if (!path.matcher(requestPath).find()) {
            return false;
        }
        for (Map.Entry<String, Pattern> expected : form.entrySet()) {
            String value = formParams.get(expected.getKey());
            if (value == null || !expected.getValue().matcher(value).find()) {
                return false;
            }
        }
        return true;
    }

    Map<String, Object> describe(String id, int failedSoFar) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", id);
        json.put("method", method);
        json.put("path", path.pattern());
        Map<String, String> formJson = new LinkedHashMap<>();
        form.forEach((name, value) -> formJson.put(name, value.pattern()));
        json.put("form", formJson);
        json.put("status", status);
        json.put("code", code);
        json.put("message", message);
        json.put("times", times);
        json.put("failed", failedSoFar);
        return json;
    }
}
