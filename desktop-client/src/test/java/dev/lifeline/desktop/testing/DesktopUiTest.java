package dev.lifeline.desktop.testing;

import dev.lifeline.desktop.app.AppShell;
import dev.lifeline.desktop.app.DesktopConfig;
import dev.lifeline.desktop.credentials.SavedSignIns;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A real desktop ({@link AppShell}) in a headless stage, against a {@link FakeLifelineServer}, with a
 * {@link RecordingSoftphone}. Subclasses script the server in {@link #script(FakeLifelineServer)} and say whether
 * to sign in by themselves.
 */
public abstract class DesktopUiTest extends FxRobot {

    protected static final String PASSWORD = "correct horse";

    protected final List<String> log = new CopyOnWriteArrayList<>();
    protected FakeLifelineServer server;
    protected RecordingSoftphone softphone;
    protected AppShell shell;

    // TestFX's @Start is only looked up on the test class itself, so the shared fixture registers the stage here.
    @BeforeEach
    public void startDesktop() throws Exception {
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(this::start);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void start(Stage stage) {
        server = new FakeLifelineServer(log).agent("alice", PASSWORD, Samples.WORKER).supervisor("sam", PASSWORD);
        server.agentState(Samples::idle);
        server.offerSoftphone(Samples.SIP_ACCOUNT);
        script(server);
        softphone = new RecordingSoftphone(log);
        DesktopConfig config = DesktopConfig.defaults()
                .withSoftphones(account -> softphone)
                .withTimings(Duration.ofMillis(200), Duration.ofMillis(400));
        String user = signInAs();
        if (user != null) {
            config = config.withServer(server.url(), user, PASSWORD);
        }
        shell = new AppShell(stage, configure(config), savedSignIns());
        shell.start();
        // TestFX hands every test the same primary stage: a test that made the window small (AgentCallFlowTest) must
        // not leave the next one's controls outside the scene, where TestFX will not click them.
        stage.sizeToScene();
    }

    /** Scripts the fake server before the desktop starts. */
    protected void script(FakeLifelineServer server) {
    }

    /** Changes the desktop's configuration (e.g. the softphone) before it starts. */
    protected DesktopConfig configure(DesktopConfig config) {
        return config;
    }

    /** Where the desktop keeps its sign-in between runs (issue 14); nowhere unless a test says so. */
    protected SavedSignIns savedSignIns() {
        return SavedSignIns.none();
    }

    /** Who signs in automatically, or null to stay on the login screen. */
    protected String signInAs() {
        return "alice";
    }

    @AfterEach
    public void stopDesktop() throws Exception {
        interact(() -> shell.close());
        FxToolkit.cleanupStages();
        server.close();
    }

    protected String text(String query) {
        return Await.onFx(() -> lookup(query).queryAs(Labeled.class).getText());
    }

    protected boolean shown(String query) {
        return Await.onFx(() -> lookup(query).tryQuery().map(DesktopUiTest::visibleUpTheTree).orElse(false));
    }

    protected boolean disabled(String query) {
        return Await.onFx(() -> lookup(query).query().isDisabled());
    }

    private static boolean visibleUpTheTree(Node node) {
        for (Node at = node; at != null; at = at.getParent()) {
            if (!at.isVisible()) {
                return false;
            }
        }
        return node.getScene() != null && node.getScene().getWindow() != null && node.getScene().getWindow().isShowing();
    }

    protected void awaitDesk() {
        Await.untilFx("the agent desk is connected",
                () -> lookup("#connectionState").tryQuery().map(n -> "Connected".equals(((Labeled) n).getText())).orElse(false));
        awaitServerSocket();
    }

    /**
     * The client sees its socket open a moment before the server's connect handler registers it; a test that
     * pushes an event waits for the server's side too, or the push can reach nobody.
     */
    protected void awaitServerSocket() {
        Await.until("the server holds the desktop's event socket", () -> server.openSockets() > 0);
    }
}
