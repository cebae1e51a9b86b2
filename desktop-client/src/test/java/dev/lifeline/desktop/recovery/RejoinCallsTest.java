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
import java.time.Duration;
import java.util.ArrayList;
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
    /** Retries the desk would run later, turned by hand. */
    private final List<Pending> later = new ArrayList<>();
    private final RejoinCalls calls = new RejoinCalls(model, sender, UiExecutor.DIRECT,
            (delay, work) -> later.add(new Pending(delay, work)), answered::add);

    private record Pending(Duration delay, Runnable work) {
    }

    private void runWhatWasDue() {
        List<Pending> due = new ArrayList<>(later);
        later.clear();
        due.forEach(pending -> pending.work().run());
    }

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
    void aWordThatDidNotReachTheServerIsSaidAgainAfterABackoffWithoutWaitingForNews() {
        sender.refuse(0, "the member it reached died");
        calls.phoneRegistered(true);
        model.apply(new IncidentChanged(Samples.incident(INCIDENT, Phase.PINGING, 1)));
        assertThat(later).singleElement().extracting(Pending::delay).isEqualTo(Duration.ofMillis(500));

        runWhatWasDue();
        assertThat(later).as("a second failure backs off further").singleElement()
                .extracting(Pending::delay).isEqualTo(Duration.ofSeconds(1));
        sender.accept();
        runWhatWasDue();

        assertThat(sender.sent).containsExactly(new PhoneReady(INCIDENT), new PhoneReady(INCIDENT), new PhoneReady(INCIDENT));
        assertThat(later).as("said once it arrived").isEmpty();
    }

    @Test
    void aRetryDueAfterTheRecoveryMovedOnSaysNothing() {
        sender.refuse(503, "the cluster is reforming");
        calls.phoneRegistered(true);
        model.apply(new IncidentChanged(Samples.incident(INCIDENT, Phase.PINGING, 1)));
        model.apply(new IncidentChanged(Samples.incident(INCIDENT, Phase.REQUEUED, 2)));

        runWhatWasDue();

        assertThat(sender.sent).containsExactly(new PhoneReady(INCIDENT));
    }

    @Test
    void theServersRefusalIsNotAskedAgain() {
        sender.refuse(404, "No incident " + INCIDENT);
        calls.phoneRegistered(true);
        model.apply(new IncidentChanged(Samples.incident(INCIDENT, Phase.PINGING, 1)));

        assertThat(later).isEmpty();
        assertThat(sender.sent).containsExactly(new PhoneReady(INCIDENT));
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
