package dev.lifeline.server.desktop;

import dev.lifeline.server.softphone.SoftphoneAccess;
import com.hazelcast.core.HazelcastInstance;
import dev.lifeline.model.queue.QueueSnapshot;
import dev.lifeline.server.auth.AgentDirectory;
import dev.lifeline.server.auth.SessionAuthenticator;
import dev.lifeline.server.engine.RecoveryEngine;
import dev.lifeline.server.presence.PresenceRegistry;
import dev.lifeline.server.presence.PresenceSweeper;
import dev.lifeline.server.provision.ProvisionedWorkspace;
import dev.lifeline.server.timers.DaemonTimer;
import dev.lifeline.server.twilio.TaskRouterGateway;
import dev.lifeline.server.twilio.VoiceGateway;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * The desktop side of the server, composed: REST commands, the events WebSocket, presence and its sweeper. The
 * composition root builds one with {@link Dependencies}, gives it the supervisor feed's snapshots
 * ({@link #serveQueueSnapshots}), calls {@link #register} while configuring Javalin, {@link #start()} once the server
 * runs, and {@link #close()} on shutdown. The supervisor feed builds on this module (it reads {@link #states()} and
 * pushes through the hub), never the other way round.
 */
public final class DesktopModule implements AutoCloseable {

    /** How long before its token expires a desktop is asked to refresh it. */
    public static final Duration EXPIRY_WARNING = Duration.ofMinutes(2);

    private final Dependencies deps;
    private final PresenceRegistry presence;
    private final PresenceSweeper sweeper;
    private final AgentStates states;
    private final DesktopCommands commands;
    private final DesktopRoutes routes;
    private final DesktopSocket socket;
    private final java.util.UUID sessionEndListener;
    private java.util.concurrent.ScheduledExecutorService sessionWatch;
    /** How often each member looks for transfers a dead member left half done (as the incident reconciler ticks). */
    private static final Duration TRANSFER_SWEEP_EVERY = Duration.ofSeconds(1);
    private boolean transferSweepStarted;

    public DesktopModule(Dependencies dependencies) {
        this.deps = dependencies;
        deps.hub().pingWorkflowSid(deps.workspace().pingWorkflowSid());
        deps.hub().queueNames(java.util.Map.of(
                deps.workspace().voiceQueueSid(), dev.lifeline.server.provision.WorkspaceProvisioner.VOICE_QUEUE,
                deps.workspace().pingQueueSid(), dev.lifeline.server.provision.WorkspaceProvisioner.PING_QUEUE));
        this.presence = new PresenceRegistry(deps.hazelcast(), deps.presenceGrace(), deps.clock());
        this.sweeper = new PresenceSweeper(deps.agents(), presence, deps.taskRouter(), deps.engine().incidents(),
                deps.workspace().activitySid("Offline"));
        this.states = new AgentStates(deps.taskRouter(), deps.engine(), deps.hub(), deps.agents(), presence, deps.clock());
        this.commands = new DesktopCommands(deps, states, presence);
        this.routes = new DesktopRoutes(deps.authenticator(), commands, states, deps.softphones());
        this.socket = new DesktopSocket(deps.authenticator(), deps.hub(), commands, states, presence, deps.clock());
        this.sessionEndListener = deps.authenticator().onSessionEnded(socket::sessionEnded);
    }

    public record Dependencies(HazelcastInstance hazelcast, VoiceGateway voice, TaskRouterGateway taskRouter,
                               RecoveryEngine engine, DesktopHub hub, AgentDirectory agents,
                               SessionAuthenticator authenticator, ProvisionedWorkspace workspace,
                               String publicBaseUrl, Duration presenceGrace, Clock clock, SoftphoneAccess softphones,
                               Duration transferQueueTimeout) {
    }

    /** The monotonic clock (ns) the socket's upgrade and message budgets refill by (wall time unless a test holds it). */
    public void budgetsRefillBy(java.util.function.LongSupplier nanoTime) {
        socket.budgetsRefillBy(nanoTime);
    }

    /** REST + the WebSocket. */
    public void register(JavalinDefaultRoutingApi routing) {
        routes.register(routing);
        socket.register(routing);
    }

    /** Starts the presence sweeper (every half grace period) and the session-expiry watch. */
    public synchronized DesktopModule start() {
        if (sessionWatch == null) {
            sessionWatch = DaemonTimer.named("desktop-session-watch");
            sessionWatch.scheduleWithFixedDelay(() -> {
                try {
                    warnSessionsExpiringBefore(deps.clock().instant().plus(EXPIRY_WARNING));
                } catch (RuntimeException e) {
                    org.slf4j.LoggerFactory.getLogger(DesktopModule.class).warn("session watch failed", e);
                }
            }, 15, 15, java.util.concurrent.TimeUnit.SECONDS);
        }
        Duration sweepEvery = deps.presenceGrace().dividedBy(2);
        sweeper.start(sweepEvery.isZero() ? Duration.ofSeconds(1) : sweepEvery);
        if (!transferSweepStarted) {
            commands.transferSweeper().start(TRANSFER_SWEEP_EVERY);
            transferSweepStarted = true;
        }
        return this;
    }

    /** One pass of the session watch (tests drive it): warns desktops whose token expires before {@code limit}. */
    public int warnSessionsExpiringBefore(java.time.Instant limit) {
        return socket.warnSessionsExpiringBefore(limit);
    }

    /** Called when an agent's desk connects for the first time since the cluster started, before its snapshot. */
    /** Issue 20: who dials when an agent accepts a callback's task (agent first, then the customer). */
    public void acceptCallbacksWith(CallbackAcceptor acceptor) {
        commands.acceptCallbacksWith(acceptor);
    }

    public void onFirstSignIn(FirstSignIn hook) {
        socket.onFirstSignIn(hook);
    }

    public PresenceSweeper presenceSweeper() {
        return sweeper;
    }

    public PresenceRegistry presence() {
        return presence;
    }

    /** What a supervisor's events socket gets first: the supervisor feed's queue snapshot. */
    public void serveQueueSnapshots(Supplier<QueueSnapshot> snapshots) {
        socket.serveQueueSnapshots(snapshots);
    }

    /** Each agent's state as the desktop snapshot shows it; the supervisor feed's agent rows read it too. */
    public AgentStates states() {
        return states;
    }

    public DesktopCommands commands() {
        return commands;
    }

    @Override
    public synchronized void close() {
        try {
            deps.authenticator().removeListener(sessionEndListener);
        } catch (RuntimeException memberAlreadyDown) {
            // the Hazelcast member shut down first: its listeners went with it
        }
        if (sessionWatch != null) {
            sessionWatch.shutdownNow();
            sessionWatch = null;
        }
        sweeper.close();
        commands.transferSweeper().close();
    }
}
