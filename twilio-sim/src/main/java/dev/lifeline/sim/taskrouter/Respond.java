package dev.lifeline.sim.taskrouter;

import dev.lifeline.sim.core.TwilioApiException;
import io.javalin.http.Context;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs a route's work as one world action and writes its JSON (nothing for 204). */
final class Respond {

    private static final Logger log = LoggerFactory.getLogger(Respond.class);

    private Respond() {
    }

    static void json(Context ctx, TaskRouterWorld world, int status, Supplier<Object> action) {
        Object body;
        try {
            body = world.inWorld(action);
        } catch (TwilioApiException e) {
            throw e;
        } catch (RuntimeException e) {
            // An emulator bug must not become a 5xx: twilio-java retries those, repeating creates.
            log.error("{} {} failed inside the emulator", ctx.method(), ctx.path(), e);
            throw TwilioApiException.badRequest("The emulator could not process this request: " + e);
        }
        ctx.status(status);
        if (body != null) {
            ctx.json(body);
        }
    }
}
