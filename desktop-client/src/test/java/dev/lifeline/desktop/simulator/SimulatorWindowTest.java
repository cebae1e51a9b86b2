package dev.lifeline.desktop.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lifeline.desktop.connection.ServerAddress;
import dev.lifeline.desktop.testing.Await;
import java.time.Duration;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The Simulator window in a headless stage against a scripted fake of the server's {@code /demo/calls}. */
class SimulatorWindowTest extends FxRobot {

    private FakeSimulatorServer server;
    private SimulatorWindow window;

    @BeforeEach
    void open() throws Exception {
        server = new FakeSimulatorServer();
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(stage -> {
            window = new SimulatorWindow(stage, ServerAddress.parse(server.url()), Duration.ofMillis(100));
            window.start();
        });
        WaitForAsyncUtils.waitForFxEvents();
        Await.untilFx("the window reaches the server", () -> "Connected".equals(text("#connectionState")));
    }

    @AfterEach
    void close() throws Exception {
        window.close();
        FxToolkit.cleanupStages();
        server.close();
    }

    @SuppressWarnings("unchecked")
    private TableView<CustomerCallRow> table() {
        return lookup("#callTable").queryAs(TableView.class);
    }

    private String text(String query) {
        return lookup(query).queryAs(Labeled.class).getText();
    }

    private boolean disabled(String query) {
        return Await.onFx(() -> lookup(query).query().isDisabled());
    }

    @Test
    void aCustomerWhoCallsInAppearsInTheListAndStaysSelectedWhileItsCallChanges() {
        clickOn("#callInButton");
        Await.untilFx("the call appears", () -> table().getItems().size() == 1);
        assertThat(Await.onFx(() -> text("#statusMessage"))).startsWith("A customer is calling in (CA");
        assertThat(disabled("#thirdPartyButton")).isTrue();

        interact(() -> table().getSelectionModel().select(0));
        server.bridge(server.callSids().get(0));

        Await.untilFx("the poll shows the conference", () -> table().getItems().get(0).conferenceProperty().get().startsWith("CF"));
        assertThat(Await.onFx(() -> table().getSelectionModel().getSelectedIndex())).isZero();
        assertThat(Await.onFx(() -> table().getItems().get(0).statusProperty().get())).isEqualTo("in-progress");
        assertThat(disabled("#thirdPartyButton")).isFalse();
    }

    @Test
    void aThirdPartyForACustomerNotYetInAConferenceShowsTheServersReason() {
        clickOn("#callInButton");
        Await.untilFx("the call appears", () -> table().getItems().size() == 1);
        interact(() -> table().getSelectionModel().select(0));

        clickOn("#thirdPartyButton");

        Await.untilFx("the error is shown", () -> text("#errorMessage").endsWith("is not in a conference yet"));
        assertThat(server.requests).contains("POST third-party " + server.callSids().get(0));
    }

    @Test
    void theSelectedCustomerHangsUpAndTheButtonsActingOnTheCallAreDisabled() {
        clickOn("#callInButton");
        Await.untilFx("the call appears", () -> table().getItems().size() == 1);
        interact(() -> table().getSelectionModel().select(0));
        server.bridge(server.callSids().get(0));
        Await.untilFx("the hang-up button is enabled", () -> !lookup("#hangUpButton").query().isDisabled());

        clickOn("#hangUpButton");

        Await.untilFx("the call is completed", () -> "completed".equals(table().getItems().get(0).statusProperty().get()));
        assertThat(server.requests).contains("POST hangup " + server.callSids().get(0));
        Await.untilFx("the buttons for the call are disabled",
                () -> lookup("#hangUpButton").query().isDisabled() && lookup("#thirdPartyButton").query().isDisabled());
        assertThat(Await.onFx(() -> text("#statusMessage"))).endsWith("hung up.");
    }
}
