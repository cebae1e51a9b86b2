package dev.lifeline.desktop.recovery;

import dev.lifeline.desktop.connection.CommandSender;
import dev.lifeline.desktop.connection.ServerProblem;
import dev.lifeline.desktop.ui.Failures;
import dev.lifeline.model.command.LegAbandoned;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * At sign-in, names to the server every leg the previous desktop process of this agent on this computer died holding
 * ({@link HeldLegs}), so that the server ends it as a drop now and the recovery — and the Reconnecting modal — start
 * while this desktop is still starting. A leg the server no longer knows (404) had ended by itself: nothing to do.
 */
public final class AbandonedLegs {

    private static final Logger log = LoggerFactory.getLogger(AbandonedLegs.class);

    private AbandonedLegs() {
    }

    /** @return completes with whether the server ended any of them as a drop (a recovery is on its way), never fails */
    public static CompletableFuture<Boolean> report(HeldLegs legs, CommandSender server, String identity) {
        List<CompletableFuture<Boolean>> answers = new ArrayList<>();
        for (String callSid : legs.takeLeftovers()) {
            log.info("the previous desktop of {} died holding leg {}: asking the server to end it", identity, callSid);
            answers.add(server.send(new LegAbandoned(callSid)).handle((ok, failure) -> {
                if (failure == null) {
                    log.info("leg {} of the previous desktop ended as a drop", callSid);
                    return true;
                }
                if (ServerProblem.statusOf(failure) == 404) {
                    log.info("leg {} of the previous desktop had ended already", callSid);
                } else {
                    log.warn("could not have leg {} of the previous desktop ended ({}); the server ends it when its "
                            + "grace runs out", callSid, Failures.text(failure));
                }
                return false;
            }));
        }
        return CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new))
                .thenApply(all -> answers.stream().anyMatch(CompletableFuture::join));
    }
}
