package dev.lifeline.model.codec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lifeline.model.Samples;
import dev.lifeline.model.agent.Activity;
import dev.lifeline.model.command.Heartbeat;
import dev.lifeline.model.command.SetActivity;
import dev.lifeline.model.event.ReservationRescinded;
import dev.lifeline.model.reservation.ReservationStatus;
import org.junit.jupiter.api.Test;

/** What the bytes on the wire look like, for the peer that is not written in Java (or not written yet). */
class WireFormatTest {

    private final JsonCodec codec = JsonCodec.shared();

    @Test
    void instantsAreIso8601TextInUtc() {
        assertThat(codec.encode(new Heartbeat(Samples.T0.plusMillis(250))))
                .isEqualTo("{\"type\":\"heartbeat\",\"clientTime\":\"2026-11-25T21:00:00.250Z\"}");
    }

    @Test
    void durationsAreIso8601Text() {
        assertThat(codec.encode(Samples.queueSnapshot().recentlyFinished().get(0)))
                .contains("\"timeToReconnect\":\"PT9.25S\"");
    }

    @Test
    void twilioStatusesUseTwilioWireValues() {
        assertThat(codec.encode(new ReservationRescinded("WR1", ReservationStatus.TIMEOUT)))
                .isEqualTo("{\"type\":\"reservation-rescinded\",\"reservationSid\":\"WR1\",\"status\":\"timeout\"}");
        assertThat(codec.encode(Samples.task())).contains("\"status\":\"assigned\"");
    }

    @Test
    void activitiesUseTaskRouterActivityNames() {
        assertThat(codec.encode(new SetActivity(Activity.BREAK))).isEqualTo("{\"type\":\"set-activity\",\"activity\":\"Break\"}");
    }

    @Test
    void taskAttributesAreAJsonObjectNotAString() {
        assertThat(codec.encode(Samples.task()))
                .contains("\"attributes\":{\"call_sid\":\"" + Samples.CUSTOMER_CALL + "\"")
                .contains("\"routing\":{\"skills\":[\"english\",\"billing\"]}");
    }

    @Test
    void phaseTimestampsAreKeyedByPhaseInTimelineOrder() {
        assertThat(codec.encode(Samples.incident()))
                .contains("\"phaseReachedAt\":{\"DETECTED\":\"2026-11-25T21:00:00Z\",\"PINGING\":\"2026-11-25T21:00:00.800Z\"}");
    }

    @Test
    void helperMethodsAreNotWireMembers() {
        assertThat(codec.encode(Samples.incident())).doesNotContain("\"open\"", "timeToReconnect");
        assertThat(codec.encode(Samples.reservation())).doesNotContain("\"pending\":", "partOfRecovery");
    }
}
