package dev.lifeline.server.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lifeline.model.incident.Phase;
import dev.lifeline.model.outbound.CallPlaced;
import dev.lifeline.server.outbound.OutboundAgent;
import dev.lifeline.server.outbound.OutboundDialler;
import dev.lifeline.server.recovery.Incident;
import dev.lifeline.server.testsupport.Await;
import dev.lifeline.sim.voice.EndpointBehaviour;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An agent's outbound call whose agent leg drops (issue 18 item 1): the called party is the customer the recovery
 * keeps and brings back to the same agent, never the agent's own leg (seed §8.16, where the original took the task's
 * {@code call_sid} for the customer and, on Flex outbound calls, that is the agent).
 */
class OutboundRecoveryTest {

    private static final String CALLED = "+15551230002";

    private RecoveryHarness harness;

    @BeforeEach
    void start() {
        harness = new RecoveryHarness(Duration.ofSeconds(15), Duration.ofSeconds(120));
        harness.sim.voice().registerEndpoint(CALLED, EndpointBehaviour.answer(Duration.ZERO));
    }

    @AfterEach
    void stop() {
        harness.close();
    }

    @Test
    void theCalledPartyOfADroppedAgentsOutboundCallIsKeptAndBridgedBackToTheSameAgent() throws Exception {
        TestSoftphone desktop = harness.softphone("alice");
        harness.agents.makeAvailable("alice");
        OutboundDialler dialler = new OutboundDialler(harness.voice, harness.taskRouter, harness.engine,
                harness.workspace.voiceWorkflowSid(), harness.conferenceCallbackUrl, "+15559990000",
                OutboundDialler.OFFER_WAIT, OutboundDialler.ANSWER_WAIT);
        CallPlaced placed = dialler.place(new OutboundAgent("alice", harness.agents.worker("alice"), "Alice Agent",
                TestSoftphone.addressOf("alice")), CALLED);
        String called = placed.customerCallSid();
        Await.until("the called party answered", () -> "in-progress".equals(harness.sim.voice().callStatus(called)));
        String agentLeg = desktop.connectedCalls().get(0);

        desktop.drop();
        Incident pinging = harness.incidents.awaitIncidentOf("alice", i -> i.phase() == Phase.PINGING);
        assertThat(pinging.customerCallSid()).isEqualTo(called).isNotEqualTo(agentLeg);
        assertThat(pinging.droppedWorker().taskSid()).isEqualTo(placed.taskSid());
        assertThat(harness.sim.voice().callStatus(called)).isEqualTo("in-progress");

        TestSoftphone restarted = harness.agentComesBack("alice", pinging, called);
        restarted.hearsAndIsHeardBy(harness.sim, called);
        Incident restored = harness.incidents.awaitIncidentOf("alice", i -> i.phase() == Phase.RESTORED);
        assertThat(restored.attempt()).isEqualTo(1);
        assertThat(harness.taskRouter.reservationStatus(placed.taskSid(), pinging.droppedWorker().reservationSid()))
                .isEqualTo("completed");
    }
}
