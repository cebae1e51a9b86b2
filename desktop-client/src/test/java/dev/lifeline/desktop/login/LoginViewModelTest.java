package dev.lifeline.desktop.login;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lifeline.desktop.connection.ServerAddress;
import dev.lifeline.desktop.ui.UiExecutor;
import dev.lifeline.model.auth.LoginResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Issue 22 #5: no password goes over plain HTTP to another machine unless the agent's launch option allows it. */
class LoginViewModelTest {

    private final List<String> attempts = new CopyOnWriteArrayList<>();
    private final LoginViewModel login = new LoginViewModel((server, credentials) -> {
        attempts.add(server.display());
        return new CompletableFuture<LoginResponse>(); // never answers: only whether it was tried matters here
    }, UiExecutor.DIRECT, (server, response) -> { });

    private void signIn(String url) {
        login.serverUrlProperty().set(url);
        login.usernameProperty().set("alice");
        login.passwordProperty().set("correct horse");
        login.signIn();
    }

    @Test
    void plainHttpToAnotherMachineIsRefusedBeforeAnythingIsSent() {
        signIn("http://lifeline.example.com:8080");

        assertThat(attempts).isEmpty();
        assertThat(login.errorProperty().get()).isEqualTo("http://lifeline.example.com:8080 is not encrypted: your "
                + "password and your calls would cross the network in plain text. Use https://, or start the desktop "
                + "with --allow-insecure-http on a network you trust.");
    }

    @Test
    void httpsGoesAhead() {
        signIn("https://lifeline.example.com");

        assertThat(attempts).containsExactly("https://lifeline.example.com");
        assertThat(login.errorProperty().get()).isEmpty();
        assertThat(login.warningProperty().get()).isEmpty();
    }

    @Test
    void plainHttpOnThisMachineGoesAhead() {
        signIn("http://localhost:8080");

        assertThat(attempts).containsExactly("http://localhost:8080");
        assertThat(login.warningProperty().get()).isEmpty();
    }

    @Test
    void whenAllowedPlainHttpGoesAheadUnderAWarning() {
        login.allowPlainHttp(true);
        signIn("http://10.0.0.5:8080");

        assertThat(attempts).containsExactly("http://10.0.0.5:8080");
        assertThat(login.errorProperty().get()).isEmpty();
        assertThat(login.warningProperty().get())
                .isEqualTo("Not encrypted: http://10.0.0.5:8080 is plain HTTP (allowed by --allow-insecure-http).");
    }

    @Test
    void theWarningFollowsTheAddressBeingTyped() {
        login.allowPlainHttp(true);

        login.serverUrlProperty().set("http://10.0.0.5:8080");
        assertThat(login.warningProperty().get()).startsWith("Not encrypted");
        login.serverUrlProperty().set("https://10.0.0.5");
        assertThat(login.warningProperty().get()).isEmpty();
        login.serverUrlProperty().set("http://127.0.0.1:8080");
        assertThat(login.warningProperty().get()).isEmpty();
    }

    @Test
    void theAddressDecidesWhatIsPlainTextOverTheNetwork() {
        assertThat(ServerAddress.parse("http://10.0.0.5").isPlainTextOverTheNetwork()).isTrue();
        assertThat(ServerAddress.parse("http://[::1]:8080").isPlainTextOverTheNetwork()).isFalse();
        assertThat(ServerAddress.parse("lifeline.example.com").isPlainTextOverTheNetwork()).as("https by default").isFalse();
    }
}
