package dev.lifeline.desktop.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lifeline.model.command.AcceptReservation;
import dev.lifeline.model.command.CancelIncident;
import dev.lifeline.model.command.Heartbeat;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ConnectionBasicsTest {

    @Test
    void backoffDoublesUpToItsCeilingAndResets() {
        Backoff backoff = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(3));

        assertThat(java.util.stream.Stream.generate(backoff::nextDelay).limit(5).toList())
                .containsExactly(Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2),
                        Duration.ofSeconds(3), Duration.ofSeconds(3));
        backoff.reset();
        assertThat(backoff.nextDelay()).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void aTokenIsRefreshedBeforeItExpires() {
        Instant now = Instant.parse("2026-11-25T21:00:00Z");

        assertThat(TokenRefresher.delayUntilRefresh(now, now.plus(Duration.ofMinutes(15)))).isEqualTo(Duration.ofMinutes(11).plusSeconds(15));
        assertThat(TokenRefresher.delayUntilRefresh(now, now.plus(Duration.ofMinutes(2)))).isEqualTo(Duration.ofMinutes(1));
        assertThat(TokenRefresher.delayUntilRefresh(now, now.plusSeconds(40))).isEqualTo(Duration.ofSeconds(30));
        assertThat(TokenRefresher.delayUntilRefresh(now, now.minusSeconds(1))).isEqualTo(Duration.ZERO);
    }

    @Test
    void aServerAddressWithoutSchemeIsHttps() {
        assertThat(ServerAddress.parse("lifeline.example.com").display()).isEqualTo("https://lifeline.example.com");
        assertThat(ServerAddress.parse("http://localhost:8080/").http("/api/login").toString())
                .isEqualTo("http://localhost:8080/api/login");
    }

    @Test
    void aBrokenServerAddressIsExplained() {
        assertThatThrownBy(() -> ServerAddress.parse("http://")).hasMessageContaining("is not a server address");
        assertThatThrownBy(() -> ServerAddress.parse(" ")).hasMessageStartingWith("Enter the server address");
    }

    @Test
    void commandsMapToTheirContractPaths() {
        assertThat(CommandRoutes.pathOf(new AcceptReservation("WR1"))).isEqualTo("/api/reservations/WR1/accept");
        assertThat(CommandRoutes.pathOf(new CancelIncident("CF1:CA1", null))).isEqualTo("/api/incidents/CF1%3ACA1/cancel");
        assertThatThrownBy(() -> CommandRoutes.pathOf(new Heartbeat(Instant.now())))
                .hasMessageContaining("sent on the event stream");
    }
}
