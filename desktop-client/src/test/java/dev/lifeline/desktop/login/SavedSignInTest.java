package dev.lifeline.desktop.login;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lifeline.desktop.credentials.DeviceIdentity;
import dev.lifeline.desktop.credentials.SavedSignIn;
import dev.lifeline.desktop.credentials.SavedSignIns;
import dev.lifeline.desktop.testing.Await;
import dev.lifeline.desktop.testing.DesktopUiTest;
import dev.lifeline.desktop.testing.FakeLifelineServer;
import dev.lifeline.model.auth.ResumeCredential;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.control.DialogPane;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14 item 1 in the real desktop (TestFX): a start with a saved sign-in signs in by itself and saves the next
 * credential; a refused one (revoked, expired) is forgotten and the form says why; the account menu's Sign out
 * revokes it on the server and forgets it; a password sign-in saves it; the About box names where it is kept.
 */
class SavedSignInTest extends DesktopUiTest {

    @TempDir
    Path config;
    private String seeded;
    private TestInfo test;

    SavedSignInTest(TestInfo test) {
        this.test = test;
    }

    @Override
    protected String signInAs() {
        return null;
    }

    @Override
    protected SavedSignIns savedSignIns() {
        return SavedSignIns.inFileOf(config);
    }

    @Override
    protected void script(FakeLifelineServer server) {
        String device = DeviceIdentity.of(config).id();
        if (test.getTestMethod().orElseThrow().getName().startsWith("aStartWithoutASavedSignIn")) {
            return;
        }
        ResumeCredential credential = test.getTestMethod().orElseThrow().getName().contains("Refused")
                ? new ResumeCredential("resume-revoked-meanwhile", java.time.Instant.now().plusSeconds(3600))
                : server.resumeCredential("alice", device);
        seeded = credential.credential();
        SavedSignIns.inFileOf(config).save(new SavedSignIn(server.url(), "alice", seeded, credential.expiresAt())).join();
    }

    @Test
    void aStartWithASavedSignInSignsInByItselfAndSavesTheNextCredential() throws Exception {
        awaitDesk();

        assertThat(server.resumes()).isEqualTo(1);
        Await.until("the next credential is saved", () -> !savedFile().contains(seeded));
        assertThat(savedFile()).contains("\"identity\":\"alice\"").contains("resume-alice-");
    }

    @Test
    void aRefusedSavedSignInShowsTheFormWithAReadableMessageAndIsForgotten() {
        Await.untilFx("the refusal is explained", () -> !text("#loginError").isEmpty());

        assertThat(text("#loginError")).startsWith("Your saved sign-in is no longer valid").doesNotContain("Exception");
        assertThat(Await.onFx(() -> lookup("#userField").queryAs(TextField.class).getText())).isEqualTo("alice");
        Await.until("the saved sign-in is forgotten", () -> !Files.exists(savedPath()));
        assertThat(shown("#agentDesk")).isFalse();
    }

    @Test
    void signOutFromTheAccountMenuRevokesTheSavedSignInAndForgetsIt() {
        awaitDesk();

        clickOn("#accountMenu");
        clickOn("#signOutMenuItem");

        Await.untilFx("the login form is back", () -> !text("#loginError").isEmpty());
        assertThat(text("#loginError")).isEqualTo("You signed out. Sign in to take calls again.");
        Await.until("the server revoked the device", () -> server.signOuts() == 1);
        Await.until("the saved sign-in is forgotten", () -> !Files.exists(savedPath()));
    }

    @Test
    void aStartWithoutASavedSignInSavesTheOneAPasswordSignInGetsAndTheAboutBoxNamesTheFile() throws Exception {
        interact(() -> {
            lookup("#serverField").queryAs(TextField.class).setText(server.url());
            lookup("#userField").queryAs(TextField.class).setText("alice");
            lookup("#passwordField").queryAs(TextField.class).setText(PASSWORD);
        });
        clickOn("#signInButton");
        awaitDesk();
        Await.until("the sign-in is saved", () -> Files.exists(savedPath()));

        press(KeyCode.F1).release(KeyCode.F1);

        Await.untilFx("the about box shows", () -> lookup("#aboutDialog").tryQuery().isPresent());
        String about = Await.onFx(() -> lookup("#aboutDialog").queryAs(DialogPane.class).getContentText());
        assertThat(about).contains("Saved sign-in: file " + savedPath() + " (readable by you only)");
        assertThat(savedFile()).contains("resume-alice-");
    }

    private Path savedPath() {
        return config.resolve("saved-sign-in.json");
    }

    private String savedFile() throws Exception {
        return Files.exists(savedPath()) ? Files.readString(savedPath()) : "";
    }
}
