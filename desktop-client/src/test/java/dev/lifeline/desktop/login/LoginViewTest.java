package dev.lifeline.desktop.login;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lifeline.desktop.testing.Await;
import dev.lifeline.desktop.testing.DesktopUiTest;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.Test;

class LoginViewTest extends DesktopUiTest {

    @Override
    protected String signInAs() {
        return null;
    }

    private void signIn(String url, String user, String password) {
        interact(() -> {
            lookup("#serverField").queryAs(TextField.class).setText(url);
            lookup("#userField").queryAs(TextField.class).setText(user);
            lookup("#passwordField").queryAs(TextField.class).setText(password);
        });
        clickOn("#signInButton");
    }

    @Test
    void wrongPasswordIsExplainedInTheWindow() {
        signIn(server.url(), "alice", "not the password");

        Await.untilFx("an error shows", () -> !text("#loginError").isEmpty());
        assertThat(text("#loginError")).isEqualTo("Wrong user name or password.");
        assertThat(shown("#agentDesk")).isFalse();
    }

    @Test
    void unreachableServerIsExplainedInTheWindow() {
        signIn("http://127.0.0.1:1", "alice", PASSWORD);

        Await.untilFx("an error shows", () -> !text("#loginError").isEmpty());
        assertThat(text("#loginError")).contains("cannot be reached").contains("127.0.0.1:1").doesNotContain("Exception");
    }

    @Test
    void tlsProblemIsExplainedInTheWindow() {
        // The fake speaks plain HTTP, so an https:// URL fails in the TLS handshake, as an untrusted server would.
        signIn(server.url().replace("http://", "https://"), "alice", PASSWORD);

        Await.untilFx("an error shows", () -> !text("#loginError").isEmpty());
        assertThat(text("#loginError")).startsWith("A secure connection to").doesNotContain("Exception");
    }

    @Test
    void plainHttpToAnotherMachineIsRefusedInTheWindow() {
        // .invalid never resolves (RFC 6761): even a desktop without the check would send nothing anywhere.
        signIn("http://lifeline.invalid:8080", "alice", PASSWORD);

        Await.untilFx("an error shows", () -> !text("#loginError").isEmpty());
        assertThat(text("#loginError")).startsWith("http://lifeline.invalid:8080 is not encrypted")
                .contains("--allow-insecure-http");
        assertThat(shown("#loginWarning")).isFalse();
    }

    @Test
    void missingFieldsAreNamedBeforeAnythingIsSent() {
        signIn(server.url(), "alice", "");

        assertThat(text("#loginError")).isEqualTo("Enter your password.");
    }

    @Test
    void rightPasswordOpensTheAgentDeskAndStartsHeartbeats() {
        signIn(server.url(), "alice", PASSWORD);

        awaitDesk();
        assertThat(shown("#agentDesk")).isTrue();
        assertThat(text("#agentName")).isEqualTo("Alice Agent");
        Await.until("a heartbeat reaches the server", () -> server.heartbeats() > 0);
    }

    @Test
    void anExpiredSessionThatCannotBeRefreshedReturnsToTheLoginWindow() {
        server.tokenLifetime(java.time.Duration.ofSeconds(2));
        signIn(server.url(), "alice", PASSWORD);
        awaitDesk();

        server.revokeTokens();
        server.dropSockets();

        Await.untilFx("the login window explains", () -> shown("#loginView") && !text("#loginError").isEmpty());
        assertThat(text("#loginError")).isEqualTo("Your session expired. Sign in again.");
        assertThat(Await.onFx(() -> lookup("#serverField").queryAs(TextField.class).getText())).isEqualTo(server.url());
        assertThat(Await.onFx(() -> lookup("#userField").queryAs(TextField.class).getText())).isEqualTo("alice");
    }

    @Test
    void closingTheDesktopEndsTheSessionOnTheServer() {
        signIn(server.url(), "alice", PASSWORD);
        awaitDesk();

        interact(() -> shell.close());

        Await.until("the server hears the logout", () -> server.logouts() == 1);
    }
}
