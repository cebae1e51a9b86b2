package dev.lifeline.server.callbacks;

import dev.lifeline.model.callbacks.ScheduleCallback;
import dev.lifeline.model.codec.JsonCodec;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;

/**
 * {@code POST /api/website/callbacks}: the contact centre's website asks for a callback on a customer's behalf. No
 * session: the request is signed with the shared secret ({@link WebsiteSignature}), checked before the body is read
 * as JSON; then the same checks as an agent's request. 201 with the callback, 401 for any signature fault, 400
 * naming the field for a bad number, a past time or one outside business hours.
 */
public final class WebsiteCallbackRoutes {

    public static final String PATH = "/api/website/callbacks";
    /** How callbacks the website asked for are named as their source. */
    public static final String SOURCE = "website";

    private final WebsiteSignature signature;
    private final CallbackRequests requests;

    public WebsiteCallbackRoutes(WebsiteSignature signature, CallbackRequests requests) {
        this.signature = signature;
        this.requests = requests;
    }

    public void register(JavalinDefaultRoutingApi routes) {
        routes.post(PATH, this::schedule);
    }

    private void schedule(Context ctx) {
        byte[] body = ctx.bodyAsBytes();
        signature.verify(ctx.header(WebsiteSignature.TIMESTAMP_HEADER), ctx.header(WebsiteSignature.SIGNATURE_HEADER), body);
        ScheduleCallback request = JsonCodec.shared().decode(body, ScheduleCallback.class);
        Callback kept = requests.schedule(request, SOURCE);
        ctx.status(201).contentType("application/json").result(JsonCodec.shared().encode(CallbackViews.of(kept)));
    }
}
