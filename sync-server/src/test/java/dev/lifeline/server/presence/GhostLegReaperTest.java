package dev.lifeline.server.presence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lifeline.model.api.DesktopApi;
import dev.lifeline.model.command.LegAbandoned;
import dev.lifeline.server.conference.Participant;
import dev.lifeline.server.desktop.DesktopFixture;
import dev.lifeline.server.recovery.Incident;
import dev.lifeline.server.recovery.PartyRole;
import dev.lifeline.server.testsupport.Await;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Ghost legs (issue 13 item 3): bob's call is up over SIP with the emulator, whose media timeout is its long default
 * (300 s), so only the server can end a leg whose desktop went silent. Presence time is the fixture's clock: the
 * sweeps are driven by hand, nothing waits for wall time.
 */
class GhostLegReaperTest {

    private static final Duration LEG_GRACE = Duration.ofSeconds(12);

    private static DesktopFixture server;
    private GhostLegReaper reaper;
    private DesktopFixture.LiveCall call;

    /**
     * A fixture of its own, not the shared one: these tests move its presence clock and leave a recovery running for bob,
     * which would reach into the next test class's calls.
     */
    @BeforeAll
    static void start() {
        server = new DesktopFixture();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void bobOnACall() {
        call = server.bobOnACall();
        reaper = new GhostLegReaper(server.agents, server.module.presence(), server.engine, server.voice, LEG_GRACE);
    }

    @Test
    void aDesktopSilentForLongerThanTheLegGraceHasItsConnectedLegEndedAndTheRecoveryStarts() {
        String bobsLeg = bobsLeg().orElseThrow();
        server.module.presence().heartbeat("bob");
        server.clock.advance(LEG_GRACE.plusSeconds(1));

        assertThat(reaper.sweep()).containsExactly(bobsLeg);

        Incident incident = Await.present("an incident for bob's dropped leg", () -> server.engine.incidents().all().stream()
                .filter(i -> i.conferenceSid().equals(call.conferenceSid()) && i.droppedWorker().callSid().equals(bobsLeg))
                .findFirst());
        assertThat(incident.droppedWorker().workerSid()).isEqualTo(server.workerSid("bob"));
        assertThat(server.sim.voice().effects(bobsLeg)).containsKey("hangupViaApi");
        Await.until("the recovery pings bob", () -> server.engine.incidents().get(incident.incidentId())
                .map(Incident::pingTaskSid).isPresent());
        assertThat(server.sim.voice().callStatus(call.customerCallSid())).isEqualTo("in-progress");
    }

    @Test
    void aBlipShorterThanTheLegGraceKeepsTheCall() {
        String bobsLeg = bobsLeg().orElseThrow();
        server.module.presence().heartbeat("bob");
        server.clock.advance(LEG_GRACE.minusSeconds(4));
        assertThat(reaper.sweep()).isEmpty();
        server.module.presence().heartbeat("bob");
        server.clock.advance(LEG_GRACE.minusSeconds(4));

        assertThat(reaper.sweep()).isEmpty();

        assertThat(bobsLeg()).contains(bobsLeg);
        assertThat(server.sim.voice().callStatus(bobsLeg)).isEqualTo("in-progress");
        assertThat(server.sim.voice().effects(bobsLeg)).doesNotContainKey("hangupViaApi");
        assertThat(server.engine.incidents().openIncidentsOf(server.workerSid("bob"))).isEmpty();
    }

    /**
     * The restarted desktop (issue 14): bob's guardian started a new process within a second, which heartbeats at once,
     * so the grace would never run out — but the new process names the leg its dead predecessor held, and the server
     * ends it as a drop there and then. Naming it again, once it has ended, answers 404 and changes nothing.
     */
    @Test
    void aRestartedDesktopNamingTheLegItsDeadPredecessorHeldHasItEndedAtOnce() {
        String bobsLeg = bobsLeg().orElseThrow();
        server.module.presence().heartbeat("bob");
        assertThat(reaper.sweep()).as("bob's desktop is heard from: no ghost by silence").isEmpty();

        HttpResponse<String> answer = server.post(DesktopApi.path(DesktopApi.LEG_ABANDONED, bobsLeg), server.token("bob"),
                new LegAbandoned(bobsLeg));

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(204);
        Incident incident = Await.present("an incident for bob's abandoned leg", () -> server.engine.incidents().all()
                .stream().filter(i -> i.conferenceSid().equals(call.conferenceSid())
                        && i.droppedWorker().callSid().equals(bobsLeg)).findFirst());
        assertThat(incident.droppedWorker().workerSid()).isEqualTo(server.workerSid("bob"));
        assertThat(server.sim.voice().effects(bobsLeg)).containsKey("hangupViaApi");
        Await.until("the recovery pings bob", () -> server.engine.incidents().get(incident.incidentId())
                .map(Incident::pingTaskSid).isPresent());
        assertThat(server.sim.voice().callStatus(call.customerCallSid())).isEqualTo("in-progress");
        Await.until("bob's leg has left the conference record", () -> bobsLeg().isEmpty());

        HttpResponse<String> again = server.post(DesktopApi.path(DesktopApi.LEG_ABANDONED, bobsLeg), server.token("bob"),
                new LegAbandoned(bobsLeg));
        assertThat(again.statusCode()).as("an ended leg is unknown").isEqualTo(404);
        assertThat(server.engine.incidents().openIncidentsOf(server.workerSid("bob"))).hasSize(1);
    }

    private Optional<String> bobsLeg() {
        return server.engine.conferences().get(call.conferenceSid()).flatMap(record -> record.participants().values()
                .stream().filter(p -> p.present() && p.role() == PartyRole.WORKER).map(Participant::callSid).findFirst());
    }
}
