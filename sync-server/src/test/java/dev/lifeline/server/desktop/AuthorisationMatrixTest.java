package dev.lifeline.server.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lifeline.model.agent.Activity;
import dev.lifeline.model.api.DesktopApi;
import dev.lifeline.model.codec.JsonCodec;
import dev.lifeline.model.command.AcceptReservation;
import dev.lifeline.model.command.CancelIncident;
import dev.lifeline.model.command.ClientCommand;
import dev.lifeline.model.command.CompleteTask;
import dev.lifeline.model.command.HangUp;
import dev.lifeline.model.command.HoldParticipant;
import dev.lifeline.model.command.MuteParticipant;
import dev.lifeline.model.command.RejectReservation;
import dev.lifeline.model.command.SetActivity;
import dev.lifeline.model.command.UnholdParticipant;
import dev.lifeline.model.command.WrapUpTask;
import dev.lifeline.model.problem.Problem;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every desktop endpoint × {another agent's resource, an unknown id} × {agent, supervisor, no token, expired token,
 * tampered token}, generated from {@link CommandRoute#ALL}, plus the session routes (refresh, socket ticket, logout)
 * × the same callers: each answers 401/403/404 as it should (another agent's resource 404, exactly like an unknown
 * id; 403 only for a role the caller lacks), and nothing about the other agent's live call changes. (An agent's own
 * resources answering 2xx is what the flow tests show.)
 */
class AuthorisationMatrixTest {

    private static DesktopFixture server;
    private static String bobsReservation;
    private static String bobsTask;
    private static String bobsConference;
    private static String customerCall;

    @BeforeAll
    static void bobIsOnACall() {
        server = DesktopFixture.shared();
        DesktopFixture.LiveCall call = server.bobOnACall();
        bobsReservation = call.reservationSid();
        bobsTask = call.taskSid();
        bobsConference = call.conferenceSid();
        customerCall = call.customerCallSid();
    }

    @AfterAll
    static void hangUp() {
        server.endBobsCall();
    }

    enum Caller { AGENT, SUPERVISOR, NO_TOKEN, EXPIRED, TAMPERED }

    enum Resource { OTHER_AGENTS, UNKNOWN }

    @Test
    void everyEndpointRefusesWhatTheCallerMayNotDoAndChangesNothing() {
        Map<String, Object> before = bobsWorld();
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (CommandRoute<?> route : CommandRoute.ALL) {
            for (Resource resource : Resource.values()) {
                if (route.pathParam() == null && resource != Resource.OTHER_AGENTS) {
                    continue;
                }
                ClientCommand command = command(route, resource);
                String path = route.pathParam() == null ? route.path() : DesktopApi.path(route.path(), route.idIn(command));
                for (Caller caller : Caller.values()) {
                    if (route.pathParam() == null && caller == Caller.AGENT) {
                        continue; // the agent's own activity: a 204, shown elsewhere
                    }
                    int expected = expected(route, resource, caller);
                    HttpResponse<String> response = server.post(path, token(caller), command);
                    checked++;
                    if (response.statusCode() != expected || !response.headers().firstValue("Content-Type").orElse("")
                            .startsWith(Problem.MEDIA_TYPE)) {
                        wrong.add(route.path() + " " + resource + " " + caller + ": expected " + expected + " got "
                                + response.statusCode() + " " + response.body());
                    }
                }
            }
        }
        for (Caller caller : Caller.values()) {
            int expected = caller == Caller.SUPERVISOR ? 200 : caller == Caller.AGENT ? 403 : 401;
            checked++;
            HttpResponse<String> response = server.get(DesktopApi.SUPERVISOR_SNAPSHOT, token(caller));
            if (response.statusCode() != expected) {
                wrong.add("GET snapshot " + caller + ": expected " + expected + " got " + response.statusCode());
            }
            int expectedState = caller == Caller.AGENT ? 200 : caller == Caller.SUPERVISOR ? 403 : 401;
            checked++;
            HttpResponse<String> state = server.get(DesktopApi.MY_STATE, token(caller));
            if (state.statusCode() != expectedState) {
                wrong.add("GET state " + caller + ": expected " + expectedState + " got " + state.statusCode());
            }
            // The SIP account: the agent's own only (alice's token gets alice's); a supervisor has no phone (404).
            int expectedPhone = caller == Caller.AGENT ? 200 : caller == Caller.SUPERVISOR ? 404 : 401;
            checked++;
            HttpResponse<String> phone = server.get(DesktopApi.MY_SOFTPHONE, token(caller));
            boolean own = expectedPhone != 200 || phone.body().contains("\"authUser\":\"alice\"");
            if (phone.statusCode() != expectedPhone || !own || (expectedPhone != 200 && !phone.headers()
                    .firstValue("Content-Type").orElse("").startsWith(Problem.MEDIA_TYPE))) {
                wrong.add("GET softphone " + caller + ": expected " + expectedPhone + " got " + phone.statusCode() + " "
                        + (phone.statusCode() == 200 ? "for another user" : phone.body()));
            }
        }
        for (Caller caller : Caller.values()) {
            for (Map.Entry<String, Integer> route : Map.of(DesktopApi.TOKEN_REFRESH, 200, DesktopApi.EVENTS_TICKET, 200,
                    DesktopApi.LOGOUT, 204).entrySet()) {
                // Each with a token of its own: a refresh retires its token and a logout ends its session.
                int expected = caller == Caller.AGENT || caller == Caller.SUPERVISOR ? route.getValue() : 401;
                checked++;
                HttpResponse<String> response = server.post(route.getKey(), token(caller), "");
                if (response.statusCode() != expected) {
                    wrong.add("POST " + route.getKey() + " " + caller + ": expected " + expected + " got " + response.statusCode());
                }
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(checked).isGreaterThan(95);
        assertThat(bobsWorld()).isEqualTo(before);
    }

    @Test
    void aBodyNamingAnotherResourceThanThePathIs400NamingTheField() {
        HttpResponse<String> response = server.post(DesktopApi.path(DesktopApi.WRAP_UP_TASK, bobsTask), server.token("bob"),
                new WrapUpTask("WT00000000000000000000000000000000"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JsonCodec.shared().decode(response.body(), Problem.class).errors()).containsKey("taskSid");
    }

    @Test
    void aMalformedBodyIs400NamingTheFieldAndChangesNothing() {
        HttpResponse<String> response = server.post(DesktopApi.path(DesktopApi.MUTE, bobsConference), server.token("bob"),
                "{\"conferenceSid\":\"" + bobsConference + "\",\"callSid\":\"" + customerCall + "\",\"muted\":\"yes\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JsonCodec.shared().decode(response.body(), Problem.class).errors()).containsKey("muted");
        assertThat(participants()).allSatisfy(p -> assertThat(p.get("muted")).isEqualTo(false));
    }

    private static int expected(CommandRoute<?> route, Resource resource, Caller caller) {
        return switch (caller) {
            case NO_TOKEN, EXPIRED, TAMPERED -> 401;
            case SUPERVISOR -> route.body() == CancelIncident.class ? 404 : 403;
            // Another agent's resource answers as an unknown one: a 403 would confirm that the id is live.
            case AGENT -> route.body() == CancelIncident.class ? 403 : 404;
        };
    }

    private static ClientCommand command(CommandRoute<?> route, Resource resource) {
        boolean unknown = resource == Resource.UNKNOWN;
        String reservation = unknown ? "WR00000000000000000000000000000000" : bobsReservation;
        String task = unknown ? "WT00000000000000000000000000000000" : bobsTask;
        String conference = unknown ? "CF00000000000000000000000000000000" : bobsConference;
        String incident = "CF00000000000000000000000000000000:CA0";
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
            return new CancelIncident(incident, "test");
        }
        throw new AssertionError("no sample command for " + type);
    }

    private static String token(Caller caller) {
        return switch (caller) {
            case AGENT -> server.token("alice");
            case SUPERVISOR -> server.token("sam");
            case NO_TOKEN -> null;
            case EXPIRED -> server.expiredToken("alice");
            case TAMPERED -> server.tamperedToken("alice");
        };
    }

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
}
