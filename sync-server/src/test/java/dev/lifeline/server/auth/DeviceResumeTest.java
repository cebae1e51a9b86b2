package dev.lifeline.server.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hazelcast.core.HazelcastInstance;
import dev.lifeline.model.api.DesktopApi;
import dev.lifeline.model.auth.DeviceList;
import dev.lifeline.model.auth.DeviceSession;
import dev.lifeline.model.auth.LoginRequest;
import dev.lifeline.model.auth.LoginResponse;
import dev.lifeline.model.auth.ResumeRequest;
import dev.lifeline.model.auth.RevokeDevice;
import dev.lifeline.model.codec.JsonCodec;
import dev.lifeline.model.problem.Problem;
import dev.lifeline.server.desktop.DesktopFixture;
import dev.lifeline.server.desktop.MutableClock;
import dev.lifeline.server.http.ApiProblem;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 14 item 1, the server side: a password sign-in that names its device gets a device-bound resume credential;
 * each use signs in again without a password and rotates it; a retired one presented again (or one presented by
 * another device) revokes the whole family and ends every session it started; it ends with its maximum age; the
 * user's own sign-out and the supervisor's revocation end it; only its hash is stored.
 */
class DeviceResumeTest {

    private static DesktopFixture server;

    @BeforeAll
    static void start() {
        server = DesktopFixture.shared();
    }

    @Test
    void aResumeSignsInWithoutAPasswordAndRotatesTheCredential() {
        String device = newDevice();
        LoginResponse first = signIn("alice", device);
        assertThat(first.resume()).isNotNull();

        LoginResponse resumed = resume(device, first.resume().credential());

        assertThat(resumed.identity()).isEqualTo("alice");
        assertThat(resumed.workerSid()).isEqualTo(first.workerSid());
        assertThat(resumed.resume().credential()).isNotEqualTo(first.resume().credential());
        assertThat(resumed.resume().expiresAt()).as("the family's end does not move").isEqualTo(first.resume().expiresAt());
        assertThat(server.get(DesktopApi.MY_STATE, resumed.token()).statusCode()).isEqualTo(200);
        LoginResponse again = resume(device, resumed.resume().credential());
        assertThat(server.get(DesktopApi.MY_STATE, again.token()).statusCode()).isEqualTo(200);
        assertThat(server.get(DesktopApi.MY_STATE, first.token()).statusCode()).as("earlier sessions go on").isEqualTo(200);
    }

    @Test
    void aReplayedRetiredCredentialRevokesTheWholeFamilyAndEndsItsSessions() {
        String device = newDevice();
        LoginResponse first = signIn("alice", device);
        LoginResponse resumed = resume(device, first.resume().credential());
        String unrelated = signIn("alice", newDevice()).token();

        HttpResponse<String> replay = post(new ResumeRequest(device, first.resume().credential()));

        assertProblem(replay, 401);
        assertThat(post(new ResumeRequest(device, resumed.resume().credential())).statusCode())
                .as("the credential that descended from it").isEqualTo(401);
        assertThat(server.get(DesktopApi.MY_STATE, first.token()).statusCode()).as("the password session").isEqualTo(401);
        assertThat(server.get(DesktopApi.MY_STATE, resumed.token()).statusCode()).as("the resumed session").isEqualTo(401);
        assertThat(server.get(DesktopApi.MY_STATE, unrelated).statusCode()).as("another device's session").isEqualTo(200);
        assertThat(devicesOf("alice")).extracting(DeviceSession::deviceId).doesNotContain(device);
    }

    @Test
    void twoRacingUsesOfOneCredentialLetAtMostOneThroughAndRevokeTheFamily() throws Exception {
        String device = newDevice();
        String credential = signIn("bob", device).resume().credential();
        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<HttpResponse<String>>> racing = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            racing.add(CompletableFuture.supplyAsync(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return post(new ResumeRequest(device, credential));
            }));
        }
        go.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (CompletableFuture<HttpResponse<String>> use : racing) {
            statuses.add(use.get().statusCode());
        }

        assertThat(statuses).contains(401).filteredOn(status -> status == 200).hasSizeLessThanOrEqualTo(1);
        assertThat(devicesOf("bob")).extracting(DeviceSession::deviceId).doesNotContain(device);
    }

    @Test
    void aCredentialPresentedByAnotherDeviceIsRefusedAndRevokesItsDevice() {
        String device = newDevice();
        String credential = signIn("alice", device).resume().credential();

        assertProblem(post(new ResumeRequest(newDevice(), credential)), 401);
        assertThat(post(new ResumeRequest(device, credential)).statusCode()).as("a leaked credential").isEqualTo(401);
    }

    @Test
    void theCredentialEndsWithItsMaximumAgeHoweverOftenItIsUsed() {
        // A clock of its own: moving the shared fixture's clock by days would age every other test's state.
        MutableClock clock = new MutableClock();
        DeviceCredentials devices = new DeviceCredentials(server.hazelcast, server.revocations, Duration.ofHours(1),
                Duration.ofHours(12), clock);
        String device = newDevice();
        String credential = devices.start("alice", device, null, "session-" + device).credential();
        clock.advance(Duration.ofMinutes(59));
        DeviceCredentials.Family family = devices.rotate(device, credential);
        String next = devices.resumed(family, "session-2-" + device).credential();

        clock.advance(Duration.ofMinutes(2));

        assertThatThrownBy(() -> devices.rotate(device, next)).isInstanceOf(ApiProblem.class)
                .extracting(e -> ((ApiProblem) e).problem().status()).isEqualTo(401);
    }

    @Test
    void theUsersOwnSignOutEndsTheSessionAndRevokesTheDevice() {
        String device = newDevice();
        LoginResponse resumed = resume(device, signIn("alice", device).resume().credential());

        assertThat(server.post(DesktopApi.SIGN_OUT, resumed.token(), "").statusCode()).isEqualTo(204);

        assertThat(server.get(DesktopApi.MY_STATE, resumed.token()).statusCode()).isEqualTo(401);
        assertProblem(post(new ResumeRequest(device, resumed.resume().credential())), 401);
    }

    @Test
    void aLogoutWhenTheWindowClosesKeepsTheDeviceAbleToSignInAgain() {
        String device = newDevice();
        LoginResponse first = signIn("alice", device);

        assertThat(server.post(DesktopApi.LOGOUT, first.token(), "").statusCode()).isEqualTo(204);

        assertThat(resume(device, first.resume().credential()).identity()).isEqualTo("alice");
    }

    @Test
    void aSupervisorListsAnAgentsDevicesAndRevokesOneWhichEndsItsSessions() {
        String device = newDevice();
        LoginResponse bob = signIn("bob", device);
        String sam = server.token("sam");
        DeviceSession listed = devicesOf("bob").stream().filter(d -> d.deviceId().equals(device)).findFirst().orElseThrow();
        assertThat(listed.deviceName()).isEqualTo("bob's laptop");
        assertThat(JsonCodec.shared().decode(server.get(DesktopApi.MY_DEVICES, bob.token()).body(), DeviceList.class).devices())
                .as("the agent sees his own").extracting(DeviceSession::deviceId).contains(device);

        HttpResponse<String> revoked = server.post(DesktopApi.path(DesktopApi.REVOKE_AGENT_DEVICE, "bob"), sam,
                new RevokeDevice(device));

        assertThat(revoked.statusCode()).isEqualTo(204);
        assertThat(server.get(DesktopApi.MY_STATE, bob.token()).statusCode()).as("bob's session on it").isEqualTo(401);
        assertProblem(post(new ResumeRequest(device, bob.resume().credential())), 401);
        assertProblem(server.post(DesktopApi.path(DesktopApi.REVOKE_AGENT_DEVICE, "bob"), sam, new RevokeDevice(device)), 404);
    }

    @Test
    void badInputIs400NamingTheField() {
        HttpResponse<String> badDevice = server.post(DesktopApi.LOGIN, null,
                new LoginRequest("alice", "alice-demo", "no", null));
        HttpResponse<String> noCredential = server.post(DesktopApi.RESUME, null, "{\"deviceId\":\"" + newDevice() + "\"}");
        HttpResponse<String> noDevice = server.post(DesktopApi.path(DesktopApi.REVOKE_AGENT_DEVICE, "bob"),
                server.token("sam"), "{}");

        assertThat(problem(badDevice, 400).errors()).containsKey("deviceId");
        assertThat(problem(noCredential, 400).errors()).containsKey("credential");
        assertThat(problem(noDevice, 400).errors()).containsKey("deviceId");
        assertProblem(post(new ResumeRequest(newDevice(), "A".repeat(43))), 401);
    }

    @Test
    void onlyTheCredentialsHashIsStored() {
        String device = newDevice();
        String credential = signIn("alice", device).resume().credential();
        HazelcastInstance hazelcast = server.hazelcast;

        List<String> stored = new ArrayList<>();
        for (String map : List.of(DeviceCredentials.CREDENTIALS, DeviceCredentials.FAMILIES, DeviceCredentials.SESSION_FAMILIES)) {
            hazelcast.<String, String>getMap(map).forEach((key, value) -> {
                stored.add(key);
                stored.add(value);
            });
        }

        assertThat(stored).isNotEmpty().noneMatch(text -> text.contains(credential));
        assertThat(stored).contains(Sha256.hex(credential));
    }

    private static String newDevice() {
        return UUID.randomUUID().toString();
    }

    private static LoginResponse signIn(String identity, String device) {
        HttpResponse<String> response = server.post(DesktopApi.LOGIN, null,
                new LoginRequest(identity, identity + "-demo", device, identity + "'s laptop"));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JsonCodec.shared().decode(response.body(), LoginResponse.class);
    }

    private static LoginResponse resume(String device, String credential) {
        HttpResponse<String> response = post(new ResumeRequest(device, credential));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JsonCodec.shared().decode(response.body(), LoginResponse.class);
    }

    private static HttpResponse<String> post(ResumeRequest request) {
        return server.post(DesktopApi.RESUME, null, request);
    }

    private static List<DeviceSession> devicesOf(String agent) {
        HttpResponse<String> response = server.get(DesktopApi.path(DesktopApi.AGENT_DEVICES, agent), server.token("sam"));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JsonCodec.shared().decode(response.body(), DeviceList.class).devices();
    }

    private static Problem problem(HttpResponse<String> response, int status) {
        assertProblem(response, status);
        return JsonCodec.shared().decode(response.body(), Problem.class);
    }

    private static void assertProblem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith(Problem.MEDIA_TYPE);
    }
}
