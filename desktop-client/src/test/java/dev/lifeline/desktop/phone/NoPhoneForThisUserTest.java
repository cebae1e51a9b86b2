package dev.lifeline.desktop.phone;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lifeline.desktop.testing.Await;
import dev.lifeline.desktop.testing.DesktopUiTest;
import dev.lifeline.desktop.testing.FakeLifelineServer;
import org.junit.jupiter.api.Test;

/** {@code GET /api/me/softphone} answers 404: the desk opens without a phone and the status bar says so. */
class NoPhoneForThisUserTest extends DesktopUiTest {

    @Override
    protected void script(FakeLifelineServer server) {
        server.offerSoftphone(null);
    }

    @Test
    void theStatusBarSaysThereIsNoPhoneForThisUser() {
        awaitDesk();

        Await.untilFx("the phone line explains", () -> text("#phoneStatus").equals("No phone for this user"));
        assertThat(log).as("no softphone was made").noneMatch(line -> line.startsWith("softphone:register"));
        assertThat(Await.onFx(() -> lookup("#phoneStatus").query().getPseudoClassStates().toString())).contains("problem");
    }
}
