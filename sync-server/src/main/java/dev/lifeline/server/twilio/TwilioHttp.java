package dev.lifeline.server.twilio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.twilio.exception.ApiException;
import com.twilio.http.HttpMethod;
import com.twilio.http.Request;
import com.twilio.http.Response;
import com.twilio.http.TwilioRestClient;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.hc.core5.http.Header;

/**
 * What the product gateways share: the SDK client, SDK calls whose {@link ApiException} becomes a
 * {@link TwilioGatewayException}, and the raw requests the SDK's models cannot make (a task's version for
 * {@code If-Match}, the conference instruction's {@code modify} event, statistics the models lack).
 */
final class TwilioHttp {

    static final ObjectMapper JSON = new ObjectMapper();

    private final TwilioRestClient client;

    TwilioHttp(TwilioRestClient client) {
        this.client = client;
    }

    TwilioRestClient client() {
        return client;
    }

    /** An SDK call; Twilio's refusal becomes a {@link TwilioGatewayException} naming {@code operation}. */
    static <T> T call(String operation, Supplier<T> action) {
        try {
            return action.get();
        } catch (ApiException e) {
            throw translate(operation, e);
        }
    }

    /** An SDK call for which "not found" (404) means it is already done. */
    static void ignoringNotFound(String operation, Supplier<?> action) {
        try {
            action.get();
        } catch (ApiException e) {
            if (status(e) != 404) {
                throw translate(operation, e);
            }
        }
    }

    static int status(ApiException e) {
        return e.getStatusCode() == null ? 0 : e.getStatusCode();
    }

    static TwilioGatewayException translate(String operation, ApiException e) {
        return new TwilioGatewayException(operation, status(e), e.getCode(), e.getMessage(), e);
    }

    /** A raw request whose parameters travel as form fields (a list value becomes one field per element). */
    Response send(String operation, HttpMethod method, String domain, String path, Map<String, ?> params,
                  Map<String, String> headers) {
        Request request = new Request(method, domain, path);
        params.forEach((name, value) -> {
            if (value instanceof List<?> values) {
                values.forEach(v -> request.addPostParam(name, String.valueOf(v)));
            } else if (value != null) {
                request.addPostParam(name, String.valueOf(value));
            }
        });
        if (headers != null) {
            headers.forEach(request::addHeaderParam);
        }
        return send(operation, request);
    }

    /** A raw GET whose parameters travel in the query string. */
    Response get(String operation, String domain, String path, Map<String, String> query) {
        Request request = new Request(HttpMethod.GET, domain, path);
        query.forEach(request::addQueryParam);
        return send(operation, request);
    }

    /** Sends a raw request; a non-2xx/3xx answer becomes a {@link TwilioGatewayException} with Twilio's code. */
    private Response send(String operation, Request request) {
        Response response;
        try {
            response = client.request(request);
        } catch (ApiException e) {
            throw translate(operation, e);
        }
        if (response == null) {
            throw new TwilioGatewayException(operation, 0, null, "no response", null);
        }
        if (!TwilioRestClient.SUCCESS.test(response.getStatusCode())) {
            JsonNode error = parseQuietly(response.getContent());
            throw new TwilioGatewayException(operation, response.getStatusCode(),
                    error.hasNonNull("code") ? error.get("code").asInt() : null, error.path("message").asText(""), null);
        }
        return response;
    }

    static JsonNode json(Response response) {
        return parseJson(response.getContent());
    }

    /** A JSON object; anything else reads as an empty one. */
    static JsonNode parseJson(String json) {
        try {
            JsonNode node = JSON.readTree(json == null || json.isBlank() ? "{}" : json);
            return node.isObject() ? node : JSON.createObjectNode();
        } catch (IOException e) {
            throw new TwilioGatewayException("parse JSON", 0, null, e.getMessage(), e);
        }
    }

    private static JsonNode parseQuietly(String json) {
        try {
            return parseJson(json);
        } catch (TwilioGatewayException e) {
            return JSON.createObjectNode();
        }
    }

    /** A response header's value without the quotes an ETag carries; null when absent. */
    static String header(Response response, String name) {
        Header[] headers = response.getHeaders();
        if (headers == null) {
            return null;
        }
        for (Header header : headers) {
            if (header.getName().equalsIgnoreCase(name)) {
                return header.getValue().replace("\"", "");
            }
        }
        return null;
    }

    static Instant instant(String iso) {
        if (iso == null || iso.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(iso);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
