package dev.lifeline.desktop.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lifeline.desktop.agent.AgentModel;
import dev.lifeline.desktop.testing.RecordingSender;
import dev.lifeline.desktop.testing.Samples;
import dev.lifeline.desktop.ui.UiExecutor;
import dev.lifeline.model.command.PhoneReady;
import dev.lifeline.model.event.IncidentChanged;
import dev.lifeline.model.incident.Phase;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * Issue 17, desktop side: the desktop says it is back once signed in with its phone registered, and during its own
 * recovery answers only the call the server announced as the rejoin — never an arbitrary call to the agent's address.
 */
class RejoinCallsTest {

    private static final String INCIDENT = "CF1:CAagent";

    private final AgentModel model = new AgentModel(Samples.WORKER, Clock.systemUTC());
    private final RecordingSender sender = new RecordingSender();
    private final List<String> answered = new CopyOnWriteArrayList<>();
    private final RejoinCalls calls = new RejoinCalls(model, sender, UiExecutor.DIRECT, answered::add);

    @Test
    void aDesktopBackWithItsPhoneRegisteredSaysSoOnceForItsIncident() {
        model.apply(new IncidentChanged(Samples.incident(INCIDENT, Phase.PINGING, 1)));
        assertThat(sender.sent).as("not before the phone is registered").isEmpty();

        calls.phoneRegistered(true);
        calls.phoneRegistered(true);
        model.apply(new IncidentChanged(Samples.incident(INCIDENT, Phase.PINGING, 2)));

        assertThat(sender.sent).containsExactly(new PhoneReady(INCIDENT));
    }

    @Test
    void aFailedWordIsSaidAgainWhenTheIncidentNewsComesAgain() {
        sender.refuse(503, "the cluster is reforming");
        calls.phoneRegistered(true);
        model.apply(new IncidentChanged(Samples.incident(INCIDENT, Phase.PINGING, 1)));

        model.apply(new IncidentChanged(Samples.incident(INCIDENT, Phase.PINGING, 2)));

        assertThat(sender.sent).containsExactly(new PhoneReady(INCIDENT), new PhoneReady(INCIDENT));
    }

    @Test
    void aCallDuringTheRecoveryThatNobodyAnnouncedIsNotAnswered() {
        model.apply(new IncidentChanged(Samples.incident(INCIDENT, Phase.PINGING, 1)));

        calls.ringing("CAstranger");

        assertThat(answered).isEmpty();
    }

    @Test
    void theAnnouncedRejoinIsAnsweredAtOnce() {
        model.apply(new IncidentChanged(Samples.incident(INCIDENT, Phase.REJOINING, 2)));

        calls.ringing("CArejoin");

        assertThat(answered).containsExactly("CArejoin");
    }

    @Test
    void aRejoinThatRingsBeforeItsAnnouncementIsAnsweredWhenTheAnnouncementArrives() {
        model.apply(new IncidentChanged(Samples.incident(INCIDENT, Phase.PINGING, 1)));
        calls.ringing("CArejoin");
        assertThat(answered).isEmpty();

        model.apply(new IncidentChanged(Samples.incident(INCIDENT, Phase.REJOINING, 2)));

        assertThat(answered).containsExactly("CArejoin");
    }

    @Test
    void aCallThatStoppedRingingIsNotAnsweredByALaterAnnouncement() {
        model.apply(new IncidentChanged(Samples.incident(INCIDENT, Phase.PINGING, 1)));
        calls.ringing("CAgone");
        calls.ringEnded("CAgone");

        model.apply(new IncidentChanged(Samples.incident(INCIDENT, Phase.REJOINING, 2)));

        assertThat(answered).isEmpty();
    }

    @Test
    void anUnannouncedCallIsNotAnsweredWhenTheRecoveryEndsOtherwise() {
        model.apply(new IncidentChanged(Samples.incident(INCIDENT, Phase.PINGING, 1)));
        calls.ringing("CAstranger");

        model.apply(new IncidentChanged(Samples.incident(INCIDENT, Phase.REQUEUED, 2)));

        assertThat(answered).isEmpty();
    }

    @Test
    void outsideARecoveryACallFollowsAnAcceptedReservationAndIsAnswered() {
        calls.ringing("CAoffer");

        assertThat(answered).containsExactly("CAoffer");
    }
}
