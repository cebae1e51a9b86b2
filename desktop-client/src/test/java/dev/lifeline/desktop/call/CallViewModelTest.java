package dev.lifeline.desktop.call;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lifeline.desktop.agent.AgentModel;
import dev.lifeline.desktop.testing.RecordingSender;
import dev.lifeline.desktop.testing.RecordingSoftphone;
import dev.lifeline.desktop.testing.Samples;
import dev.lifeline.desktop.ui.UiExecutor;
import dev.lifeline.model.command.CompleteTask;
import dev.lifeline.model.command.HangUp;
import dev.lifeline.model.command.UnholdParticipant;
import dev.lifeline.model.event.ConferenceChanged;
import dev.lifeline.model.event.IncidentChanged;
import dev.lifeline.model.event.StateSnapshot;
import dev.lifeline.model.event.TaskChanged;
import dev.lifeline.model.incident.Phase;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class CallViewModelTest {

    private final List<String> log = new CopyOnWriteArrayList<>();
    private final AgentModel model = new AgentModel(Samples.WORKER, Clock.systemUTC());
    private final RecordingSender sender = new RecordingSender(log);
    private final RecordingSoftphone softphone = new RecordingSoftphone(log);
    private final CallViewModel call = new CallViewModel(model, sender, softphone, UiExecutor.DIRECT);

    @Test
    void participantsShowRoleHoldAndMute() {
        model.apply(new ConferenceChanged(Samples.call("CF1", "WT1", true, true)));

        assertThat(call.participants()).extracting(row -> row.nameProperty().get(), row -> row.roleProperty().get(),
                        row -> row.stateProperty().get())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Jane Doe", "Customer", "On hold"),
                        org.assertj.core.groups.Tuple.tuple("Alice Agent (you)", "Agent", "Muted"));
        assertThat(call.stateProperty().get()).isEqualTo("On hold");
    }

    @Test
    void rowsAreUpdatedInPlace() {
        model.apply(new ConferenceChanged(Samples.call("CF1", "WT1", false, false)));
        ParticipantRow customer = call.participants().get(0);

        model.apply(new ConferenceChanged(Samples.call("CF1", "WT1", true, false)));

        assertThat(call.participants().get(0)).isSameAs(customer);
        assertThat(customer.stateProperty().get()).isEqualTo("On hold");
    }

    @Test
    void theTimerCountsFromTheConferenceStart() {
        model.apply(new ConferenceChanged(Samples.call("CF1", "WT1", false, false)));
        Instant started = model.conferenceProperty().get().startedAt();

        call.tick(started.plusSeconds(125));

        assertThat(call.elapsedProperty().get()).isEqualTo("2:05");
    }

    @Test
    void hangUpTellsTheServerFirstThenTheSoftphone() {
        model.apply(new ConferenceChanged(Samples.call("CF1", "WT1", false, false)));

        call.hangUp();

        assertThat(sender.sent).containsExactly(new HangUp("CF1", "WT1"));
        assertThat(log).containsSubsequence("server:HangUp", "softphone:hangup CAagent");
    }

    @Test
    void aRefusedHangUpLeavesTheSoftphoneOnTheCall() {
        model.apply(new ConferenceChanged(Samples.call("CF1", "WT1", false, false)));
        sender.refuse("not now");

        call.hangUp();

        assertThat(log).noneMatch(line -> line.startsWith("softphone:hangup"));
        assertThat(call.errorProperty().get()).isEqualTo("not now");
    }

    @Test
    void holdTogglesTheCustomer() {
        model.apply(new ConferenceChanged(Samples.call("CF1", "WT1", true, false)));

        call.toggleHold();

        assertThat(sender.sent).containsExactly(new UnholdParticipant("CF1", "CAcustomer"));
    }

    @Test
    void anEndedConferenceClearsTheCall() {
        model.apply(new ConferenceChanged(Samples.call("CF1", "WT1", false, false)));

        model.apply(new ConferenceChanged(Samples.ended(Samples.call("CF1", "WT1", false, false))));

        assertThat(call.activeProperty().get()).isFalse();
        assertThat(call.participants()).isEmpty();
    }

    @Test
    void wrapUpIsBlockedWhileARecoveryIsOpenAndCompletesOtherwise() {
        WrapUpViewModel wrapUp = new WrapUpViewModel(model, sender, UiExecutor.DIRECT);
        model.apply(new StateSnapshot(Samples.alice("Available"), List.of(), List.of(Samples.wrappingTask("WT1")), null,
                Samples.incident("I1", Phase.PINGING, 1), null, Instant.now()));

        assertThat(wrapUp.blockedProperty().get()).isTrue();
        wrapUp.act(wrapUp.rows().get(0));
        assertThat(sender.sent).isEmpty();

        model.apply(new IncidentChanged(Samples.incident("I1", Phase.RESTORED, 2)));
        wrapUp.act(wrapUp.rows().get(0));
        assertThat(sender.sent).containsExactly(new CompleteTask("WT1"));
    }

    @Test
    void aCompletedTaskLeavesTheWrapUpList() {
        WrapUpViewModel wrapUp = new WrapUpViewModel(model, sender, UiExecutor.DIRECT);
        model.apply(new TaskChanged(Samples.wrappingTask("WT1")));
        assertThat(wrapUp.rows()).extracting(WrapUpRow::actionText).containsExactly("Complete");

        model.apply(new TaskChanged(new dev.lifeline.model.task.TaskView("WT1", dev.lifeline.model.task.TaskStatus.COMPLETED,
                "voice", 0, null, 90)));

        assertThat(wrapUp.rows()).isEmpty();
    }
}
