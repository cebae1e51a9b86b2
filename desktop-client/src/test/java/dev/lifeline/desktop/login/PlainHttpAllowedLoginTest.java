package dev.lifeline.desktop.login;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lifeline.desktop.app.DesktopConfig;
import dev.lifeline.desktop.testing.Await;
import dev.lifeline.desktop.testing.DesktopUiTest;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.Test;

/** A desktop started with {@code --allow-insecure-http}: the login window says the address is not encrypted. */
class PlainHttpAllowedLoginTest extends DesktopUiTest {

    @Override
    protected String signInAs() {
        return null;
    }

    @Override
    protected DesktopConfig configure(DesktopConfig config) {
        return config.withPlainHttpAllowed(true);
    }

    private void typeServer(String url) {
        interact(() -> lookup("#serverField").queryAs(TextField.class).setText(url));
    }

    @Test
    void plainHttpToAnotherMachineIsShownAsNotEncrypted() {
        typeServer("http://lifeline.invalid:8080");

        Await.untilFx("the warning shows", () -> shown("#loginWarning"));
        assertThat(text("#loginWarning"))
                .isEqualTo("Not encrypted: http://lifeline.invalid:8080 is plain HTTP (allowed by --allow-insecure-http).");
    }

    @Test
    void anHttpsAddressShowsNoWarning() {
        typeServer("http://lifeline.invalid:8080");
        Await.untilFx("the warning shows", () -> shown("#loginWarning"));

        typeServer("https://lifeline.invalid");

        Await.untilFx("the warning goes", () -> !shown("#loginWarning"));
    }

    @Test
    void theLoopbackServerOfTheDemoSignsInWithoutAWarning() {
        typeServer(server.url());
        interact(() -> {
            lookup("#userField").queryAs(TextField.class).setText("alice");
            lookup("#passwordField").queryAs(TextField.class).setText(PASSWORD);
        });
        clickOn("#signInButton");

        awaitDesk();
        assertThat(shown("#agentDesk")).isTrue();
    }
}
