package dev.lifeline.desktop.app;

import dev.lifeline.desktop.connection.ServerAddress;
import dev.lifeline.desktop.credentials.SavedSignIns;
import dev.lifeline.desktop.guardian.RestartNotice;
import dev.lifeline.desktop.simulator.SimulatorWindow;
import dev.lifeline.desktop.ui.AfterFrames;
import java.lang.management.ManagementFactory;
import java.util.Optional;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The JavaFX application; started by {@link Launcher}, which hands it the parsed command line. */
public final class DesktopApplication extends Application {

    private static final Logger log = LoggerFactory.getLogger(DesktopApplication.class);

    private static volatile LaunchOptions options;
    private static volatile Optional<String> restartReason = Optional.empty();
    private AppShell shell;
    private SimulatorWindow simulator;

    static void options(LaunchOptions launchOptions, Optional<String> whyRestarted) {
        options = launchOptions;
        restartReason = whyRestarted;
    }

    @Override
    public void start(Stage stage) {
        LaunchOptions launch = options;
        stage.setOnCloseRequest(event -> Platform.exit());
        if (launch.simulator()) {
            simulator = new SimulatorWindow(stage, ServerAddress.parse(launch.server()), SimulatorWindow.POLL_EVERY);
            simulator.start();
        } else {
            DesktopConfig config = launch.toConfig();
            // Issue 14: a real launch keeps its sign-in (the OS credential store, or an owner-only file).
            shell = new AppShell(stage, config, SavedSignIns.forThisUser(config.configDirectory(), System.getenv()));
            shell.start();
        }
        restartReason.ifPresent(reason -> RestartNotice.show(stage, reason));
        afterFirstFrame(launch.exitAfterFirstFrame());
    }

    /**
     * A pulse that runs after the stage was shown means the first frame was rendered: says so in the log (start-up
     * is measured from it: bench/run.sh desktop), then leaves cleanly if asked to.
     */
    private static void afterFirstFrame(boolean exit) {
        AfterFrames.run(2, () -> {
            logFirstFrame(System.currentTimeMillis());
            if (exit) {
                Platform.exit();
            }
        });
    }

    /**
     * Logs the first frame with the JVM's own start time, so that start-up is measured from the process's launch
     * (the operating system's process start time is only as good as its boot-time stamp, seconds coarse). Off the UI
     * thread: the management classes it loads are not on the way to the Reconnecting modal.
     */
    private static void logFirstFrame(long shownAt) {
        Thread logger = new Thread(() -> {
            long jvmStartedAt = ManagementFactory.getRuntimeMXBean().getStartTime();
            log.info("first frame shown at {} (JVM started at {}: {} ms)", shownAt, jvmStartedAt, shownAt - jvmStartedAt);
        }, "first-frame-log");
        logger.start(); // not a daemon: a run asked to exit after the first frame still says when it was shown
    }

    @Override
    public void stop() {
        if (shell != null) {
            shell.close();
        }
        if (simulator != null) {
            simulator.close();
        }
    }
}
