package dev.lifeline.server.http;

import dev.lifeline.model.codec.CodecException;
import dev.lifeline.model.codec.JsonCodec;
import dev.lifeline.model.problem.Problem;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.router.JavalinDefaultRoutingApi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One place that turns every failure into an RFC 9457 problem body: client mistakes get a specific 4xx, a member
 * cut off from its cluster a 503 ({@link ClusterUnavailable}), anything unexpected a bare 500 whose details stay
 * in the log (never in the response).
 */
public final class ProblemResponses {

    private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);

    private ProblemResponses() {
    }

    public static void register(JavalinDefaultRoutingApi routes) {
        routes.exception(ApiProblem.class, (e, ctx) -> write(ctx, e.problem()));
        routes.exception(CodecException.class, (e, ctx) -> write(ctx, Problem.invalidBody(e)));
        routes.exception(HttpResponseException.class, (e, ctx) -> write(ctx, fromStatus(e.getStatus(), e.getMessage())));
        routes.exception(Exception.class, (e, ctx) -> {
            if (ClusterUnavailable.isMinorityRefusal(e)) {
                // Expected while the network is partitioned; one line, not a stack trace per request.
                log.warn("refused {} {}: this member is in a cluster minority", ctx.method(), ctx.path());
                write(ctx, ClusterUnavailable.refuse(ctx));
                return;
            }
            log.error("unexpected failure on {} {}", ctx.method(), ctx.path(), e);
            write(ctx, new Problem(Problem.INTERNAL, "Internal error", 500, "The server could not handle the request", null, null));
        });
        routes.error(404, "*", ctx -> {
            if (ctx.result() == null) {
                write(ctx, new Problem(Problem.NOT_FOUND, "Not found", 404, "No such endpoint: " + ctx.path(), null, null));
            }
        });
    }

    public static void write(Context ctx, Problem problem) {
        Problem withInstance = problem.instance() != null ? problem
                : new Problem(problem.type(), problem.title(), problem.status(), problem.detail(), ctx.path(), problem.errors());
        ctx.status(problem.status()).contentType(Problem.MEDIA_TYPE).result(JsonCodec.shared().encode(withInstance));
    }

    private static Problem fromStatus(int status, String message) {
        String title = switch (status) {
            case 413 -> "Payload too large";
            case 415 -> "Unsupported media type";
            case 405 -> "Method not allowed";
            default -> "Request failed";
        };
        return new Problem(Problem.ABOUT_BLANK, title, status, message, null, null);
    }
}
