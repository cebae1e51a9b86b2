package dev.lifeline.server.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lifeline.model.agent.Activity;
import dev.lifeline.model.api.DesktopApi;
import dev.lifeline.model.auth.EventsTicket;
import dev.lifeline.model.auth.LoginRequest;
import dev.lifeline.model.auth.LoginResponse;
import dev.lifeline.model.auth.ResumeRequest;
import dev.lifeline.model.auth.RevokeDevice;
import dev.lifeline.model.codec.JsonCodec;
import dev.lifeline.model.command.AcceptReservation;
import dev.lifeline.model.command.CancelIncident;
import dev.lifeline.model.command.ClientCommand;
import dev.lifeline.model.command.CompleteTask;
import dev.lifeline.model.command.HangUp;
import dev.lifeline.model.command.HoldParticipant;
import dev.lifeline.model.command.MuteParticipant;
import dev.lifeline.model.command.LegAbandoned;
import dev.lifeline.model.command.PhoneReady;
import dev.lifeline.model.command.RejectReservation;
import dev.lifeline.model.command.SetActivity;
import dev.lifeline.model.command.UnholdParticipant;
import dev.lifeline.model.command.WrapUpTask;
import dev.lifeline.model.command.AddParty;
import dev.lifeline.model.command.CancelTransfer;
import dev.lifeline.model.command.CompleteTransfer;
import dev.lifeline.model.command.RemoveParty;
import dev.lifeline.model.command.TransferCall;
import dev.lifeline.model.event.ProblemReported;
import dev.lifeline.model.event.StateSnapshot;
import dev.lifeline.model.problem.Problem;
import dev.lifeline.server.auth.SocketTickets;
import dev.lifeline.server.desktop.CommandRoute;
import dev.lifeline.server.desktop.DesktopFixture;
import dev.lifeline.server.desktop.TestDesktop;
import dev.lifeline.server.testsupport.Await;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The desktop API's authorisation matrix (issue #7 item 6, issue 22), one place for every row: generated from
 * {@link CommandRoute#ALL}, sent as REST calls and as WebSocket commands, with bob on a live call. Axes: resource
 * {bob's own, an unknown id} (plus the supervisor-only cancel and snapshot, and the session routes: refresh, socket
 * ticket, logout) × caller {another agent (alice), the supervisor (sam), and every forged or stale token
 * ({@link ForgedTokens}: none at all, {@code alg=none}, stripped signature, another server's key, expired, tampered …)
 * made from bob's (the owner's) and from alice's token}. Every forged token is 401 on every endpoint, the session
 * routes included; every used, expired, made-up or revoked ticket is 401 at the socket upgrade; every wrong-role
 * command is 403 and every cross-agent one 404, the very answer an unknown id gets (a 403 would confirm that the id
 * is live), over REST and over the socket; a body naming another resource than its path, or malformed, is 400 naming
 * the field; nothing about bob's call changes. Bob's own token on his own call is accepted (hold, mute); an agent's
 * own resources answering 2xx otherwise is what the flow tests show.
 *
 * <p>This class merges {@code desktop/AuthorisationMatrixTest} (REST, valid and forged tokens of alice) and
 * {@code hostile/HostileAuthorisationMatrixTest} (forged tokens of bob, tickets, the socket): every row of both is here,
 * counted by the exact-size assertions below.
 */
class AuthorisationMatrixTest {

    private static final String UNKNOWN_RESERVATION = "WR00000000000000000000000000000000";
    private static final String UNKNOWN_TASK = "WT00000000000000000000000000000000";
    private static final String UNKNOWN_CONFERENCE = "CF00000000000000000000000000000000";
    private static final String UNKNOWN_CALL = "CA00000000000000000000000000000000";
    private static final String UNKNOWN_INCIDENT = "CF00000000000000000000000000000000:CA0";
    /** The session's own routes: a forged token may neither refresh, end nor open a socket for a session. */
    private static final List<String> SESSION_ROUTES = List.of(DesktopApi.TOKEN_REFRESH, DesktopApi.LOGOUT, DesktopApi.EVENTS_TICKET,
            DesktopApi.SIGN_OUT);
    /** Issue 14: a device nobody has (revoking one is 404 to a supervisor, 403 to an agent). */
    private static final String UNKNOWN_DEVICE = "00000000-0000-0000-0000-000000000000";

    private static DesktopFixture server;
    private static String bobsReservation;
    private static String bobsTask;
    private static String bobsConference;
    private static String customerCall;
    private static String bobsLeg;

    enum Resource { BOBS, UNKNOWN }

    enum Caller { OTHER_AGENT, SUPERVISOR }

    /** Whose real token a forgery starts from: the owner of the resources, or another agent. */
    private static final List<String> FORGED_FROM = List.of("bob", "alice");

    @BeforeAll
    static void bobIsOnACall() {
        server = DesktopFixture.shared();
        DesktopFixture.LiveCall call = server.bobOnACall();
        bobsReservation = call.reservationSid();
        bobsTask = call.taskSid();
        bobsConference = call.conferenceSid();
        customerCall = call.customerCallSid();
        bobsLeg = participants().stream().map(p -> (String) p.get("callSid")).filter(sid -> !customerCall.equals(sid))
                .findFirst().orElseThrow();
    }

    @AfterAll
    static void hangUp() {
        server.endBobsCall();
    }

    @Test
    void everyRestCallOfAnotherAgentOrTheSupervisorIsAnsweredAsTheirRoleSaysAndChangesNothing() {
        Map<String, Object> before = bobsWorld();
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (Caller caller : Caller.values()) {
            String identity = identityOf(caller);
            for (CommandRoute<?> route : CommandRoute.ALL) {
                for (Resource resource : Resource.values()) {
                    if (route.pathParam() == null && (resource == Resource.UNKNOWN || caller == Caller.OTHER_AGENT)) {
                        continue; // alice's own activity is hers to set (a 204, shown by the flow tests)
                    }
                    ClientCommand command = command(route, resource);
                    int expected = expected(route, resource, caller);
                    HttpResponse<String> response = server.post(path(route, command), server.token(identity), command);
                    checked++;
                    if (!isProblem(response, expected)) {
                        wrong.add(caller + " " + route.path() + " " + resource + ": expected " + expected + " got "
                                + response.statusCode() + " " + response.body());
                    }
                }
            }
            // Issue 14: the caller's own devices for everyone; bob's devices for the supervisor only.
            Map<String, Integer> reads = Map.of(DesktopApi.SUPERVISOR_SNAPSHOT, caller == Caller.SUPERVISOR ? 200 : 403,
                    DesktopApi.MY_STATE, caller == Caller.OTHER_AGENT ? 200 : 403,
                    DesktopApi.MY_DEVICES, 200,
                    DesktopApi.path(DesktopApi.AGENT_DEVICES, "bob"), caller == Caller.SUPERVISOR ? 200 : 403);
            for (Map.Entry<String, Integer> read : reads.entrySet()) {
                checked++;
                HttpResponse<String> response = server.get(read.getKey(), server.token(identity));
                if (response.statusCode() != read.getValue()) {
                    wrong.add(caller + " GET " + read.getKey() + ": expected " + read.getValue() + " got " + response.statusCode());
                } else if (read.getKey().equals(DesktopApi.MY_DEVICES)
                        && !response.body().contains("\"identity\":\"" + identity + "\"")) {
                    wrong.add(caller + " GET " + read.getKey() + ": another user's devices " + response.body());
                }
            }
            // Revoking a device of bob's: the supervisor's action (404 for a device bob does not have), never an agent's.
            int expectedRevoke = caller == Caller.SUPERVISOR ? 404 : 403;
            checked++;
            HttpResponse<String> revoke = server.post(DesktopApi.path(DesktopApi.REVOKE_AGENT_DEVICE, "bob"),
                    server.token(identity), new RevokeDevice(UNKNOWN_DEVICE));
            if (!isProblem(revoke, expectedRevoke)) {
                wrong.add(caller + " POST revoke bob's device: expected " + expectedRevoke + " got " + revoke.statusCode());
            }
            // The SIP account: the caller's own only (alice's token gets alice's, sam's his: supervisors listen in on a
            // phone of their own since issue 18).
            int expectedPhone = 200;
            checked++;
            HttpResponse<String> phone = server.get(DesktopApi.MY_SOFTPHONE, server.token(identity));
            boolean own = phone.body().contains("\"authUser\":\"" + identity + "\"");
            if (phone.statusCode() != expectedPhone || !own
                    || (expectedPhone != 200 && !isProblem(phone, expectedPhone))) {
                wrong.add(caller + " GET softphone: expected " + expectedPhone + " got " + phone.statusCode() + " "
                        + (phone.statusCode() == 200 ? "for another user" : phone.body()));
            }
            for (Map.Entry<String, Integer> route : Map.of(DesktopApi.TOKEN_REFRESH, 200, DesktopApi.EVENTS_TICKET, 200,
                    DesktopApi.LOGOUT, 204, DesktopApi.SIGN_OUT, 204).entrySet()) {
                // Each with a token of its own: a refresh retires its token and a logout ends its session.
                checked++;
                HttpResponse<String> response = server.post(route.getKey(), server.token(identity), "");
                if (response.statusCode() != route.getValue()) {
                    wrong.add(caller + " POST " + route.getKey() + ": expected " + route.getValue() + " got " + response.statusCode());
                }
            }
        }
        System.out.println("authorisation matrix (REST, other agent / supervisor): " + checked + " checked, "
                + wrong.size() + " wrong");
        assertThat(wrong).isEmpty();
        // Per caller: the routes with a resource id × 2 resources (+ the supervisor's activity), 5 reads (state,
        // snapshot, softphone, own devices, bob's devices), the device revocation, 4 session routes.
        assertThat(checked).isEqualTo(2 * ((CommandRoute.ALL.size() - 1) * 2 + 5 + 1 + SESSION_ROUTES.size()) + 1);
        assertThat(bobsWorld()).isEqualTo(before);
    }

    @Test
    void everyForgedOrStaleTokenIsRefusedWith401OnEveryEndpointAndChangesNothing() {
        Map<String, Object> before = bobsWorld();
        List<String> wrong = new ArrayList<>();
        int refused = 0;
        for (String holder : FORGED_FROM) {
            for (ForgedTokens forgery : ForgedTokens.values()) {
                String token = forgery.against(server, holder);
                String forged = forgery + " of " + holder;
                for (CommandRoute<?> route : CommandRoute.ALL) {
                    for (Resource resource : Resource.values()) {
                        if (route.pathParam() == null && resource == Resource.UNKNOWN) {
                            continue;
                        }
                        ClientCommand command = command(route, resource);
                        HttpResponse<String> response = server.post(path(route, command), token, command);
                        if (isProblem(response, 401)) {
                            refused++;
                        } else {
                            wrong.add(forged + " " + route.path() + " " + resource + ": " + response.statusCode() + " " + response.body());
                        }
                    }
                }
                for (String read : List.of(DesktopApi.MY_STATE, DesktopApi.SUPERVISOR_SNAPSHOT, DesktopApi.MY_SOFTPHONE,
                        DesktopApi.MY_DEVICES, DesktopApi.path(DesktopApi.AGENT_DEVICES, "bob"))) {
                    HttpResponse<String> response = server.get(read, token);
                    if (isProblem(response, 401)) {
                        refused++;
                    } else {
                        wrong.add(forged + " GET " + read + ": " + response.statusCode() + " " + response.body());
                    }
                }
                HttpResponse<String> revoke = server.post(DesktopApi.path(DesktopApi.REVOKE_AGENT_DEVICE, "bob"), token,
                        new RevokeDevice(UNKNOWN_DEVICE));
                if (isProblem(revoke, 401)) {
                    refused++;
                } else {
                    wrong.add(forged + " POST revoke bob's device: " + revoke.statusCode() + " " + revoke.body());
                }
                for (String sessionRoute : SESSION_ROUTES) {
                    HttpResponse<String> response = server.post(sessionRoute, token, "");
                    if (isProblem(response, 401)) {
                        refused++;
                    } else {
                        wrong.add(forged + " POST " + sessionRoute + ": " + response.statusCode() + " " + response.body());
                    }
                }
            }
        }
        System.out.println("authorisation matrix (forged/stale tokens, REST): " + refused + " refused with 401, "
                + wrong.size() + " wrong");
        assertThat(wrong).isEmpty();
        assertThat(refused).isEqualTo(FORGED_FROM.size() * ForgedTokens.values().length
                * (CommandRoute.ALL.size() * 2 - 1 + 5 + 1 + SESSION_ROUTES.size()));
        assertThat(bobsWorld()).isEqualTo(before);
    }

    @Test
    void aBodyNamingAnotherResourceThanThePathIs400NamingTheField() {
        HttpResponse<String> response = server.post(DesktopApi.path(DesktopApi.WRAP_UP_TASK, bobsTask), server.token("bob"),
                new WrapUpTask(UNKNOWN_TASK));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(problemOf(response).errors()).containsKey("taskSid");
    }

    @Test
    void aMalformedBodyIs400NamingTheFieldAndChangesNothing() {
        HttpResponse<String> response = server.post(DesktopApi.path(DesktopApi.MUTE, bobsConference), server.token("bob"),
                "{\"conferenceSid\":\"" + bobsConference + "\",\"callSid\":\"" + customerCall + "\",\"muted\":\"yes\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(problemOf(response).errors()).containsKey("muted");
        assertThat(participants()).allSatisfy(p -> assertThat(p.get("muted")).isEqualTo(false));
    }

    @Test
    void everyForgedOrStaleTokenIsRefusedATicketForTheSocket() {
        List<String> wrong = new ArrayList<>();
        int refused = 0;
        for (ForgedTokens forgery : ForgedTokens.values()) {
            for (String identity : List.of("bob", "sam")) {
                int status = TestDesktop.requestTicket(server.http, server.baseUrl, forgery.against(server, identity)).statusCode();
                if (status == 401) {
                    refused++;
                } else {
                    wrong.add(forgery + " as " + identity + ": ticket " + status);
                }
            }
        }
        System.out.println("authorisation matrix (forged/stale tokens, socket ticket): " + refused + " refused with 401, "
                + wrong.size() + " wrong");
        assertThat(wrong).isEmpty();
        assertThat(upgradeStatus(server.ticket("bob"))).as("the owner's real token gets a ticket that opens the socket").isNull();
    }

    /**
     * Issue 14: the resume route takes no bearer token, so its credential is the whole proof. Made-up, empty, a bearer
     * token, another device's, a replayed one: 401 (or 400 for one that is not even a credential's shape), and no
     * session comes of it.
     */
    @Test
    void everyForgedOrReplayedResumeCredentialIsRefused() {
        String device = "matrix-" + UUID.randomUUID();
        LoginResponse signedIn = JsonCodec.shared().decode(server.post(DesktopApi.LOGIN, null,
                new LoginRequest("bob", "bob-demo", device, null)).body(), LoginResponse.class);
        String credential = signedIn.resume().credential();
        String otherDevice = "matrix-" + UUID.randomUUID();
        String otherCredential = JsonCodec.shared().decode(server.post(DesktopApi.LOGIN, null,
                new LoginRequest("alice", "alice-demo", otherDevice, null)).body(), LoginResponse.class).resume().credential();
        Map<String, ResumeRequest> forged = new LinkedHashMap<>();
        forged.put("made up", new ResumeRequest(device, "A".repeat(43)));
        forged.put("a bearer token", new ResumeRequest(device, signedIn.token()));
        forged.put("alice's credential from bob's device", new ResumeRequest(device, otherCredential));
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<String, ResumeRequest> attempt : forged.entrySet()) {
            HttpResponse<String> response = server.post(DesktopApi.RESUME, null, attempt.getValue());
            if (!isProblem(response, 401)) {
                wrong.add(attempt.getKey() + ": " + response.statusCode() + " " + response.body());
            }
        }
        HttpResponse<String> unauthenticatedList = server.get(DesktopApi.MY_DEVICES, null);
        HttpResponse<String> noBody = server.post(DesktopApi.RESUME, null, "{}");
        HttpResponse<String> used = server.post(DesktopApi.RESUME, null, new ResumeRequest(device, credential));
        HttpResponse<String> replayed = server.post(DesktopApi.RESUME, null, new ResumeRequest(device, credential));

        assertThat(wrong).isEmpty();
        assertThat(isProblem(unauthenticatedList, 401)).isTrue();
        assertThat(isProblem(noBody, 400)).as(noBody.body()).isTrue();
        assertThat(used.statusCode()).as("bob's own credential from his own device").isEqualTo(200);
        assertThat(isProblem(replayed, 401)).as("the same credential again").isTrue();
        assertThat(server.get(DesktopApi.MY_STATE, JsonCodec.shared().decode(used.body(), LoginResponse.class).token())
                .statusCode()).as("the replay ended the session the first use started").isEqualTo(401);
    }

    /** Tickets an attacker may hold: one from a proxy log (used), a stale one, one of a session since signed out … */
    enum BadTicket { NONE, MADE_UP, THE_BEARER_TOKEN_ITSELF, ALREADY_USED, EXPIRED, OF_A_SIGNED_OUT_SESSION, OF_A_REFRESHED_TOKEN }

    @Test
    void everyUsedExpiredOrMadeUpTicketIsRefusedAtTheSocketUpgrade() {
        List<String> wrong = new ArrayList<>();
        for (BadTicket bad : BadTicket.values()) {
            for (String identity : List.of("bob", "sam")) {
                Integer status = upgradeStatus(badTicket(bad, identity));
                if (status == null || status != 401) {
                    wrong.add(bad + " as " + identity + ": upgrade " + (status == null ? "ACCEPTED" : status));
                }
            }
        }
        System.out.println("authorisation matrix (bad tickets, WebSocket upgrade): " + (BadTicket.values().length * 2 - wrong.size())
                + " refused with 401, " + wrong.size() + " wrong");
        assertThat(wrong).isEmpty();
    }

    @Test
    void everySocketCommandOnAnotherAgentsOrAnUnknownResourceIsRefusedAndChangesNothing() {
        Map<String, Object> before = bobsWorld();
        List<String> wrong = new ArrayList<>();
        int refused = 0;
        for (Caller caller : Caller.values()) {
            try (TestDesktop desktop = server.desktop(identityOf(caller))) {
                Await.until("the first event on the socket", () -> !desktop.events.isEmpty());
                for (CommandRoute<?> route : CommandRoute.ALL) {
                    for (Resource resource : Resource.values()) {
                        if (route.pathParam() == null && (resource == Resource.UNKNOWN || caller == Caller.OTHER_AGENT)) {
                            continue; // alice's own activity is hers to set; shown by the flow tests
                        }
                        ClientCommand command = command(route, resource);
                        int expected = expected(route, resource, caller);
                        long problemsBefore = problems(desktop).size();
                        desktop.send(JsonCodec.shared().encode(command));
                        Integer status = awaitProblem(desktop, problemsBefore);
                        if (status != null && status == expected) {
                            refused++;
                        } else {
                            wrong.add(caller + " " + route.body().getSimpleName() + " " + resource + ": expected " + expected
                                    + " got " + (status == null ? "NO REFUSAL" : status));
                        }
                    }
                }
            }
        }
        System.out.println("authorisation matrix (WebSocket commands, other agent / supervisor): " + refused
                + " refused, " + wrong.size() + " wrong");
        assertThat(wrong).isEmpty();
        assertThat(refused).isEqualTo(CommandRoute.ALL.size() * 4 - 3);
        assertThat(bobsWorld()).isEqualTo(before);
    }

    /**
     * Issue 22: a 403 for bob's ids and a 404 for unknown ones let any agent find out which reservations, tasks
     * and conferences are live. Every answer to alice about bob's resource must read exactly as the answer about an
     * id nobody has, over REST and over the socket, once the id itself is set aside.
     */
    @Test
    void anotherAgentsResourceAnswersExactlyAsAnUnknownOne() {
        Map<String, Object> before = bobsWorld();
        List<String> different = new ArrayList<>();
        int compared = 0;
        String alice = server.token("alice");
        try (TestDesktop desktop = server.desktop("alice")) {
            Await.until("the first event on the socket", () -> !desktop.events.isEmpty());
            for (CommandRoute<?> route : CommandRoute.ALL) {
                if (route.pathParam() == null || route.body() == CancelIncident.class) {
                    continue; // no resource id (alice's activity), or refused by role whatever the id
                }
                ClientCommand bobs = command(route, Resource.BOBS);
                ClientCommand unknown = command(route, Resource.UNKNOWN);
                String overRestAboutBobs = anonymous(problemOf(server.post(path(route, bobs), alice, bobs)), route, bobs);
                String overRestUnknown = anonymous(problemOf(server.post(path(route, unknown), alice, unknown)), route, unknown);
                String overSocketAboutBobs = anonymous(socketProblem(desktop, bobs), route, bobs);
                String overSocketUnknown = anonymous(socketProblem(desktop, unknown), route, unknown);
                compared += 2;
                if (!overRestAboutBobs.equals(overRestUnknown)) {
                    different.add("REST " + route.path() + ": bob's " + overRestAboutBobs + " vs unknown " + overRestUnknown);
                }
                if (!overSocketAboutBobs.equals(overSocketUnknown)) {
                    different.add("socket " + route.body().getSimpleName() + ": bob's " + overSocketAboutBobs
                            + " vs unknown " + overSocketUnknown);
                }
            }
        }
        assertThat(different).isEmpty();
        assertThat(compared).isEqualTo((CommandRoute.ALL.size() - 2) * 2);
        assertThat(bobsWorld()).isEqualTo(before);
    }

    @Test
    void supervisorOnlyCommandsAreRefusedToTheOwnerAgentOverRestAndSocket() {
        Map<String, Object> before = bobsWorld();
        CancelIncident cancel = new CancelIncident(UNKNOWN_INCIDENT, "agent tries a supervisor command");

        HttpResponse<String> rest = server.post(DesktopApi.path(DesktopApi.CANCEL_INCIDENT, cancel.incidentId()),
                server.token("bob"), cancel);
        HttpResponse<String> snapshot = server.get(DesktopApi.SUPERVISOR_SNAPSHOT, server.token("bob"));
        HttpResponse<String> ownDevicesAsSupervisor = server.get(DesktopApi.path(DesktopApi.AGENT_DEVICES, "bob"), server.token("bob"));
        HttpResponse<String> revokeOwnDevice = server.post(DesktopApi.path(DesktopApi.REVOKE_AGENT_DEVICE, "bob"),
                server.token("bob"), new RevokeDevice(UNKNOWN_DEVICE));
        Integer overSocket;
        try (TestDesktop bob = server.desktop("bob")) {
            bob.await(StateSnapshot.class);
            long problemsBefore = problems(bob).size();
            bob.send(JsonCodec.shared().encode(cancel));
            overSocket = awaitProblem(bob, problemsBefore);
        }

        assertThat(rest.statusCode()).isEqualTo(403);
        assertThat(snapshot.statusCode()).isEqualTo(403);
        assertThat(ownDevicesAsSupervisor.statusCode()).as("the supervisor's device list, even of himself").isEqualTo(403);
        assertThat(revokeOwnDevice.statusCode()).as("the supervisor's revocation, even of his own device").isEqualTo(403);
        assertThat(overSocket).isEqualTo(403);
        assertThat(bobsWorld()).isEqualTo(before);
    }

    @Test
    void theOwnerMayHoldAndMuteHisOwnCustomerOverRestAndSocket() {
        String token = server.token("bob");
        assertThat(server.post(DesktopApi.path(DesktopApi.HOLD, bobsConference), token,
                new HoldParticipant(bobsConference, customerCall)).statusCode() / 100).isEqualTo(2);
        Await.until("the customer on hold", () -> Boolean.TRUE.equals(customer().get("hold")));
        assertThat(server.post(DesktopApi.path(DesktopApi.UNHOLD, bobsConference), token,
                new UnholdParticipant(bobsConference, customerCall)).statusCode() / 100).isEqualTo(2);
        Await.until("the customer off hold", () -> Boolean.FALSE.equals(customer().get("hold")));

        try (TestDesktop bob = server.desktop("bob")) {
            bob.await(StateSnapshot.class);
            bob.send(JsonCodec.shared().encode(new MuteParticipant(bobsConference, customerCall, true)));
            Await.until("the customer muted over the socket", () -> Boolean.TRUE.equals(customer().get("muted")));
            bob.send(JsonCodec.shared().encode(new MuteParticipant(bobsConference, customerCall, false)));
            Await.until("the customer unmuted over the socket", () -> Boolean.FALSE.equals(customer().get("muted")));
            assertThat(problems(bob)).as("the owner's own commands are not refused").isEmpty();
        }
    }

    /**
     * {@code POST /api/me/calls} (issue 18): the caller's own call only, so the rows are by caller, not resource.
     * Every forged or stale token 401; the supervisor, who has no worker and no phone, 403; the owner on his live
     * call 409; another agent who is not Available 409; a number that is not E.164 400 naming {@code to} (checked
     * before the agent's state, so it is 400 whoever sends it). Nothing is dialled, bob's call is untouched. An
     * agent's own call answering 202 is {@code outbound/OutboundCallTest}.
     */
    @Test
    void placingACallIsRefusedToForgedTokensSupervisorsBusyOrUnavailableAgentsAndBadNumbers() {
        Map<String, Object> before = bobsWorld();
        int callsBefore = simCallCount();
        String number = "{\"to\":\"+15551230002\"}";
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (String holder : FORGED_FROM) {
            for (ForgedTokens forgery : ForgedTokens.values()) {
                checked++;
                HttpResponse<String> response = server.post(DesktopApi.MY_CALLS, forgery.against(server, holder), number);
                if (!isProblem(response, 401)) {
                    wrong.add(forgery + " of " + holder + ": " + response.statusCode() + " " + response.body());
                }
            }
        }
        Map<String, Integer> byCaller = Map.of("sam", 403, "bob", 409, "alice", 409);
        for (Map.Entry<String, Integer> caller : byCaller.entrySet()) {
            checked++;
            HttpResponse<String> response = server.post(DesktopApi.MY_CALLS, server.token(caller.getKey()), number);
            if (!isProblem(response, caller.getValue())) {
                wrong.add(caller.getKey() + ": expected " + caller.getValue() + " got " + response.statusCode() + " " + response.body());
            }
        }
        for (String identity : List.of("alice", "bob")) {
            for (String bad : List.of("{\"to\":\"0044 20 7946 0000\"}", "{\"to\":\"+1555\u00e9\"}", "{\"to\":null}", "[]")) {
                checked++;
                HttpResponse<String> response = server.post(DesktopApi.MY_CALLS, server.token(identity), bad);
                if (!isProblem(response, 400) || (bad.startsWith("{") && !problemOf(response).errors().containsKey("to"))) {
                    wrong.add(identity + " " + bad + ": expected 400 naming to, got " + response.statusCode() + " " + response.body());
                }
            }
        }
        System.out.println("authorisation matrix (outbound calls): " + checked + " checked, " + wrong.size() + " wrong");
        assertThat(wrong).isEmpty();
        assertThat(checked).isEqualTo(FORGED_FROM.size() * ForgedTokens.values().length + 3 + 2 * 4);
        assertThat(simCallCount()).as("nothing dialled").isEqualTo(callsBefore);
        assertThat(bobsWorld()).isEqualTo(before);
    }

    /**
     * Listen, whisper, barge and leave (issue 18 item 3), on bob's live call: every forged or stale token 401; an agent,
     * bob on his own call as much as alice, 403; the supervisor on a call the server does not know 404, and whispering or
     * barging before listening 409. The supervisor's own listen is 202 and puts his phone on the call muted and coaching
     * bob; his leave is 202 and takes it off again, leaving bob's call as it was.
     */
    @Test
    void listeningInIsTheSupervisorsAloneAndACallNobodyKnowsIsNotFound() {
        Map<String, Object> before = bobsWorld();
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        List<String> routes = List.of(DesktopApi.LISTEN, DesktopApi.WHISPER, DesktopApi.BARGE, DesktopApi.LEAVE_CALL);
        record Row(String who, String token, String path, int expected) {
        }
        for (String route : routes) {
            String onBobsCall = DesktopApi.path(route, bobsConference);
            List<Row> rows = new ArrayList<>();
            for (String holder : FORGED_FROM) {
                for (ForgedTokens forgery : ForgedTokens.values()) {
                    rows.add(new Row(forgery + " of " + holder, forgery.against(server, holder), onBobsCall, 401));
                }
            }
            rows.add(new Row("bob on his own call", server.token("bob"), onBobsCall, 403));
            rows.add(new Row("alice", server.token("alice"), onBobsCall, 403));
            rows.add(new Row("sam on an unknown call", server.token("sam"), DesktopApi.path(route, UNKNOWN_CONFERENCE), 404));
            if (route.equals(DesktopApi.WHISPER) || route.equals(DesktopApi.BARGE)) {
                rows.add(new Row("sam before listening", server.token("sam"), onBobsCall, 409));
            }
            for (Row row : rows) {
                checked++;
                HttpResponse<String> response = server.post(row.path(), row.token(), "");
                if (!isProblem(response, row.expected())) {
                    wrong.add(row.who() + " " + route + ": expected " + row.expected() + " got " + response.statusCode() + " "
                            + response.body());
                }
            }
        }
        System.out.println("authorisation matrix (listen, whisper, barge, leave): " + checked + " checked, " + wrong.size()
                + " wrong");
        assertThat(wrong).isEmpty();
        assertThat(checked).isEqualTo(routes.size() * (FORGED_FROM.size() * ForgedTokens.values().length + 3) + 2);
        assertThat(bobsWorld()).isEqualTo(before);

        server.phoneOn("sam");
        assertThat(server.post(DesktopApi.path(DesktopApi.LISTEN, bobsConference), server.token("sam"), "").statusCode())
                .isEqualTo(202);
        Await.until("sam on bob's call, muted and coaching", () -> participants().stream().anyMatch(p ->
                "supervisor~sam".equals(p.get("label")) && "connected".equals(p.get("status"))
                        && Boolean.TRUE.equals(p.get("muted")) && Boolean.TRUE.equals(p.get("coaching"))));
        assertThat(server.post(DesktopApi.path(DesktopApi.LEAVE_CALL, bobsConference), server.token("sam"), "").statusCode())
                .isEqualTo(202);
        Await.until("sam off bob's call, which is as it was", () -> bobsWorld().equals(before));
    }

    /**
     * Issue 18 item 2, the call controls on bob's own call: every refusal is a problem naming what is wrong and changes
     * nothing (no leg dialled, no task made, bob's call as it was). The rows for another agent (404, as an unknown
     * conference), the supervisor (403: a supervisor has no worker and no call to control; listening in is the
     * supervisor's own control) and every forged token (401) come from {@link CommandRoute#ALL} in the tests above.
     */
    @Test
    void theCallControlsRefuseBadInputOnTheOwnersOwnCallAndChangeNothing() {
        Map<String, Object> before = bobsWorld();
        int callsBefore = simCallCount();
        String conference = "\"conferenceSid\":\"" + bobsConference + "\"";
        Map<String, Object[]> rows = new LinkedHashMap<>();
        rows.put("a number that is not E.164", new Object[] {DesktopApi.ADD_PARTY, "{" + conference + ",\"to\":\"12\"}", 400, "to"});
        rows.put("a number and an agent", new Object[] {DesktopApi.ADD_PARTY,
                "{" + conference + ",\"to\":\"+15551230002\",\"agent\":\"alice\"}", 400, "to"});
        rows.put("an agent nobody is", new Object[] {DesktopApi.ADD_PARTY, "{" + conference + ",\"agent\":\"nobody\"}", 404, null});
        rows.put("a party not on the call", new Object[] {DesktopApi.REMOVE_PARTY,
                "{" + conference + ",\"callSid\":\"CA00000000000000000000000000000000\"}", 404, null});
        rows.put("the customer", new Object[] {DesktopApi.REMOVE_PARTY, "{" + conference + ",\"callSid\":\"" + customerCall + "\"}", 409, null});
        rows.put("bob himself", new Object[] {DesktopApi.TRANSFER, "{" + conference + ",\"agent\":\"bob\",\"warm\":false}", 409, null});
        rows.put("a transfer to nobody", new Object[] {DesktopApi.TRANSFER, "{" + conference + ",\"agent\":\"nobody\",\"warm\":true}", 404, null});
        rows.put("a queue nobody has", new Object[] {DesktopApi.TRANSFER, "{" + conference + ",\"queue\":\"Nowhere\",\"warm\":false}", 404, null});
        rows.put("a warm transfer to a queue", new Object[] {DesktopApi.TRANSFER,
                "{" + conference + ",\"queue\":\"Everyone\",\"warm\":true}", 400, "warm"});
        rows.put("neither agent nor queue", new Object[] {DesktopApi.TRANSFER, "{" + conference + ",\"warm\":false}", 400, "agent"});
        rows.put("completing no transfer", new Object[] {DesktopApi.COMPLETE_TRANSFER, "{" + conference + "}", 409, null});
        rows.put("cancelling no transfer", new Object[] {DesktopApi.CANCEL_TRANSFER, "{" + conference + "}", 409, null});
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<String, Object[]> row : rows.entrySet()) {
            String template = (String) row.getValue()[0];
            int expected = (Integer) row.getValue()[2];
            String field = (String) row.getValue()[3];
            HttpResponse<String> response = server.post(DesktopApi.path(template, bobsConference), server.token("bob"),
                    (String) row.getValue()[1]);
            if (!isProblem(response, expected) || (field != null && !problemOf(response).errors().containsKey(field))) {
                wrong.add(row.getKey() + ": expected " + expected + (field == null ? "" : " naming " + field) + ", got "
                        + response.statusCode() + " " + response.body());
            }
        }
        System.out.println("authorisation matrix (call controls, bad input): " + rows.size() + " checked, " + wrong.size() + " wrong");
        assertThat(wrong).isEmpty();
        assertThat(simCallCount()).as("nothing dialled").isEqualTo(callsBefore);
        assertThat(bobsWorld()).isEqualTo(before);
    }

    /**
     * {@code /api/me/callbacks} (issue 20): the caller's own callbacks only, so rows are by caller. Every forged or stale
     * token 401 on both methods; the supervisor, who has no worker, 403; a number that is not E.164, a past time or an
     * unknown zone 400 naming the field; nothing is kept, nothing dialled, bob's call is untouched. An agent's own
     * callback answering 201 is {@code callbacks/ScheduledCallbackTest}.
     */
    @Test
    void schedulingACallbackIsRefusedToForgedTokensSupervisorsAndBadInput() {
        Map<String, Object> before = bobsWorld();
        int callsBefore = simCallCount();
        int callbacksBefore = server.callbacks.all().size();
        String body = "{\"number\":\"+15551230002\",\"dueAt\":\"2099-01-01T09:00\"}";
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (String holder : FORGED_FROM) {
            for (ForgedTokens forgery : ForgedTokens.values()) {
                checked += 2;
                HttpResponse<String> post = server.post(DesktopApi.MY_CALLBACKS, forgery.against(server, holder), body);
                HttpResponse<String> list = server.get(DesktopApi.MY_CALLBACKS, forgery.against(server, holder));
                if (!isProblem(post, 401) || !isProblem(list, 401)) {
                    wrong.add(forgery + " of " + holder + ": " + post.statusCode() + "/" + list.statusCode());
                }
            }
        }
        checked += 2;
        if (!isProblem(server.post(DesktopApi.MY_CALLBACKS, server.token("sam"), body), 403)
                || !isProblem(server.get(DesktopApi.MY_CALLBACKS, server.token("sam")), 403)) {
            wrong.add("sam was not refused with 403");
        }
        Map<String, String> bad = Map.of(
                "{\"number\":\"0044 20 7946 0000\",\"dueAt\":\"2099-01-01T09:00\"}", "number",
                "{\"number\":\"+15551230002\",\"dueAt\":\"2000-01-01T09:00\"}", "dueAt",
                "{\"number\":\"+15551230002\",\"dueAt\":\"tomorrow\"}", "dueAt",
                "{\"number\":\"+15551230002\",\"dueAt\":\"2099-01-01T09:00\",\"zone\":\"Nowhere/Else\"}", "zone");
        for (String identity : List.of("alice", "bob")) {
            for (Map.Entry<String, String> request : bad.entrySet()) {
                checked++;
                HttpResponse<String> response = server.post(DesktopApi.MY_CALLBACKS, server.token(identity), request.getKey());
                if (!isProblem(response, 400) || !problemOf(response).errors().containsKey(request.getValue())) {
                    wrong.add(identity + " " + request.getKey() + ": expected 400 naming " + request.getValue() + ", got "
                            + response.statusCode() + " " + response.body());
                }
            }
        }
        System.out.println("authorisation matrix (callbacks): " + checked + " checked, " + wrong.size() + " wrong");
        assertThat(wrong).isEmpty();
        assertThat(checked).isEqualTo(FORGED_FROM.size() * ForgedTokens.values().length * 2 + 2 + 2 * 4);
        assertThat(server.callbacks.all()).as("nothing kept").hasSize(callbacksBefore);
        assertThat(simCallCount()).as("nothing dialled").isEqualTo(callsBefore);
        assertThat(bobsWorld()).isEqualTo(before);
    }

    /**
     * {@code /api/callbacks} (issue 20 item 6): the queue's callbacks are read by every signed-in user (agents and the
     * supervisor) and by nobody else: every forged or stale token 401.
     */
    @Test
    void theQueuesCallbacksAreReadBySignedInUsersOnly() {
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (String holder : FORGED_FROM) {
            for (ForgedTokens forgery : ForgedTokens.values()) {
                checked++;
                HttpResponse<String> list = server.get(DesktopApi.QUEUE_CALLBACKS, forgery.against(server, holder));
                if (!isProblem(list, 401)) {
                    wrong.add(forgery + " of " + holder + ": " + list.statusCode());
                }
            }
        }
        for (String identity : List.of("alice", "bob", "sam")) {
            checked++;
            HttpResponse<String> list = server.get(DesktopApi.QUEUE_CALLBACKS, server.token(identity));
            if (list.statusCode() != 200 || !list.body().contains("\"callbacks\"")) {
                wrong.add(identity + ": " + list.statusCode() + " " + list.body());
            }
        }
        System.out.println("authorisation matrix (queue callbacks): " + checked + " checked, " + wrong.size() + " wrong");
        assertThat(wrong).isEmpty();
        assertThat(checked).isEqualTo(FORGED_FROM.size() * ForgedTokens.values().length + 3);
    }

    @SuppressWarnings("unchecked")
    private static int simCallCount() {
        return ((List<Object>) ((Map<String, Object>) server.sim.snapshot().get("voice")).get("calls")).size();
    }

    // Matrix //

    private static String identityOf(Caller caller) {
        return caller == Caller.OTHER_AGENT ? "alice" : "sam";
    }

    private static int expected(CommandRoute<?> route, Resource resource, Caller caller) {
        return switch (caller) {
            case SUPERVISOR -> route.body() == CancelIncident.class ? 404 : 403;
            // Bob's resource answers alice as an unknown one: a 403 would confirm that the id is live.
            case OTHER_AGENT -> route.body() == CancelIncident.class ? 403 : 404;
        };
    }

    private static ClientCommand command(CommandRoute<?> route, Resource resource) {
        boolean unknown = resource == Resource.UNKNOWN;
        String reservation = unknown ? UNKNOWN_RESERVATION : bobsReservation;
        String task = unknown ? UNKNOWN_TASK : bobsTask;
        String conference = unknown ? UNKNOWN_CONFERENCE : bobsConference;
        Class<?> type = route.body();
        if (type == SetActivity.class) {
            return new SetActivity(Activity.BREAK);
        } else if (type == AcceptReservation.class) {
            return new AcceptReservation(reservation);
        } else if (type == RejectReservation.class) {
            return new RejectReservation(reservation);
        } else if (type == WrapUpTask.class) {
            return new WrapUpTask(task);
        } else if (type == CompleteTask.class) {
            return new CompleteTask(task);
        } else if (type == HangUp.class) {
            return new HangUp(conference, null);
        } else if (type == HoldParticipant.class) {
            return new HoldParticipant(conference, customerCall);
        } else if (type == UnholdParticipant.class) {
            return new UnholdParticipant(conference, customerCall);
        } else if (type == MuteParticipant.class) {
            return new MuteParticipant(conference, customerCall, true);
        } else if (type == CancelIncident.class) {
            return new CancelIncident(UNKNOWN_INCIDENT, "hostile test");
        } else if (type == AddParty.class) {
            return AddParty.number(conference, "+15551230002");
        } else if (type == RemoveParty.class) {
            return new RemoveParty(conference, customerCall);
        } else if (type == TransferCall.class) {
            return TransferCall.toAgent(conference, "alice", false);
        } else if (type == CompleteTransfer.class) {
            return new CompleteTransfer(conference);
        } else if (type == CancelTransfer.class) {
            return new CancelTransfer(conference);
        } else if (type == PhoneReady.class) {
            // Bob has no open incident to name: any id but one of alice's own answers as unknown.
            return new PhoneReady(UNKNOWN_INCIDENT);
        } else if (type == LegAbandoned.class) {
            // Bob's live leg: nobody but bob's own desktop may have it ended.
            return new LegAbandoned(unknown ? UNKNOWN_CALL : bobsLeg);
        }
        throw new AssertionError("no sample command for " + type + ": a route was added to CommandRoute.ALL");
    }

    private static String path(CommandRoute<?> route, ClientCommand command) {
        return route.pathParam() == null ? route.path() : DesktopApi.path(route.path(), idIn(route, command));
    }

    private static <T extends ClientCommand> String idIn(CommandRoute<T> route, ClientCommand command) {
        return route.idOf().apply(route.body().cast(command));
    }

    private static Problem problemOf(HttpResponse<String> response) {
        return JsonCodec.shared().decode(response.body(), Problem.class);
    }

    private static Problem socketProblem(TestDesktop desktop, ClientCommand command) {
        long seen = problems(desktop).size();
        desktop.send(JsonCodec.shared().encode(command));
        Await.until("an error event", () -> problems(desktop).size() > seen);
        return problems(desktop).get((int) seen).problem();
    }

    /** Status, type, title, detail and instance, with the command's resource id replaced by a placeholder. */
    private static String anonymous(Problem problem, CommandRoute<?> route, ClientCommand command) {
        String id = idIn(route, command);
        return (problem.status() + " " + problem.type() + " " + problem.title() + " " + problem.detail() + " "
                + problem.instance()).replace(id, "<id>");
    }

    private static boolean isProblem(HttpResponse<String> response, int status) {
        return response.statusCode() == status
                && response.headers().firstValue("Content-Type").orElse("").startsWith(Problem.MEDIA_TYPE);
    }

    // Socket //

    /** @return the HTTP status that refused the upgrade, or null when the socket opened */
    private static Integer upgradeStatus(String ticket) {
        return TestDesktop.upgradeStatus(server.http, server.baseUrl, ticket);
    }

    private static String badTicket(BadTicket bad, String identity) {
        return switch (bad) {
            case NONE -> null;
            case MADE_UP -> "A".repeat(43);
            case THE_BEARER_TOKEN_ITSELF -> server.token(identity);
            case ALREADY_USED -> {
                String ticket = server.ticket(identity);
                assertThat(upgradeStatus(ticket)).as("first use").isNull();
                yield ticket;
            }
            case EXPIRED -> {
                String ticket = server.ticket(identity);
                server.clock.advance(Duration.ofSeconds(SocketTickets.TTL_SECONDS + 1));
                yield ticket;
            }
            case OF_A_SIGNED_OUT_SESSION -> {
                String token = server.token(identity);
                String ticket = ticketFor(token);
                assertThat(server.post(DesktopApi.LOGOUT, token, "").statusCode()).isEqualTo(204);
                yield ticket;
            }
            case OF_A_REFRESHED_TOKEN -> {
                String token = server.token(identity);
                String ticket = ticketFor(token);
                assertThat(server.post(DesktopApi.TOKEN_REFRESH, token, "").statusCode()).isEqualTo(200);
                yield ticket;
            }
        };
    }

    private static String ticketFor(String token) {
        HttpResponse<String> response = TestDesktop.requestTicket(server.http, server.baseUrl, token);
        assertThat(response.statusCode()).isEqualTo(200);
        return JsonCodec.shared().decode(response.body(), EventsTicket.class).ticket();
    }

    private static List<ProblemReported> problems(TestDesktop desktop) {
        return desktop.events.stream().filter(ProblemReported.class::isInstance).map(ProblemReported.class::cast).toList();
    }

    /** The status of the next error event after {@code seen} earlier ones, or null when none came. */
    private static Integer awaitProblem(TestDesktop desktop, long seen) {
        try {
            Await.until("an error event", () -> problems(desktop).size() > seen);
        } catch (AssertionError none) {
            return null;
        }
        return problems(desktop).get((int) seen).problem().status();
    }

    // Bob's world //

    /** What a refusal must not touch: bob's reservation, task, activity and the live conference's participants. */
    private static Map<String, Object> bobsWorld() {
        return Map.of(
                "reservation", server.taskRouter.reservationStatus(bobsTask, bobsReservation),
                "task", server.taskRouter.fetchTask(bobsTask).assignmentStatus(),
                "bob", server.activityOf("bob"),
                "alice", server.activityOf("alice"),
                "participants", participants());
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> participants() {
        return (List<Map<String, Object>>) server.simConferences().stream()
                .filter(c -> bobsConference.equals(c.get("sid"))).findFirst().orElseThrow().get("participants");
    }

    private static Map<String, Object> customer() {
        return participants().stream().filter(p -> customerCall.equals(p.get("callSid"))).findFirst().orElseThrow();
    }
}
