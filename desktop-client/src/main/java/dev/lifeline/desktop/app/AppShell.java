package dev.lifeline.desktop.app;

import dev.lifeline.desktop.agent.AgentModel;
import dev.lifeline.desktop.credentials.SavedSignIns;
import dev.lifeline.desktop.desk.AgentDeskController;
import dev.lifeline.desktop.login.SessionServices;
import dev.lifeline.desktop.login.SignInFlow;
import dev.lifeline.desktop.login.SignedIn;
import dev.lifeline.desktop.recovery.ReconnectModalView;
import dev.lifeline.desktop.settings.AudioSettingsDialog;
import dev.lifeline.desktop.settings.AudioSettingsStore;
import dev.lifeline.desktop.softphone.audio.JavaSoundDevices;
import dev.lifeline.desktop.supervisor.SupervisorPanelController;
import dev.lifeline.desktop.ui.FxThread;
import dev.lifeline.desktop.ui.ViewLoader;
import dev.lifeline.model.auth.Role;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import okhttp3.OkHttpClient;

/**
 * Composes one desktop in a stage: the one HTTP client and timer thread, the window, and the sign-in flow, which hands
 * each new session to the controller of the role the server grants (the agent's desk or the supervisor's panel).
 * Owns the network resources and closes them in {@link #close()}.
 */
public final class AppShell implements AutoCloseable {

    private final Stage stage;
    private final DesktopConfig config;
    private final OkHttpClient http = new OkHttpClient.Builder()
            .connectTimeout(Duration.ofSeconds(5)).readTimeout(Duration.ofSeconds(15))
            .pingInterval(Duration.ofSeconds(10)).build();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "lifeline-timer");
        thread.setDaemon(true);
        return thread;
    });
    private final Scene scene;
    private final SignInFlow signIn;
    private final SavedSignIns saved;
    private AgentDeskController agentDesk;

    /** A desktop that keeps no sign-in between runs (tests). */
    public AppShell(Stage stage, DesktopConfig config) {
        this(stage, config, SavedSignIns.none());
    }

    /** @param saved where this computer keeps its saved sign-in (issue 14; {@link SavedSignIns#none()}: nowhere) */
    public AppShell(Stage stage, DesktopConfig config, SavedSignIns saved) {
        this.stage = stage;
        this.config = config;
        this.saved = saved;
        this.scene = new Scene(new StackPane(), 1040, 720);
        scene.getStylesheets().add(ViewLoader.stylesheet());
        AboutDialog.installOn(scene, saved::description);
        signIn = new SignInFlow(stage, scene,
                new SessionServices(http, timer, FxThread.INSTANCE, config.clock(), config.heartbeatEvery()), saved,
                this::openRole);
    }

    /**
     * Shows the login screen and signs in by itself when the config has credentials, else (issue 14 hook) with this
     * computer's saved sign-in when there is one.
     */
    public void start() {
        signIn.start(config.serverUrl(), config.user(), config.plainHttpAllowed());
        if (config.canSignInAutomatically()) {
            signIn.signInWith(config.password());
        } else {
            signIn.signInWithSavedCredential();
        }
    }

    private void openRole(SignedIn session) {
        if (session.role() == Role.SUPERVISOR) {
            SupervisorPanelController.open(session, scene, config.softphones()::create);
        } else {
            AgentDeskController.open(session, stage, config.softphones()::create,
                    new AudioSettingsDialog(new JavaSoundDevices(), new AudioSettingsStore(config.configDirectory())),
                    config.outcomeShownFor(), config.configDirectory(), opened -> agentDesk = opened);
        }
    }

    /** The agent's state (null until an agent's desk opened); for tests and screenshots. */
    public AgentModel agentModel() {
        return agentDesk == null ? null : agentDesk.model();
    }

    /** The Reconnecting modal (null until an agent's desk opened). */
    public ReconnectModalView modal() {
        return agentDesk == null ? null : agentDesk.modal();
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
        signIn.close();
        saved.close();
        // No waiting here: close runs on the FX thread, which must never block.
        timer.shutdownNow();
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }
}
