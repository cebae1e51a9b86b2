package dev.lifeline.desktop.call;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lifeline.desktop.agent.AgentModel;
import dev.lifeline.desktop.testing.RecordingSender;
import dev.lifeline.desktop.testing.RecordingSoftphone;
import dev.lifeline.desktop.testing.Samples;
import dev.lifeline.desktop.ui.UiExecutor;
import dev.lifeline.model.command.AddParty;
import dev.lifeline.model.command.CancelTransfer;
import dev.lifeline.model.command.CompleteTransfer;
import dev.lifeline.model.command.HoldParticipant;
import dev.lifeline.model.command.MuteParticipant;
import dev.lifeline.model.command.RemoveParty;
import dev.lifeline.model.command.TransferCall;
import dev.lifeline.model.conference.ConferenceView;
import dev.lifeline.model.conference.ParticipantRole;
import dev.lifeline.model.conference.ParticipantView;
import dev.lifeline.model.event.ConferenceChanged;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CallControlsViewModelTest {

    private final AgentModel model = new AgentModel(Samples.WORKER, Clock.systemUTC());
    private final RecordingSender sender = new RecordingSender();
    private final CallViewModel call = new CallViewModel(model, sender, new RecordingSoftphone(new ArrayList<>()), UiExecutor.DIRECT);
    private final CallControlsViewModel controls = new CallControlsViewModel(call, model, sender, UiExecutor.DIRECT);

    @Test
    void nothingIsEnabledWithoutACall() {
        controls.addTargetProperty().set("+15551230002");
        controls.transferTargetProperty().set("bob");

        assertThat(controls.canAddProperty().get()).isFalse();
        assertThat(controls.canTransferProperty().get()).isFalse();
        assertThat(controls.canActProperty().get()).isFalse();
    }

    @Test
    void addSendsANumberAsANumberAndAnythingElseAsAnAgent() {
        model.apply(new ConferenceChanged(Samples.call("CF1", "WT1", false, false)));
        assertThat(controls.canAddProperty().get()).as("nothing typed").isFalse();

        controls.addTargetProperty().set("+1 (555) 123-0002");
        controls.add();
        controls.addTargetProperty().set("bob");
        controls.add();

        assertThat(sender.sent).containsExactly(AddParty.number("CF1", "+15551230002"), AddParty.agent("CF1", "bob"));
        assertThat(controls.addTargetProperty().get()).as("cleared once sent").isEmpty();
    }

    @Test
    void aNumberThatCannotBeCalledIsRefusedBeforeTheServerIsAsked() {
        model.apply(new ConferenceChanged(Samples.call("CF1", "WT1", false, false)));

        controls.addTargetProperty().set("0044 20");
        controls.add();

        assertThat(sender.sent).isEmpty();
        assertThat(controls.refusalProperty().get()).contains("is not a number that can be called");
    }

    @Test
    void perPartyControlsSendTheRowsCallSid() {
        model.apply(new ConferenceChanged(Samples.call("CF1", "WT1", true, false)));
        ParticipantRow customer = call.participants().get(0);

        controls.toggleHold(customer);
        controls.toggleMute(customer);
        controls.remove(customer);

        assertThat(sender.sent).containsExactly(new dev.lifeline.model.command.UnholdParticipant("CF1", "CAcustomer"),
                new MuteParticipant("CF1", "CAcustomer", true), new RemoveParty("CF1", "CAcustomer"));
    }

    @Test
    void aWarmTransferOffersCompleteOnlyOnceTheTargetAgentHasJoinedAndCancelAtOnce() {
        model.apply(new ConferenceChanged(Samples.call("CF1", "WT1", false, false)));
        controls.transferTargetProperty().set("bob");

        controls.transfer(true);

        assertThat(sender.sent).containsExactly(TransferCall.toAgent("CF1", "bob", true));
        assertThat(controls.transferUnderWayProperty().get()).isTrue();
        assertThat(controls.canCancelTransferProperty().get()).isTrue();
        assertThat(controls.canCompleteTransferProperty().get()).as("bob has not joined").isFalse();
        assertThat(controls.canTransferProperty().get()).as("one transfer at a time").isFalse();

        model.apply(new ConferenceChanged(withBob(ParticipantRole.EXTERNAL)));
        assertThat(controls.canCompleteTransferProperty().get()).as("bob's leg is not registered yet").isFalse();
        model.apply(new ConferenceChanged(withBob(ParticipantRole.WORKER)));
        assertThat(controls.canCompleteTransferProperty().get()).isTrue();

        controls.completeTransfer();
        assertThat(sender.sent).endsWith(new CompleteTransfer("CF1"));
        assertThat(controls.transferUnderWayProperty().get()).isFalse();
    }

    @Test
    void aRefusedTransferSaysWhyAndLeavesNoTransferUnderWay() {
        model.apply(new ConferenceChanged(Samples.call("CF1", "WT1", false, false)));
        sender.refuse("bob is not Available");
        controls.transferTargetProperty().set("bob");

        controls.transfer(true);

        assertThat(controls.refusalProperty().get()).isEqualTo("bob is not Available");
        assertThat(controls.transferUnderWayProperty().get()).isFalse();
        assertThat(controls.transferTargetProperty().get()).as("kept, to try again").isEqualTo("bob");
    }

    @Test
    void aTransferToAQueueIsColdOnlyAndCancelSendsTheCancel() {
        model.apply(new ConferenceChanged(Samples.call("CF1", "WT1", false, false)));
        controls.transferTargetProperty().set("Everyone");
        controls.transferToQueueProperty().set(true);

        assertThat(controls.canWarmTransferProperty().get()).isFalse();
        controls.transfer(false);
        assertThat(sender.sent).containsExactly(TransferCall.toQueue("CF1", "Everyone"));

        controls.transferToQueueProperty().set(false);
        controls.transferTargetProperty().set("bob");
        controls.transfer(true);
        controls.cancelTransfer();
        assertThat(sender.sent).endsWith(new CancelTransfer("CF1"));
        assertThat(controls.transferUnderWayProperty().get()).isFalse();
    }

    private static ConferenceView withBob(ParticipantRole role) {
        ConferenceView call = Samples.call("CF1", "WT1", true, false);
        List<ParticipantView> parties = new ArrayList<>(call.participants());
        parties.add(new ParticipantView("CAbob", role, "bob", "Bob Agent", false, false, false));
        return new ConferenceView(call.conferenceSid(), call.taskSid(), parties, call.startedAt(), null);
    }
}
