package dev.lifeline.desktop.app;

import dev.lifeline.desktop.agent.AgentModel;
import dev.lifeline.desktop.call.CallView;
import dev.lifeline.desktop.call.CallViewModel;
import dev.lifeline.desktop.call.WrapUpView;
import dev.lifeline.desktop.call.WrapUpViewModel;
import dev.lifeline.desktop.connection.Backoff;
import dev.lifeline.desktop.connection.ConnectionState;
import dev.lifeline.desktop.connection.EventStream;
import dev.lifeline.desktop.connection.RestClient;
import dev.lifeline.desktop.connection.ServerAddress;
import dev.lifeline.desktop.connection.Session;
import dev.lifeline.desktop.connection.TokenRefresher;
import dev.lifeline.desktop.desk.AgentDeskView;
import dev.lifeline.desktop.desk.AgentDeskViewModel;
import dev.lifeline.desktop.login.LoginView;
import dev.lifeline.desktop.login.LoginViewModel;
import dev.lifeline.desktop.recovery.ReconnectModalView;
import dev.lifeline.desktop.recovery.RecoveryAutoAcceptor;
import dev.lifeline.desktop.recovery.RecoveryViewModel;
import dev.lifeline.desktop.reservations.ReservationOfferView;
import dev.lifeline.desktop.reservations.ReservationOfferViewModel;
import dev.lifeline.desktop.softphone.Softphone;
import dev.lifeline.desktop.softphone.SoftphoneListener;
import dev.lifeline.desktop.softphone.SoftphoneSettings;
import dev.lifeline.desktop.supervisor.SupervisorView;
import dev.lifeline.desktop.supervisor.SupervisorViewModel;
import dev.lifeline.desktop.ui.Failures;
import dev.lifeline.desktop.ui.FxThread;
import dev.lifeline.desktop.ui.UiExecutor;
import dev.lifeline.desktop.ui.ViewLoader;
import dev.lifeline.model.auth.LoginResponse;
import dev.lifeline.model.auth.Role;
import dev.lifeline.model.event.QueueSnapshotChanged;
import dev.lifeline.model.event.ServerEvent;
import dev.lifeline.model.event.SessionExpiring;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Composes one desktop in a stage: the login screen, then the agent's desk (with the Reconnecting modal, the
 * recovery auto-accept and the softphone) or the supervisor panel, depending on the role the server grants.
 * Owns every network resource and closes them in {@link #close()}.
 */
public final class AppShell implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(AppShell.class);

    private final Stage stage;
    private final DesktopConfig config;
    private final UiExecutor ui = FxThread.INSTANCE;
    private final OkHttpClient http = new OkHttpClient.Builder()
            .connectTimeout(Duration.ofSeconds(5)).readTimeout(Duration.ofSeconds(15))
            .pingInterval(Duration.ofSeconds(10)).build();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "lifeline-timer");
        thread.setDaemon(true);
        return thread;
    });
    private final Scene scene;
    private final List<AutoCloseable> resources = new ArrayList<>();
    private final Timeline ticker = new Timeline();

    private LoginViewModel login;
    private AgentModel agentModel;
    private ReconnectModalView modal;
    private SupervisorViewModel supervisor;
    private boolean closed;
    /** The signed-in session's client, until sign-out; what a logout is sent with. */
    private RestClient signedIn;

    public AppShell(Stage stage, DesktopConfig config) {
        this.stage = stage;
        this.config = config;
        this.scene = new Scene(new javafx.scene.layout.StackPane(), 1040, 720);
        scene.getStylesheets().add(ViewLoader.stylesheet());
        AboutDialog.installOn(scene);
        ticker.setCycleCount(Timeline.INDEFINITE);
    }

    /** Shows the login screen (and signs in by itself when the config has credentials). */
    public void start() {
        showLogin();
        if (config.canSignInAutomatically()) {
            login.passwordProperty().set(config.password());
            login.signIn();
        }
    }

    private void showLogin() {
        login = new LoginViewModel((server, credentials) -> new RestClient(http, server).login(credentials), ui,
                this::signedIn);
        login.allowPlainHttp(config.plainHttpAllowed());
        if (config.serverUrl() != null) {
            login.serverUrlProperty().set(config.serverUrl());
        }
        if (config.user() != null) {
            login.usernameProperty().set(config.user());
        }
        scene.getAccelerators().clear();
        scene.setRoot(new LoginView(login).root());
        stage.setTitle("Lifeline — sign in");
        stage.setScene(scene);
        stage.setMinWidth(720);
        stage.setMinHeight(520);
        stage.show();
    }

    /**
     * Back to the login screen because the server no longer accepts the session. The softphone closes too, so a
     * call in progress drops and the server's recovery brings it back after the new sign-in.
     */
    private void signOut(String why) {
        log.warn("signing out: {}", why);
        logout();
        String server = login.serverUrlProperty().get();
        String user = login.usernameProperty().get();
        closeResources();
        showLogin();
        login.serverUrlProperty().set(server);
        login.usernameProperty().set(user);
        login.explain(why);
    }

    private void onRejected(Session session, TokenRefresher refresher) {
        if (config.clock().instant().isBefore(session.expiresAt())) {
            refresher.refreshNow();
        } else {
            signOut("Your session expired. Sign in again.");
        }
    }

    private void signedIn(ServerAddress server, LoginResponse response) {
        Session session = new Session(response);
        RestClient rest = new RestClient(http, server);
        rest.session(session);
        signedIn = rest;
        log.info("signed in to {} as {}", server.display(), session);
        TokenRefresher refresher = new TokenRefresher(rest, session, timer, config.clock());
        resources.add(refresher);
        refresher.start();
        stage.setTitle("Lifeline — " + response.identity() + (response.role() == Role.SUPERVISOR ? " (supervisor)" : ""));
        if (response.role() == Role.SUPERVISOR) {
            showSupervisor(server, session, rest, refresher);
        } else {
            // Ask which softphone to use first; without an answer the desk still works (calls ring nowhere).
            rest.fetchIfServed(SoftphoneSettings.PATH, SoftphoneSettings.class).whenComplete((offered, failure) -> ui.execute(() -> {
                if (failure != null) {
                    log.warn("no softphone settings from the server: {}", Failures.text(failure));
                }
                showAgentDesk(server, session, rest, refresher, offered == null ? null : offered.orElse(null));
            }));
        }
    }

    private void showAgentDesk(ServerAddress server, Session session, RestClient rest, TokenRefresher refresher,
                               SoftphoneSettings offered) {
        if (closed) {
            return;
        }
        agentModel = new AgentModel(session.workerSid(), config.clock());
        Softphone softphone = config.softphones().create(http, timer, offered);
        resources.add(softphone);
        AgentDeskViewModel desk = new AgentDeskViewModel(agentModel, rest, ui);
        ReservationOfferViewModel offer = new ReservationOfferViewModel(agentModel, rest, ui);
        CallViewModel call = new CallViewModel(agentModel, rest, softphone, ui);
        WrapUpViewModel wrapUp = new WrapUpViewModel(agentModel, rest, ui);
        RecoveryViewModel recovery = new RecoveryViewModel(agentModel);
        new RecoveryAutoAcceptor(agentModel, rest, ui);
        ReservationOfferView offerView = new ReservationOfferView(offer);
        CallView callView = new CallView(call);
        AgentDeskView view = new AgentDeskView(desk, offerView.root(), callView.root(), new WrapUpView(wrapUp).root());
        scene.setRoot(view.root());
        offerView.installShortcuts(scene);
        callView.installShortcuts(scene);
        modal = new ReconnectModalView(recovery, stage, config.outcomeShownFor());
        ReconnectModalView thisModal = modal;
        resources.add(thisModal::dispose);
        recovery.outcomeProperty().addListener((obs, old, now) -> {
            if (!now.isEmpty()) {
                desk.status("Last recovery: " + now);
            }
        });
        tickEverySecond(() -> {
            desk.tick(agentModel.serverNow());
            offer.tick(agentModel.serverNow());
            call.tick(agentModel.serverNow());
            recovery.tick(agentModel.serverNow());
        });
        softphone.register(session.identity(), new SoftphoneListener() {
            @Override
            public void ringing(String callSid, String from) {
                // The ring follows an accepted reservation (the agent's click or the modal's auto-accept): pick up.
                softphone.answer(callSid);
            }

            @Override
            public void connected(String callSid, String conferenceSid) {
                ui.execute(call::refresh);
            }

            @Override
            public void callEnded(String callSid, String reason) {
                ui.execute(call::refresh);
            }
        });
        openEventStream(server, rest, new EventStream.Listener() {
            @Override
            public void onEvent(ServerEvent event) {
                if (event instanceof SessionExpiring) {
                    refresher.refreshNow();
                } else {
                    agentModel.apply(event);
                }
            }

            @Override
            public void onState(ConnectionState state) {
                desk.connectionState(state);
            }

            @Override
            public void onRejected() {
                AppShell.this.onRejected(session, refresher);
            }

            @Override
            public void onConnected() {
                // The server sends a snapshot first on every connect; asking as well makes a missed one harmless.
                rest.myState().whenComplete((snapshot, failure) -> {
                    if (snapshot != null) {
                        ui.execute(() -> agentModel.apply(snapshot));
                    }
                });
            }
        });
    }

    private void showSupervisor(ServerAddress server, Session session, RestClient rest, TokenRefresher refresher) {
        supervisor = new SupervisorViewModel(rest, ui, config.clock(), ZoneId.systemDefault());
        scene.setRoot(new SupervisorView(supervisor).root());
        tickEverySecond(() -> supervisor.tick(supervisor.serverNow()));
        openEventStream(server, rest, new EventStream.Listener() {
            @Override
            public void onEvent(ServerEvent event) {
                if (event instanceof QueueSnapshotChanged changed) {
                    supervisor.apply(changed.snapshot());
                } else if (event instanceof SessionExpiring) {
                    refresher.refreshNow();
                }
            }

            @Override
            public void onState(ConnectionState state) {
                supervisor.connectionState(state);
            }

            @Override
            public void onRejected() {
                AppShell.this.onRejected(session, refresher);
            }

            @Override
            public void onConnected() {
                rest.supervisorSnapshot().whenComplete((snapshot, failure) -> {
                    if (snapshot != null) {
                        ui.execute(() -> supervisor.apply(snapshot));
                    }
                });
            }
        });
    }

    private void openEventStream(ServerAddress server, RestClient rest, EventStream.Listener listener) {
        EventStream stream = new EventStream(http, server, rest::eventsTicket, ui, listener, timer, config.heartbeatEvery(),
                new Backoff(Duration.ofMillis(500), Duration.ofSeconds(10)), config.clock());
        resources.add(stream);
        stream.start();
    }

    private void tickEverySecond(Runnable tick) {
        ticker.stop();
        ticker.getKeyFrames().setAll(new KeyFrame(javafx.util.Duration.seconds(1), event -> tick.run()));
        ticker.play();
    }

    /** The agent's state (null until an agent signed in); for tests and screenshots. */
    public AgentModel agentModel() {
        return agentModel;
    }

    /** The Reconnecting modal (null until an agent signed in). */
    public ReconnectModalView modal() {
        return modal;
    }

    public Stage stage() {
        return stage;
    }

    public Parent root() {
        return scene.getRoot();
    }

    /**
     * Leaves without hanging up: the event stream and the softphone close as if the process stopped, so a call
     * in progress is recovered by the server rather than ended.
     */
    @Override
    public void close() {
        closed = true;
        logout();
        closeResources();
        // No waiting here: close runs on the FX thread, which must never block.
        timer.shutdownNow();
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }

    /**
     * Ends the session on the server, without waiting (this runs on the FX thread). A call in progress is not hung up:
     * the server's recovery brings it back after the next sign-in, which is a new session.
     */
    private void logout() {
        RestClient rest = signedIn;
        signedIn = null;
        if (rest != null) {
            rest.logout().whenComplete((done, failure) -> {
                if (failure != null) {
                    log.info("logout not confirmed: {}", Failures.text(failure));
                }
            });
        }
    }

    private void closeResources() {
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
