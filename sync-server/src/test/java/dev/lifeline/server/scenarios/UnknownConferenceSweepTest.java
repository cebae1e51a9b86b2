package dev.lifeline.server.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lifeline.model.incident.Phase;
import dev.lifeline.server.engine.ConferenceAudit;
import dev.lifeline.server.rebuild.StateRebuilder;
import dev.lifeline.server.recovery.Incident;
import dev.lifeline.server.testsupport.Await;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 15 item 2: a conference whose every callback was lost (answered 503, never sent again) has no record, so the
 * agent's later drop in it went unseen. The audit's sweep of Twilio's in-progress conferences finds it on two looks,
 * rebuilds its record from Twilio's state within its budget, and the drop is recovered as usual.
 */
class UnknownConferenceSweepTest {

    private RecoveryHarness harness;

    @AfterEach
    void stop() {
        if (harness != null) {
            harness.close();
        }
    }

    @Test
    void aConferenceWithEveryCallbackLostIsRebuiltSoTheAgentsDropIsRecovered() throws Exception {
        harness = new RecoveryHarness(Duration.ofSeconds(15), Duration.ofSeconds(120));
        StateRebuilder rebuilder = new StateRebuilder(harness.hazelcast, harness.voice, harness.taskRouter,
                harness.engine.policy(), Clock.systemUTC(), harness.metrics);
        List<Set<String>> rebuilt = new ArrayList<>();
        ConferenceAudit audit = new ConferenceAudit(harness.engine, harness.voice, sids -> {
            rebuilt.add(Set.copyOf(sids));
            rebuilder.rebuildConferences(sids);
        }, 5);
        TestSoftphone phone = harness.softphone("alice");
        harness.cluster.refuseConferenceCallbacks(callback -> true);
        harness.agents.makeAvailable("alice");
        String customer = harness.sim.voice().inboundCall("+15551230001", "+15550100000", harness.workspace.voiceWorkflowSid(),
                "{\"from\":\"+15551230001\"}", null, null);
        harness.agents.acceptVoice("alice", harness.agents.awaitPendingReservation("alice", task -> true));
        Await.until("alice talks to the customer at Twilio", () -> harness.world.conferenceOf(customer).isPresent()
                && !phone.connectedCalls().isEmpty() && harness.world.conferenceOf(phone.connectedCalls().get(0)).equals(harness.world.conferenceOf(customer)));
        String conference = harness.world.conferenceOf(customer).orElseThrow();
        // Its callbacks stay lost until the sweep has done its work: a late one would make a partial record of its own.
        harness.cluster.refuseConferenceCallbacks(callback -> callback.conferenceSid().equals(conference));
        assertThat(harness.cluster.liveEngine().conference(conference)).as("every callback of it was lost").isEmpty();

        audit.sweep();
        assertThat(rebuilt).as("one look is not enough to act").isEmpty();
        audit.sweep();

        assertThat(rebuilt).containsExactly(Set.of(conference));
        assertThat(harness.cluster.liveEngine().conference(conference).orElseThrow().participants().values())
                .as("alice is registered from TaskRouter's reservation").anyMatch(p -> p.present() && p.worker() != null);
        audit.sweep();
        assertThat(rebuilt).as("a conference with a record is not rebuilt again").hasSize(1);

        harness.cluster.refuseConferenceCallbacks(callback -> false);
        phone.drop();
        Incident pinging = harness.incidents.awaitIncidentOf("alice", i -> i.phase() == Phase.PINGING);
        assertThat(pinging.conferenceSid()).isEqualTo(conference);
        harness.agentComesBack("alice", pinging, customer);
    }
}
