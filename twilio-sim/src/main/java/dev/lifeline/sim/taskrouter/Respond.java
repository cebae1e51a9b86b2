package dev.lifeline.sim.taskrouter;

import io.javalin.http.Context;
import java.util.function.Supplier;

/** Runs a route's work as one world action and writes its JSON (nothing for 204). */
final class Respond {

    private Respond() {
    }

    static void json(Context ctx, TaskRouterWorld world, int status, Supplier<Object> action) {
        Object body = world.inWorld(action);
        ctx.status(status);
        if (body != null) {
            ctx.json(body);
        }
    }
}
