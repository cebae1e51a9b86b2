package dev.lifeline.server.supervisor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lifeline.model.agent.AgentPresence;
import dev.lifeline.model.api.DesktopApi;
import dev.lifeline.model.codec.JsonCodec;
import dev.lifeline.model.event.QueueSnapshotChanged;
import dev.lifeline.model.event.StateSnapshot;
import dev.lifeline.model.queue.AgentStatus;
import dev.lifeline.model.queue.AgentWorkState;
import dev.lifeline.model.queue.QueueSnapshot;
import dev.lifeline.model.queue.QueueStats;
import dev.lifeline.server.testsupport.Await;
import dev.lifeline.server.desktop.DesktopFixture;
import dev.lifeline.server.desktop.TestDesktop;
import dev.lifeline.server.provision.WorkspaceProvisioner;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The supervisor panel's snapshot: queues from TaskRouter statistics, agents with presence and work state. */
class SupervisorFeedTest {

    private static DesktopFixture server;

    @BeforeAll
    static void start() {
        server = DesktopFixture.shared();
        server.quietFloor();
    }

    @AfterEach
    void quiet() {
        server.quietFloor();
        server.setActivity("alice", "Offline");
        server.setActivity("bob", "Offline");
    }

    @Test
    void theSnapshotShowsWaitingCallsAndEveryAgentWithPresenceAndWorkState() {
        server.setActivity("alice", "Offline");
        server.setActivity("bob", "Break");
        try (TestDesktop bob = server.desktop("bob")) {
            bob.await(StateSnapshot.class);
            server.customerCalls();

            QueueSnapshot snapshot = Await.value("a waiting call in the voice queue", () -> {
                QueueSnapshot taken = fetch();
                return voiceQueue(taken).waitingTasks() == 1 ? taken : null;
            });

            QueueStats voice = voiceQueue(snapshot);
            assertThat(voice.agentsAvailable()).isZero();
            assertThat(voice.agentsOffline()).isEqualTo(1);
            assertThat(voice.agentsBusy()).isEqualTo(1);
            AgentStatus bobRow = row(snapshot, "bob");
            assertThat(bobRow.agent().presence()).isEqualTo(AgentPresence.ONLINE);
            assertThat(bobRow.agent().activity()).isEqualTo("Break");
            assertThat(bobRow.state()).isEqualTo(AgentWorkState.IDLE);
            assertThat(row(snapshot, "alice").agent().activity()).isEqualTo("Offline");
        }
    }

    /** Issue 18: the agent row of an agent on a call names its conference, which the supervisor listens to. */
    @Test
    void anAgentOnACallNamesTheCallsConferenceAndAnIdleAgentNone() {
        DesktopFixture.LiveCall call = server.bobOnACall();

        QueueSnapshot snapshot = Await.value("bob on his call in the snapshot", () -> {
            QueueSnapshot taken = fetch();
            return row(taken, "bob").state() == AgentWorkState.ON_CALL ? taken : null;
        });

        assertThat(row(snapshot, "bob").conferenceSid()).isEqualTo(call.conferenceSid());
        assertThat(row(snapshot, "alice").conferenceSid()).isNull();
    }

    @Test
    void supervisorsGetTheQueueSnapshotFirstAndThenAtLeastOncePerSecond() {
        server.supervisor.start(Duration.ofMillis(250));
        try (TestDesktop sam = server.desktop("sam")) {
            Await.until("three queue snapshots", () -> sam.events.stream().filter(QueueSnapshotChanged.class::isInstance).count() >= 3,
                    Duration.ofSeconds(5));
            assertThat(sam.events.get(0)).isInstanceOf(QueueSnapshotChanged.class);
        } finally {
            server.supervisor.close();
        }
    }

    private static QueueSnapshot fetch() {
        HttpResponse<String> response = server.get(DesktopApi.SUPERVISOR_SNAPSHOT, server.token("sam"));
        assertThat(response.statusCode()).isEqualTo(200);
        return JsonCodec.shared().decode(response.body(), QueueSnapshot.class);
    }

    private static QueueStats voiceQueue(QueueSnapshot snapshot) {
        return snapshot.queues().stream().filter(q -> q.queueName().equals(WorkspaceProvisioner.VOICE_QUEUE)).findFirst().orElseThrow();
    }

    private static AgentStatus row(QueueSnapshot snapshot, String identity) {
        return snapshot.agents().stream().filter(a -> a.agent().identity().equals(identity)).findFirst().orElseThrow();
    }
}
