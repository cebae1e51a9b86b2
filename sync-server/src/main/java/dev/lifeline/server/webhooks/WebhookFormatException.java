package dev.lifeline.server.webhooks;

/** A webhook body we cannot use; answered with 400 and a problem naming {@link #field()}. */
public final class WebhookFormatException extends RuntimeException {

    private final String field;
    private final String problem;

    public WebhookFormatException(String field, String problem) {
        super(field + ": " + problem);
        this.field = field;
        this.problem = problem;
    }

    public String field() {
        return field;
    }

    /** What is wrong with {@link #field()}, without the field's name. */
    public String problem() {
        return problem;
    }
}
