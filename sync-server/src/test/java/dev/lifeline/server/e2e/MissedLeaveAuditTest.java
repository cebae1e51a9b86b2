package dev.lifeline.server.e2e;

import static dev.lifeline.server.e2e.RecoveryHarness.awaitTrue;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lifeline.model.incident.Phase;
import dev.lifeline.server.engine.MissedLeaveAudit;
import dev.lifeline.server.recovery.Incident;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The agent's softphone dies and the participant-leave callback is answered 503 (as a member cut off from the
 * majority answers); Twilio never sends it again. Without the audit nothing would ever open an incident and the
 * customer would wait in silence; with it, the drop is found in Twilio's participant list and recovered as usual.
 */
class MissedLeaveAuditTest {

    private RecoveryHarness harness;

    @AfterEach
    void stop() {
        if (harness != null) {
            harness.close();
        }
    }

    @Test
    void aDropWhoseLeaveCallbackWasLostIsFoundInTwiliosStateAndRecovered() throws Exception {
        harness = new RecoveryHarness(Duration.ofSeconds(15), Duration.ofSeconds(120));
        MissedLeaveAudit audit = new MissedLeaveAudit(harness.engine, harness.gateway);
        TestSoftphone phone = harness.softphone("alice");
        String customer = harness.customerTalkingTo("alice", phone);
        String conference = harness.conferenceOf(customer).orElseThrow();
        List<String> aliceLegs = phone.connectedCalls();
        harness.refuseConferenceCallbacks(callback -> "participant-leave".equals(callback.event())
                && aliceLegs.contains(callback.callSid()));

        assertThat(audit.sweep()).as("nothing is missing while alice is on the call").isZero();
        phone.drop();
        awaitTrue("alice's leg is gone from the conference at Twilio",
                () -> harness.gateway.participants(conference).stream().noneMatch(p -> aliceLegs.contains(p.callSid())));
        assertThat(harness.liveEngine().incidents().all()).as("the leave callback was lost: no incident yet").isEmpty();

        assertThat(audit.sweep()).as("first look: alice's leg is a suspect").isEqualTo(1);
        assertThat(harness.liveEngine().incidents().all()).as("one look is not enough to act").isEmpty();
        audit.sweep();

        Incident pinging = harness.awaitIncidentOf("alice", i -> i.phase() == Phase.PINGING);
        assertThat(pinging.conferenceSid()).isEqualTo(conference);
        harness.agentComesBack("alice", pinging, customer);
        assertThat(harness.liveEngine().incidents().all()).hasSize(1);
        assertThat(harness.sim.voice().effects(customer)).containsEntry("enqueue", 2);
        assertThat(harness.pingTasksOf(pinging.incidentId())).hasSize(1);
        assertThat(audit.sweep()).as("the restored call has alice's new leg: nothing missing").isZero();
    }
}
