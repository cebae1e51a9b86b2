package dev.lifeline.desktop.login;

import dev.lifeline.desktop.connection.Backoff;
import dev.lifeline.desktop.connection.ConnectionState;
import dev.lifeline.desktop.connection.EventStream;
import dev.lifeline.desktop.connection.RestClient;
import dev.lifeline.desktop.connection.ServerAddress;
import dev.lifeline.desktop.connection.Session;
import dev.lifeline.desktop.connection.TokenRefresher;
import dev.lifeline.desktop.ui.Failures;
import dev.lifeline.desktop.ui.UiExecutor;
import dev.lifeline.model.auth.LoginResponse;
import dev.lifeline.model.auth.Role;
import dev.lifeline.model.event.ServerEvent;
import dev.lifeline.model.event.SessionExpiring;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.scene.Parent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One signed-in session and what lives as long as it: the REST client carrying its token, the token refresher, the
 * event stream, the once-a-second tick, and what the role's screen hands over (the softphone, the Reconnecting modal).
 * Closing it (sign-out, or the window closing) ends the session on the server and closes all of them.
 */
public final class SignedIn implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SignedIn.class);

    private final SessionServices services;
    private final ServerAddress server;
    private final Session session;
    private final RestClient rest;
    private final TokenRefresher refresher;
    private final Consumer<SignedIn> rejected;
    private final Runnable signOutByUser;
    private final List<AutoCloseable> resources = new ArrayList<>();
    private final Timeline ticker = new Timeline();
    private boolean closed;

    /**
     * @param rejected      what to do when the server no longer accepts the token (the sign-in flow decides)
     * @param signOutByUser the user's own Sign out (the account menu): the flow ends this session and forgets the device
     */
    SignedIn(SessionServices services, ServerAddress server, LoginResponse response, Consumer<SignedIn> rejected,
             Runnable signOutByUser) {
        this.services = services;
        this.server = server;
        this.session = new Session(response);
        this.rest = new RestClient(services.http(), server);
        this.rejected = rejected;
        this.signOutByUser = signOutByUser;
        rest.session(session);
        refresher = new TokenRefresher(rest, session, services.timer(), services.clock());
        resources.add(refresher);
        ticker.setCycleCount(Timeline.INDEFINITE);
    }

    void start() {
        refresher.start();
    }

    /**
     * Opens the event stream for the role's listener. The session's own events are handled here and never reach it:
     * {@code session-expiring} refreshes the token, a refused socket goes to the sign-in flow.
     */
    public void openEvents(EventStream.Listener role) {
        EventStream stream = new EventStream(services.http(), server, rest::eventsTicket, services.ui(), new EventStream.Listener() {
            @Override
            public void onEvent(ServerEvent event) {
                if (event instanceof SessionExpiring) {
                    refresher.refreshNow();
                } else {
                    role.onEvent(event);
                }
            }

            @Override
            public void onState(ConnectionState state) {
                role.onState(state);
            }

            @Override
            public void onConnected() {
                role.onConnected();
            }

            @Override
            public void onRejected() {
                rejected.accept(SignedIn.this);
            }
        }, services.timer(), services.heartbeatEvery(), new Backoff(Duration.ofMillis(500), Duration.ofSeconds(10)),
                services.clock());
        resources.add(stream);
        stream.start();
    }

    /** Runs the tick every second on the UI thread (countdowns, timers, messages that clear themselves). */
    public void everySecond(Runnable tick) {
        ticker.stop();
        ticker.getKeyFrames().setAll(new KeyFrame(javafx.util.Duration.seconds(1), event -> tick.run()));
        ticker.play();
    }

    /** Runs the work on the UI thread after the delay, unless the session has ended by then. */
    public void after(java.time.Duration delay, Runnable work) {
        services.timer().schedule(() -> services.ui().execute(() -> {
            if (!closed) {
                work.run();
            }
        }), delay.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    /**
     * The role's screen framed with the account menu (Sign out): what the agent's desk and the supervisor's panel set as
     * the scene's root.
     */
    public Parent framed(Parent roleScreen) {
        return AccountMenu.frame(roleScreen, session.identity(), signOutByUser);
    }

    /** Closed with the session, after what was handed over later (last in, first out). */
    public void closeOnSignOut(AutoCloseable resource) {
        resources.add(resource);
    }

    /** The server no longer accepted the token although the session has time left: get a new one now. */
    void refreshNow() {
        refresher.refreshNow();
    }

    public boolean isClosed() {
        return closed;
    }

    public Session session() {
        return session;
    }

    public Role role() {
        return session.role();
    }

    public RestClient rest() {
        return rest;
    }

    public UiExecutor ui() {
        return services.ui();
    }

    public Clock clock() {
        return services.clock();
    }

    /**
     * Ends the session on the server, without waiting (this runs on the FX thread), and closes what lived with it. A
     * call in progress is not hung up: the server's recovery brings it back after the next sign-in.
     */
    @Override
    public void close() {
        close(false);
    }

    /**
     * As {@link #close()}; with {@code forgetDevice} (the user's own Sign out) the server also revokes this device's
     * saved sign-in, so the next start asks for the password.
     */
    void close(boolean forgetDevice) {
        if (closed) {
            return;
        }
        closed = true;
        (forgetDevice ? rest.signOut() : rest.logout()).whenComplete((done, failure) -> {
            if (failure != null) {
                log.info("{} not confirmed: {}", forgetDevice ? "sign-out" : "logout", Failures.text(failure));
            }
        });
        ticker.stop();
        for (int i = resources.size() - 1; i >= 0; i--) {
            try {
                resources.get(i).close();
            } catch (Exception e) {
                log.debug("closing {} failed: {}", resources.get(i), e.toString());
            }
        }
        resources.clear();
    }
}
