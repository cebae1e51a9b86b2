package dev.lifeline.server.webhooks;

/** A webhook body we cannot use; answered with 400 and a problem naming {@link #field()}. */
public final class WebhookFormatException extends RuntimeException {

    private final String field;

    public WebhookFormatException(String field, String problem) {
        super(field + ": " + problem);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
