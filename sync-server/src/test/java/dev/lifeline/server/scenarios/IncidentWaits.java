package dev.lifeline.server.scenarios;

import dev.lifeline.server.engine.IncidentReconciler;
import dev.lifeline.server.recovery.Incident;
import dev.lifeline.server.testsupport.Await;
import java.util.function.Function;
import java.util.function.Predicate;

/** Waiting on an agent's incident in the shared state, as any live member sees it. */
final class IncidentWaits {

    private final MemberCluster cluster;
    private final Function<String, String> workerOf;

    /** @param workerOf an agent identity's TaskRouter worker SID */
    IncidentWaits(MemberCluster cluster, Function<String, String> workerOf) {
        this.cluster = cluster;
        this.workerOf = workerOf;
    }

    /** The first incident of this agent's dropped worker that matches, once there is one. */
    Incident awaitIncidentOf(String identity, Predicate<Incident> condition) {
        return Await.present("an incident of " + identity + " matching the condition", () -> cluster.liveEngine().incidents()
                .all().stream()
                .filter(i -> i.droppedWorker().workerSid().equals(workerOf.apply(identity)))
                .filter(condition)
                .findFirst());
    }

    /** Drives the first member's reconciler until the condition holds, as its timer would. */
    Incident sweepUntil(String identity, Predicate<Incident> condition) {
        IncidentReconciler reconciler = cluster.reconcilers.get(0);
        return Await.present("an incident of " + identity + " matching the condition after sweeps", () -> {
            reconciler.sweep();
            return cluster.liveEngine().incidents().all().stream()
                    .filter(i -> i.droppedWorker().workerSid().equals(workerOf.apply(identity)))
                    .filter(condition)
                    .findFirst();
        });
    }
}
