package dev.lifeline.sim.numbers;

import static dev.lifeline.sim.core.TwilioDates.rfc2822;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.lifeline.sim.core.SimContext;
import dev.lifeline.sim.core.V2010Page;
import dev.lifeline.sim.numbers.PhoneNumbers.PhoneNumber;
import dev.lifeline.sim.voice.FormParams;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code /2010-04-01/Accounts/{AC}/IncomingPhoneNumbers}: create (buy), list (filter {@code PhoneNumber}), fetch,
 * update ({@code FriendlyName}, {@code VoiceUrl}, {@code VoiceMethod}) and delete (release), JSON field names as
 * twilio-java 11.1.0's {@code IncomingPhoneNumber} reads them. Every other parameter is accepted and ignored.
 */
public final class PhoneNumberRoutes {

    private static final String PATH = "/2010-04-01/Accounts/{AccountSid}/IncomingPhoneNumbers";

    private final SimContext context;
    private final PhoneNumbers numbers;

    public PhoneNumberRoutes(SimContext context, PhoneNumbers numbers) {
        this.context = context;
        this.numbers = numbers;
    }

    public void register(JavalinDefaultRoutingApi routes) {
        routes.post(PATH + ".json", ctx -> {
            FormParams form = new FormParams(ctx.formParamMap());
            write(ctx, 201, json(numbers.create(form.required("PhoneNumber"), form.string("FriendlyName"),
                    form.url("VoiceUrl"), form.method("VoiceMethod"))));
        });
        routes.get(PATH + ".json", ctx -> {
            FormParams query = new FormParams(ctx.queryParamMap());
            String filter = query.string("PhoneNumber");
            write(ctx, 200, V2010Page.of("incoming_phone_numbers",
                    numbers.list(filter).stream().map(this::json).toList(), ctx.path(),
                    filter == null ? "" : "PhoneNumber=" + java.net.URLEncoder.encode(filter, java.nio.charset.StandardCharsets.UTF_8),
                    query.integer("Page", 0, Integer.MAX_VALUE, 0), query.integer("PageSize", 1, 1000, 50)));
        });
        routes.get(PATH + "/{Sid}.json", ctx -> write(ctx, 200, json(numbers.get(ctx.pathParam("Sid")))));
        routes.post(PATH + "/{Sid}.json", ctx -> {
            FormParams form = new FormParams(ctx.formParamMap());
            // An empty VoiceUrl clears it, as Twilio's console does; anything else must be an absolute URL.
            String voiceUrl = "".equals(form.string("VoiceUrl")) ? "" : form.url("VoiceUrl");
            write(ctx, 200, json(numbers.update(ctx.pathParam("Sid"), form.string("FriendlyName"), voiceUrl,
                    form.method("VoiceMethod"))));
        });
        routes.delete(PATH + "/{Sid}.json", ctx -> {
            numbers.delete(ctx.pathParam("Sid"));
            ctx.status(204);
        });
    }

    private Map<String, Object> json(PhoneNumber number) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("account_sid", context.accountSid);
        json.put("api_version", "2010-04-01");
        json.put("date_created", rfc2822(number.dateCreated));
        json.put("date_updated", rfc2822(number.dateUpdated));
        json.put("friendly_name", number.friendlyName);
        json.put("phone_number", number.phoneNumber);
        json.put("sid", number.sid);
        json.put("status", "in-use");
        json.put("uri", "/2010-04-01/Accounts/" + context.accountSid + "/IncomingPhoneNumbers/" + number.sid + ".json");
        json.put("voice_method", number.voiceMethod);
        json.put("voice_url", number.voiceUrl);
        json.put("capabilities", Map.of("voice", true, "sms", false, "mms", false, "fax", false));
        return json;
    }

    private void write(Context ctx, int status, Map<String, Object> body) {
        try {
            ctx.status(status).contentType("application/json").result(context.json.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("plain maps always serialise", e);
        }
    }
}
