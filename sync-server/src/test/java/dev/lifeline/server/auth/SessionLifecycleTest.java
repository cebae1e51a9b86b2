package dev.lifeline.server.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hazelcast.core.HazelcastInstance;
import dev.lifeline.model.api.DesktopApi;
import dev.lifeline.model.auth.RefreshResponse;
import dev.lifeline.model.codec.JsonCodec;
import dev.lifeline.model.event.StateSnapshot;
import dev.lifeline.server.testsupport.Await;
import dev.lifeline.server.desktop.DesktopFixture;
import dev.lifeline.server.desktop.TestDesktop;
import dev.lifeline.server.http.ApiProblem;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue #22 item 6: a session has an id, a refresh rotates the token (the old one stops working), a logout ends the
 * session on every member and closes its sockets, and the socket opens with a one-time ticket that any member
 * honours once. A second Hazelcast member stands for another server of the cluster.
 */
class SessionLifecycleTest {

    private static DesktopFixture server;
    private static HazelcastInstance otherMember;
    private static SessionAuthenticator otherServer;
    private static SocketTickets ticketsOnOtherServer;
    private static SessionRevocations revocationsOnOtherServer;

    @BeforeAll
    static void joinASecondMember() {
        server = DesktopFixture.shared();
        otherMember = server.joinAnotherMember();
        revocationsOnOtherServer = new SessionRevocations(otherMember, server.clock);
        ticketsOnOtherServer = new SocketTickets(otherMember, server.clock);
        otherServer = new SessionAuthenticator(server.tokens, revocationsOnOtherServer, ticketsOnOtherServer);
    }

    @AfterAll
    static void leave() {
        otherMember.shutdown();
    }

    @Test
    void aRefreshRetiresThePresentedTokenAndKeepsTheSession() {
        String first = server.token("alice");

        HttpResponse<String> refreshed = server.post(DesktopApi.TOKEN_REFRESH, first, "");

        assertThat(refreshed.statusCode()).isEqualTo(200);
        String second = JsonCodec.shared().decode(refreshed.body(), RefreshResponse.class).token();
        assertThat(server.get(DesktopApi.MY_STATE, first).statusCode()).as("the old token").isEqualTo(401);
        assertThat(server.get(DesktopApi.MY_STATE, second).statusCode()).as("the new token").isEqualTo(200);
        assertThat(server.tokens.verify(second).orElseThrow().sessionId()).isEqualTo(server.tokens.verify(first).orElseThrow().sessionId());
        assertThatThrownBy(() -> otherServer.authenticate(first)).as("on another member too").isInstanceOf(ApiProblem.class);
    }

    @Test
    void aTokenIsExchangedForANewOneOnceOnly() {
        String token = server.token("bob");

        assertThat(server.post(DesktopApi.TOKEN_REFRESH, token, "").statusCode()).isEqualTo(200);
        assertThat(server.post(DesktopApi.TOKEN_REFRESH, token, "").statusCode()).isEqualTo(401);
    }

    @Test
    void aLogoutEndsTheSessionOnEveryMemberAndClosesItsSocketsOnly() {
        String token = server.token("alice");
        String otherSession = server.token("alice");
        List<String> endedSeenElsewhere = new CopyOnWriteArrayList<>();
        java.util.UUID listening = revocationsOnOtherServer.onSessionEnded(endedSeenElsewhere::add);
        try (TestDesktop mine = TestDesktop.connect(server.http, server.baseUrl, token);
             TestDesktop other = TestDesktop.connect(server.http, server.baseUrl, otherSession)) {
            mine.await(StateSnapshot.class);
            other.await(StateSnapshot.class);

            assertThat(server.post(DesktopApi.LOGOUT, token, "").statusCode()).isEqualTo(204);

            Await.until("the signed-out socket is closed", () -> mine.closeCode() != null);
            assertThat(mine.closeCode()).isEqualTo(1008);
            assertThat(server.get(DesktopApi.MY_STATE, token).statusCode()).isEqualTo(401);
            assertThat(server.post(DesktopApi.TOKEN_REFRESH, token, "").statusCode()).as("no refresh after logout").isEqualTo(401);
            assertThatThrownBy(() -> otherServer.authenticate(token)).isInstanceOf(ApiProblem.class);
            String sessionId = server.tokens.verify(token).orElseThrow().sessionId();
            Await.until("the other member heard of the logout", () -> endedSeenElsewhere.contains(sessionId));
            assertThat(other.closeCode()).as("alice's other session").isNull();
            assertThat(server.get(DesktopApi.MY_STATE, otherSession).statusCode()).isEqualTo(200);
        } finally {
            revocationsOnOtherServer.removeListener(listening);
        }
    }

    @Test
    void aTicketIssuedOnOneMemberOpensTheSocketOnAnotherOnce() {
        String ticket = ticketsOnOtherServer.issue(server.token("bob")).value();

        try (TestDesktop bob = TestDesktop.connectWithTicket(server.http, server.baseUrl, ticket)) {
            bob.await(StateSnapshot.class);
            assertThat(TestDesktop.upgradeStatus(server.http, server.baseUrl, ticket)).isEqualTo(401);
        }
        assertThat(otherServer.redeemTicket(ticket)).as("nor back on the first").isEmpty();
    }
}
