package dev.lifeline.server.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lifeline.model.api.DesktopApi;
import dev.lifeline.model.codec.JsonCodec;
import dev.lifeline.model.command.AcceptReservation;
import dev.lifeline.model.command.HangUp;
import dev.lifeline.model.command.HoldParticipant;
import dev.lifeline.model.command.MuteParticipant;
import dev.lifeline.model.command.UnholdParticipant;
import dev.lifeline.model.event.ReservationRescinded;
import dev.lifeline.model.incident.Phase;
import dev.lifeline.model.reservation.ReservationStatus;
import dev.lifeline.model.command.WrapUpTask;
import dev.lifeline.model.conference.ParticipantRole;
import dev.lifeline.model.event.ConferenceChanged;
import dev.lifeline.model.event.IncidentChanged;
import dev.lifeline.model.event.ReservationOffered;
import dev.lifeline.model.event.StateSnapshot;
import dev.lifeline.model.problem.Problem;
import dev.lifeline.server.provision.WorkspaceProvisioner;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A call from offer to hang-up, and a drop, as a desktop sees them over the socket and REST, against twilio-sim. */
class CallFlowTest {

    private static DesktopFixture server;

    @BeforeAll
    static void start() {
        server = DesktopFixture.shared();
        server.quietFloor();
    }

    @AfterAll
    static void stop() {
        server.quietFloor();
        server.setActivity("alice", "Offline");
        server.setActivity("bob", "Offline");
    }

    @Test
    void anAvailableAgentIsOfferedTheCallAcceptsItIsBridgedAndHangsUpEndingTheConference() {
        server.quietFloor();
        server.setActivity("bob", "Offline");
        server.setActivity("alice", "Available");
        try (TestDesktop alice = server.desktop("alice")) {
            StateSnapshot first = Await.value("first event", () -> alice.events.isEmpty() ? null : (StateSnapshot) alice.events.get(0));
            assertThat(first.agent().identity()).isEqualTo("alice");
            assertThat(first.agent().activity()).isEqualTo("Available");

            String customer = server.customerCalls();
            ReservationOffered offer = alice.await(ReservationOffered.class);
            assertThat(offer.reservation().workerSid()).isEqualTo(server.workerSid("alice"));
            assertThat(offer.reservation().customerNumber()).isEqualTo(DesktopFixture.CUSTOMER);
            assertThat(offer.reservation().isRecoveryPing()).isFalse();
            assertThat(offer.reservation().queueName()).isEqualTo(WorkspaceProvisioner.VOICE_QUEUE);

            String reservationSid = offer.reservation().reservationSid();
            HttpResponse<String> accepted = server.post(DesktopApi.path(DesktopApi.ACCEPT_RESERVATION, reservationSid),
                    server.token("alice"), new AcceptReservation(reservationSid));
            assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(204);

            ConferenceChanged bridged = alice.await(ConferenceChanged.class, c -> c.conference().participants().size() == 2
                    && !c.conference().withRole(ParticipantRole.WORKER).isEmpty());
            String conferenceSid = bridged.conference().conferenceSid();
            assertThat(bridged.conference().participant(customer)).isPresent();
            Map<String, Object> simConference = conference(conferenceSid);
            assertThat(simConference.get("status")).isEqualTo("in-progress");
            assertThat((List<?>) simConference.get("participants")).hasSize(2);

            String alicesLeg = bridged.conference().withRole(ParticipantRole.WORKER).get(0).callSid();
            assertThat(server.post(DesktopApi.path(DesktopApi.HOLD, conferenceSid), server.token("alice"),
                    new HoldParticipant(conferenceSid, customer)).statusCode()).isEqualTo(204);
            assertThat(server.post(DesktopApi.path(DesktopApi.MUTE, conferenceSid), server.token("alice"),
                    new MuteParticipant(conferenceSid, alicesLeg, true)).statusCode()).isEqualTo(204);
            Await.until("the customer is held and alice muted in the sim", () -> flag(conferenceSid, customer, "hold")
                    && flag(conferenceSid, alicesLeg, "muted"));
            alice.await(ConferenceChanged.class, c -> c.conference().participant(customer).map(p -> p.hold()).orElse(false));
            assertThat(server.post(DesktopApi.path(DesktopApi.UNHOLD, conferenceSid), server.token("alice"),
                    new UnholdParticipant(conferenceSid, customer)).statusCode()).isEqualTo(204);
            Await.until("the customer is back from hold", () -> !flag(conferenceSid, customer, "hold"));

            HttpResponse<String> hungUp = server.post(DesktopApi.path(DesktopApi.HANG_UP, conferenceSid), server.token("alice"),
                    new HangUp(conferenceSid, offer.reservation().taskSid()));
            assertThat(hungUp.statusCode()).as(hungUp.body()).isEqualTo(204);

            Await.until("the conference ended in the sim", () -> "completed".equals(conference(conferenceSid).get("status")));
            assertThat(server.engine.incidents().openIncidentsOf(server.workerSid("alice"))).isEmpty();
        }
    }

    @Test
    void aDroppedAgentsRestartedDesktopGetsTheOpenIncidentAndThePendingPingFirstAndCannotWrapUp() {
        server.quietFloor();
        server.setActivity("alice", "Offline");
        server.setActivity("bob", "Available");
        String taskSid;
        String conferenceSid;
        try (TestDesktop bob = server.desktop("bob")) {
            bob.await(StateSnapshot.class);
            String customer = server.customerCalls();
            ReservationOffered offer = bob.await(ReservationOffered.class, o -> !o.reservation().isRecoveryPing());
            taskSid = offer.reservation().taskSid();
            assertThat(server.post(DesktopApi.path(DesktopApi.ACCEPT_RESERVATION, offer.reservation().reservationSid()),
                    server.token("bob"), new AcceptReservation(offer.reservation().reservationSid())).statusCode()).isEqualTo(204);
            ConferenceChanged bridged = bob.await(ConferenceChanged.class, c -> c.conference().participants().size() == 2
                    && !c.conference().withRole(ParticipantRole.WORKER).isEmpty());
            conferenceSid = bridged.conference().conferenceSid();
            String bobsLeg = bridged.conference().withRole(ParticipantRole.WORKER).get(0).callSid();

            // The softphone leg drops without a hang-up: Twilio reports participant_hung_up, as for a crash.
            server.sim.voice().hangUp(bobsLeg);
            IncidentChanged incident = bob.await(IncidentChanged.class);
            assertThat(incident.incident().droppedWorkerSid()).isEqualTo(server.workerSid("bob"));
            assertThat(incident.incident().customerNumber()).isEqualTo(DesktopFixture.CUSTOMER);
            assertThat(customer).isNotBlank();
        }

        Await.until("the ping is offered to bob", () -> server.hub.reservations().ofTask(pingTaskOf(conferenceSid)).stream()
                .anyMatch(r -> "pending".equals(r.status())));
        try (TestDesktop restarted = server.desktop("bob")) {
            StateSnapshot first = Await.value("first event",
                    () -> restarted.events.isEmpty() ? null : (StateSnapshot) restarted.events.get(0));
            assertThat(first.openIncident()).isNotNull();
            assertThat(first.openIncident().isOpen()).isTrue();
            assertThat(first.pendingPing()).isNotNull();
            assertThat(first.pendingPing().incidentId()).isEqualTo(first.openIncident().incidentId());

            HttpResponse<String> wrapUp = server.post(DesktopApi.path(DesktopApi.WRAP_UP_TASK, taskSid), server.token("bob"),
                    new WrapUpTask(taskSid));
            assertThat(wrapUp.statusCode()).isEqualTo(409);
            assertThat(JsonCodec.shared().decode(wrapUp.body(), Problem.class).type()).isEqualTo(Problem.CONFLICT);

            // The Reconnecting modal accepts the ping, then the reconnect reservation: the customer is back with bob.
            String ping = first.pendingPing().reservationSid();
            HttpResponse<String> pingAccepted = server.post(DesktopApi.path(DesktopApi.ACCEPT_RESERVATION, ping),
                    server.token("bob"), new AcceptReservation(ping));
            assertThat(pingAccepted.statusCode()).as(pingAccepted.body()).isEqualTo(204);
            ReservationOffered reconnect = restarted.await(ReservationOffered.class, o -> o.reservation().isReconnect());
            assertThat(reconnect.reservation().incidentId()).isEqualTo(first.openIncident().incidentId());
            String reconnectSid = reconnect.reservation().reservationSid();
            assertThat(server.post(DesktopApi.path(DesktopApi.ACCEPT_RESERVATION, reconnectSid), server.token("bob"),
                    new AcceptReservation(reconnectSid)).statusCode()).isEqualTo(204);
            IncidentChanged restored = restarted.await(IncidentChanged.class, e -> e.incident().phase() == Phase.RESTORED);
            assertThat(restored.incident().outcome()).contains("Bob Agent");
            assertThat(restored.incident().timeToReconnect()).isPresent();
        }
    }

    @Test
    void anOfferIsRescindedWhenTheCallerHangsUpWhileItRings() {
        server.quietFloor();
        server.setActivity("bob", "Offline");
        server.setActivity("alice", "Available");
        server.sim.voice().unregisterAutoAnswer(server.softphones.addressOf("alice"));
        try (TestDesktop alice = server.desktop("alice")) {
            alice.await(StateSnapshot.class);
            String customer = server.customerCalls();
            ReservationOffered offer = alice.await(ReservationOffered.class);

            server.sim.voice().hangUp(customer);

            ReservationRescinded gone = alice.await(ReservationRescinded.class,
                    r -> r.reservationSid().equals(offer.reservation().reservationSid()));
            assertThat(gone.status()).isIn(ReservationStatus.CANCELED, ReservationStatus.RESCINDED);
        } finally {
            server.sim.voice().registerAutoAnswer(server.softphones.addressOf("alice"), java.time.Duration.ZERO);
        }
    }

    private static String pingTaskOf(String conferenceSid) {
        return Await.value("the ping task", () -> server.engine.incidents().all().stream()
                .filter(i -> i.conferenceSid().equals(conferenceSid) && i.pingTaskSid() != null)
                .map(i -> i.pingTaskSid()).findFirst().orElse(null));
    }

    @SuppressWarnings("unchecked")
    private static boolean flag(String conferenceSid, String callSid, String flag) {
        return ((List<Map<String, Object>>) conference(conferenceSid).get("participants")).stream()
                .anyMatch(p -> callSid.equals(p.get("callSid")) && Boolean.TRUE.equals(p.get(flag)));
    }

    private static Map<String, Object> conference(String conferenceSid) {
        return server.simConferences().stream().filter(c -> conferenceSid.equals(c.get("sid"))).findFirst().orElseThrow();
    }
}
