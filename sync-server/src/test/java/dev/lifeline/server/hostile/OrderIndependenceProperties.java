package dev.lifeline.server.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lifeline.model.incident.Phase;
import dev.lifeline.server.conference.ConferenceCallback;
import dev.lifeline.server.conference.ConferenceRecord;
import dev.lifeline.server.conference.LeaveReason;
import dev.lifeline.server.recovery.Effect;
import dev.lifeline.server.recovery.Incident;
import dev.lifeline.server.recovery.RecoveryStrategy;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * Issue #7 item 2: whatever order and however often the callbacks and events of one call arrive (within what the
 * real world can reorder, see {@link WorldScript}), the conference and the recovery end exactly where the
 * undisturbed sequence ends: the same conference state, the same incident phase; no version ever goes backwards,
 * and each incident attempt pings the agent at most once and redirects the customer at most once.
 */
class OrderIndependenceProperties {

    private static final AtomicLong TRIES = new AtomicLong();
    private static final AtomicLong DELIVERIES = new AtomicLong();

    @Property(tries = 400, seed = "7202611250001")
    void disturbedDeliveryConvergesToTheUndisturbedOutcome(@ForAll("worlds") long world) {
        check(world, RecoveryStrategy.REQUEUE);
    }

    /** The same property for the {@code rejoin} strategy: the agent dialled back into the conference the customer is in. */
    @Property(tries = 400, seed = "7202611250002")
    void disturbedDeliveryConvergesToTheUndisturbedOutcomeWithRejoin(@ForAll("worlds") long world) {
        check(world, RecoveryStrategy.REJOIN);
    }

    /** The same property with many more worlds, for nightly or manual runs: {@code -Dhostile.long=true}. */
    @Property(tries = 20_000)
    @AddLifecycleHook(LongRunOnly.class)
    void disturbedDeliveryConvergesToTheUndisturbedOutcomeLongRun(@ForAll("worlds") long world) {
        check(world, RecoveryStrategy.REQUEUE);
        check(world, RecoveryStrategy.REJOIN);
    }

    @Example
    void aCustomerWhoHungUpBeforeTheAgentsDropWasSeenGetsNoRecovery() {
        // The one race left out of the property: the customer's hang-up and the agent's drop are different legs, so
        // the network may swap them. In order, the drop opens an incident that the hang-up closes (CUSTOMER_LEFT);
        // swapped, the drop is not a drop (the customer is already gone). The SequenceNumbers would tell the server that
        // the customer left after the agent, but opening a recovery for a customer known to be gone would only create
        // a ping to withdraw again: both orders end with nobody recovering a call without a customer, which is what
        // matters, so the property keeps the hang-up after the drop and this example pins the swapped order down.
        WorldScript.Delivery[] calls = {
                conference(0, ConferenceCallback.join(WorldScript.CONFERENCE, WorldScript.CUSTOMER, 1, "customer", false, false, true)),
                conference(1, ConferenceCallback.join(WorldScript.CONFERENCE, WorldScript.ALICE_LEG, 2, "worker", false, false, false)),
                conference(2, ConferenceCallback.leave(WorldScript.CONFERENCE, WorldScript.ALICE_LEG, 3,
                        LeaveReason.PARTICIPANT_HUNG_UP)),
                conference(3, ConferenceCallback.leave(WorldScript.CONFERENCE, WorldScript.CUSTOMER, 4,
                        LeaveReason.PARTICIPANT_HUNG_UP))};
        PureServer inOrder = new PureServer();
        List.of(calls[0], calls[1], calls[2], calls[3]).forEach(inOrder::deliver);
        PureServer swapped = new PureServer();
        List.of(calls[0], calls[1], calls[3], calls[2]).forEach(swapped::deliver);

        assertThat(inOrder.incidents.values()).singleElement().extracting(Incident::phase).isEqualTo(Phase.CUSTOMER_LEFT);
        assertThat(swapped.incidents).isEmpty();
        assertThat(swapped.conferences.get(WorldScript.CONFERENCE).participants())
                .as("the legs end the same; only the incident link differs")
                .isEqualTo(inOrder.conferences.get(WorldScript.CONFERENCE).participants());
    }

    @Provide
    Arbitrary<Long> worlds() {
        return Arbitraries.randomValue(java.util.Random::nextLong);
    }

    @AfterContainer
    static void summary() {
        System.out.println("order-independence property: " + TRIES.get() + " disturbed worlds, " + DELIVERIES.get()
                + " deliveries, every one converged to its undisturbed outcome");
    }

    private static void check(long world, RecoveryStrategy strategy) {
        Random random = new Random(world);
        WorldScript script = WorldScript.generate(random, strategy);

        PureServer reference = new PureServer(strategy);
        script.deliveries.forEach(reference::deliver);
        assertThat(phases(reference)).as("the undisturbed world of " + script.outcome).isEqualTo(script.expectedPhases);

        List<WorldScript.Delivery> disturbed = script.disturbed(random, 2);
        PureServer server = new PureServer(strategy);
        disturbed.forEach(server::deliver);
        Statistics.collect(script.outcome, script.expectedPhases.size() > 1 ? "dropped again" : "one drop");
        TRIES.incrementAndGet();
        DELIVERIES.addAndGet(disturbed.size());

        String why = strategy.word() + " world " + world + " (" + script.outcome + ") delivered as " + disturbed;
        assertThat(server.versionRegressions).as("versions never go backwards; " + why).isEmpty();
        assertThat(server.incidents.keySet()).as(why).isEqualTo(reference.incidents.keySet());
        for (Incident incident : server.incidents.values()) {
            Incident expected = reference.incidents.get(incident.incidentId());
            assertThat(incident.phase()).as("phase; " + why).isEqualTo(expected.phase());
            assertThat(incident.attempt()).as(why).isEqualTo(expected.attempt());
            assertThat(server.count(incident.incidentId(), Effect.CreatePingTask.class)).as("one ping per attempt; " + why)
                    .isEqualTo(strategy == RecoveryStrategy.REJOIN ? 0 : 1);
            assertThat(server.count(incident.incidentId(), Effect.DialAgentIntoConference.class))
                    .as("at most one dial of the agent; " + why).isLessThanOrEqualTo(1);
            assertThat(server.count(incident.incidentId(), Effect.RedirectCustomerToEnqueue.class))
                    .as("at most one redirect of the customer; " + why).isLessThanOrEqualTo(1);
        }
        assertThat(server.conferences.keySet()).as(why).isEqualTo(reference.conferences.keySet());
        server.conferences.forEach((sid, record) -> assertThat(withoutVersion(record)).as("conference " + sid + "; " + why)
                .isEqualTo(withoutVersion(reference.conferences.get(sid))));
    }

    private static Map<String, Phase> phases(PureServer server) {
        Map<String, Phase> phases = new LinkedHashMap<>();
        server.incidents.forEach((id, incident) -> phases.put(id, incident.phase()));
        return phases;
    }

    /** How many changes it took may differ with the order; where the conference ended up may not. */
    private static ConferenceRecord withoutVersion(ConferenceRecord record) {
        return new ConferenceRecord(record.conferenceSid(), record.customerCallSid(), record.participants(), record.ended(),
                record.lastSequence(), record.recoveringIncidentId(), 0);
    }

    private static WorldScript.Delivery conference(int index, ConferenceCallback callback) {
        return new WorldScript.Delivery(index, callback, null, null, List.of());
    }
}
