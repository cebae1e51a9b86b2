package dev.lifeline.desktop.simulator;

import dev.lifeline.desktop.connection.ServerAddress;
import dev.lifeline.desktop.ui.FxThread;
import dev.lifeline.desktop.ui.UiExecutor;
import dev.lifeline.desktop.ui.ViewLoader;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.stage.Stage;
import okhttp3.OkHttpClient;

/**
 * The Simulator in a stage ({@code --simulator --server URL}): plays the customer against a server in sim mode
 * and polls its call list every {@code pollEvery}. Owns its HTTP client and timer; {@link #close()} frees them.
 */
public final class SimulatorWindow implements AutoCloseable {

    public static final Duration POLL_EVERY = Duration.ofSeconds(1);

    private final Stage stage;
    private final ServerAddress server;
    private final Duration pollEvery;
    private final UiExecutor ui = FxThread.INSTANCE;
    private final OkHttpClient http = new OkHttpClient.Builder()
            .connectTimeout(java.time.Duration.ofSeconds(3)).readTimeout(java.time.Duration.ofSeconds(10)).build();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "lifeline-simulator-poll");
        thread.setDaemon(true);
        return thread;
    });
    private SimulatorViewModel model;

    public SimulatorWindow(Stage stage, ServerAddress server, Duration pollEvery) {
        this.stage = stage;
        this.server = server;
        this.pollEvery = pollEvery;
    }

    public void start() {
        model = new SimulatorViewModel(new CustomerCallsClient(http, server), ui);
        Scene scene = new Scene(new SimulatorView(model, server.display()).root(), 620, 420);
        scene.getStylesheets().add(ViewLoader.stylesheet());
        stage.setTitle("Lifeline — Simulator");
        stage.setScene(scene);
        stage.show();
        // The refresh itself runs on the FX thread (it reads and writes view-model state); only the HTTP call leaves it.
        timer.scheduleWithFixedDelay(() -> ui.execute(model::refresh), 0, pollEvery.toMillis(), TimeUnit.MILLISECONDS);
    }

    public SimulatorViewModel model() {
        return model;
    }

    @Override
    public void close() {
        timer.shutdownNow();
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }
}
