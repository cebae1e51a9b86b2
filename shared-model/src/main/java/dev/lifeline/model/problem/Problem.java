package dev.lifeline.model.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.lifeline.model.codec.CodecException;
import dev.lifeline.model.validation.Require;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An error body as RFC 9457 ("Problem Details for HTTP APIs") defines it, served with
 * {@value #MEDIA_TYPE}. Every 4xx/5xx the server answers carries one, and the WebSocket {@code error} event
 * wraps one, so the desktop shows the same sentence either way.
 *
 * @param type     a URI naming the kind of problem; {@code about:blank} when it is just the HTTP status
 * @param title    a short summary of the kind of problem, the same for every occurrence
 * @param status   the HTTP status code
 * @param detail   what went wrong this time, for people; optional
 * @param instance the request path (or another URI) it happened on; optional
 * @param errors   an extension member: field (path) → what is wrong with it, for bad requests; may be empty
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(
        String type,
        String title,
        int status,
        String detail,
        String instance,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, String> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String ABOUT_BLANK = "about:blank";

    private static final String TYPE_BASE = "https://lifeline.dev/problems/";
    public static final String INVALID_REQUEST = TYPE_BASE + "invalid-request";
    public static final String UNAUTHORIZED = TYPE_BASE + "unauthorized";
    public static final String FORBIDDEN = TYPE_BASE + "forbidden";
    public static final String NOT_FOUND = TYPE_BASE + "not-found";
    public static final String CONFLICT = TYPE_BASE + "conflict";
    public static final String INTERNAL = TYPE_BASE + "internal";

    public Problem {
        // RFC 9457 §3.1.1: an absent type means "about:blank".
        type = type == null ? ABOUT_BLANK : Require.text(type, "type");
        Require.text(title, "title");
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("status: must be an HTTP status code (100-599) but was " + status);
        }
        errors = Require.mapOf(errors, "errors", false);
    }

    /** 400: one field of the request is wrong. */
    public static Problem badRequest(String field, String message) {
        return new Problem(INVALID_REQUEST, "Invalid request", 400, field + ": " + message, null,
                Map.of(field, message));
    }

    /** 400: several fields are wrong; {@code errors} maps each field to what is wrong with it. */
    public static Problem badRequest(Map<String, String> errors) {
        Map<String, String> ordered = new LinkedHashMap<>(errors);
        StringBuilder detail = new StringBuilder();
        ordered.forEach((field, message) -> {
            detail.append(detail.length() == 0 ? "" : "; ").append(field).append(": ").append(message);
        });
        return new Problem(INVALID_REQUEST, "Invalid request", 400, detail.toString(), null, ordered);
    }

    /** 400: the request body could not be decoded; names the field when the codec could. */
    public static Problem invalidBody(CodecException error) {
        String field = error.path().isEmpty() ? "body" : error.path();
        return new Problem(INVALID_REQUEST, "Invalid request", 400, error.getMessage(), null,
                Map.of(field, error.reason()));
    }

    /** 401: no token, or an expired or forged one. */
    public static Problem unauthorized(String detail) {
        return new Problem(UNAUTHORIZED, "Unauthorized", 401, detail, null, null);
    }

    /** 403: signed in, but the role does not allow it (e.g. an agent cancelling an incident). */
    public static Problem forbidden(String detail) {
        return new Problem(FORBIDDEN, "Forbidden", 403, detail, null, null);
    }

    /** 404: {@code what} (e.g. "reservation") with {@code id} does not exist or is not yours. */
    public static Problem notFound(String what, String id) {
        return new Problem(NOT_FOUND, "Not found", 404, what + " " + id + " was not found", null, null);
    }

    /** 409: the request is well-formed but the state does not allow it (e.g. accepting a rescinded reservation). */
    public static Problem conflict(String detail) {
        return new Problem(CONFLICT, "Conflict", 409, detail, null, null);
    }

    /** The same problem, naming the request it happened on. */
    public Problem withInstance(String requestPath) {
        return new Problem(type, title, status, detail, requestPath, errors);
    }
}
