package dev.lifeline.desktop.recovery;

import dev.lifeline.desktop.connection.CommandSender;
import dev.lifeline.desktop.connection.ServerProblem;
import dev.lifeline.desktop.ui.Failures;
import dev.lifeline.model.command.LegAbandoned;
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

    public static void report(HeldLegs legs, CommandSender server, String identity) {
        for (String callSid : legs.takeLeftovers()) {
            log.info("the previous desktop of {} died holding leg {}: asking the server to end it", identity, callSid);
            server.send(new LegAbandoned(callSid)).whenComplete((ok, failure) -> {
                if (failure == null) {
                    log.info("leg {} of the previous desktop ended as a drop", callSid);
                } else if (ServerProblem.statusOf(failure) == 404) {
                    log.info("leg {} of the previous desktop had ended already", callSid);
                } else {
                    log.warn("could not have leg {} of the previous desktop ended ({}); the server ends it when its "
                            + "grace runs out", callSid, Failures.text(failure));
                }
            });
        }
    }
}
