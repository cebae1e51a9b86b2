package dev.lifeline.server.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lifeline.model.agent.Activity;
import dev.lifeline.model.api.DesktopApi;
import dev.lifeline.model.codec.JsonCodec;
import dev.lifeline.model.command.SetActivity;
import dev.lifeline.model.event.ActivityChanged;
import dev.lifeline.model.event.StateSnapshot;
import dev.lifeline.model.problem.Problem;
import dev.lifeline.model.softphone.SoftphoneAccount;
import dev.lifeline.sim.testsupport.SipTestPhone;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The read endpoints and the agent's own activity, over plain HTTP. */
class DesktopRestTest {

    private static DesktopFixture server;

    @BeforeAll
    static void start() {
        server = DesktopFixture.shared();
    }

    @Test
    void myStateIsTheSameSnapshotTheSocketSendsFirst() {
        HttpResponse<String> response = server.get(DesktopApi.MY_STATE, server.token("alice"));

        assertThat(response.statusCode()).isEqualTo(200);
        StateSnapshot snapshot = JsonCodec.shared().decode(response.body(), StateSnapshot.class);
        assertThat(snapshot.agent().workerSid()).isEqualTo(server.workerSid("alice"));
        assertThat(snapshot.agent().displayName()).isEqualTo("Alice Agent");
    }

    @Test
    void anAgentSetsItsOwnActivityAndItsDesktopHearsOfIt() throws Exception {
        try (TestDesktop alice = server.desktop("alice")) {
            alice.await(StateSnapshot.class);

            HttpResponse<String> response = server.post(DesktopApi.MY_ACTIVITY, server.token("alice"), new SetActivity(Activity.BREAK));

            assertThat(response.statusCode()).isEqualTo(204);
            assertThat(server.activityOf("alice")).isEqualTo("Break");
            assertThat(alice.await(ActivityChanged.class).agent().activity()).isEqualTo("Break");
        } finally {
            server.setActivity("alice", "Offline");
        }
    }

    @Test
    void theSoftphoneAccountIsTheAgentsOwnOnTheEmulatedSipDomainAndItsPasswordIsTheCredentialsOne() throws Exception {
        HttpResponse<String> response = server.get(DesktopApi.MY_SOFTPHONE, server.token("bob"));

        assertThat(response.statusCode()).isEqualTo(200);
        SoftphoneAccount account = JsonCodec.shared().decode(response.body(), SoftphoneAccount.class);
        assertThat(account.addressOfRecord()).isEqualTo("sip:bob@lifeline.sip.twilio.com");
        assertThat(account.authUser()).isEqualTo("bob");
        assertThat(account.proxyHost()).isEqualTo("127.0.0.1");
        assertThat(account.proxyPort()).isEqualTo(server.sim.sip().port());
        assertThat(account.transport()).isEqualTo(SoftphoneAccount.UDP);
        // Twilio's password rules, and what the credential provisioned through the SDK holds (only its HA1 is kept).
        assertThat(account.password()).hasSizeGreaterThanOrEqualTo(12).matches(".*[0-9].*").matches(".*[a-z].*")
                .matches(".*[A-Z].*");
        assertThat(server.sim.sipDomains().registration("lifeline.sip.twilio.com", "bob").ha1())
                .isEqualTo(md5Hex("bob:sip.twilio.com:" + account.password()));
        HttpResponse<String> alices = server.get(DesktopApi.MY_SOFTPHONE, server.token("alice"));
        assertThat(JsonCodec.shared().decode(alices.body(), SoftphoneAccount.class).password())
                .isNotEqualTo(account.password());
    }

    @Test
    void theAccountTheServerHandsOutRegistersWithTheEmulatedSipDomainThroughItsProxy() throws Exception {
        SoftphoneAccount account = JsonCodec.shared().decode(server.get(DesktopApi.MY_SOFTPHONE, server.token("alice")).body(),
                SoftphoneAccount.class);
        String domain = account.addressOfRecord().substring(account.addressOfRecord().indexOf('@') + 1);

        try (SipTestPhone phone = new SipTestPhone(account.proxyPort(), account.transport())) {
            assertThat(account.proxyHost()).isEqualTo("127.0.0.1"); // SipTestPhone's outbound proxy is on loopback
            assertThat(phone.register(domain, account.authUser(), account.password(), 600).getStatusCode()).isEqualTo(200);
            assertThat(phone.register(domain, account.authUser(), account.password() + "x", 600).getStatusCode())
                    .as("a wrong password").isEqualTo(403);
            assertThat(phone.register(domain, account.authUser(), account.password(), 0).getStatusCode()).isEqualTo(200);
        }
    }

    @Test
    void aSupervisorGetsHisOwnPhoneToListenInAndNoTokenA401() {
        HttpResponse<String> supervisor = server.get(DesktopApi.MY_SOFTPHONE, server.token("sam"));
        HttpResponse<String> anonymous = server.get(DesktopApi.MY_SOFTPHONE, null);

        // Issue 18: supervisors listen in on a SIP account of their own (before, they had none: 404).
        assertThat(supervisor.statusCode()).isEqualTo(200);
        assertThat(supervisor.body()).contains("\"authUser\":\"sam\"");
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("Content-Type").orElse("")).startsWith(Problem.MEDIA_TYPE);
    }

    private static String md5Hex(String text) throws java.security.NoSuchAlgorithmException {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("MD5")
                .digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aWebSocketUpgradeWithoutAValidTokenIsAnswered401() throws Exception {
        URI uri = URI.create(server.baseUrl);
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + DesktopApi.EVENTS + "?token=forged HTTP/1.1\r\nHost: localhost\r\nUpgrade: websocket\r\n"
                    + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String statusLine = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII)).readLine();
            assertThat(statusLine).contains(" 401");
        }
    }
}
