package dev.lifeline.desktop.call;

import dev.lifeline.desktop.agent.AgentModel;
import dev.lifeline.desktop.connection.CommandSender;
import dev.lifeline.desktop.ui.Failures;
import dev.lifeline.desktop.ui.UiExecutor;
import dev.lifeline.model.command.AddParty;
import dev.lifeline.model.command.CancelTransfer;
import dev.lifeline.model.command.ClientCommand;
import dev.lifeline.model.command.CompleteTransfer;
import dev.lifeline.model.command.HoldParticipant;
import dev.lifeline.model.command.MuteParticipant;
import dev.lifeline.model.command.RemoveParty;
import dev.lifeline.model.command.TransferCall;
import dev.lifeline.model.command.UnholdParticipant;
import dev.lifeline.model.conference.ConferenceView;
import dev.lifeline.model.outbound.PlaceCall;
import java.util.concurrent.CompletableFuture;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The call's controls beyond Mute / Hold / Hang up (issue 18 item 2): per party hold, mute and remove; add a party (a
 * number, or an agent by identity); transfer to an agent or a queue, cold or warm, and a warm transfer's Complete and
 * Cancel. Each control is enabled only when it can work (a call, no request under way, something typed, a warm
 * transfer under way for Complete / Cancel, its target on the call for Complete). What the server refuses comes back as
 * {@link #refusalProperty() a refusal} the view shows in a dialog, in the server's words.
 */
public final class CallControlsViewModel {

    private final AgentModel model;
    private final CommandSender server;
    private final UiExecutor ui;

    private final StringProperty addTarget = new SimpleStringProperty(this, "addTarget", "");
    private final StringProperty transferTarget = new SimpleStringProperty(this, "transferTarget", "");
    private final BooleanProperty transferToQueue = new SimpleBooleanProperty(this, "transferToQueue");
    private final ReadOnlyBooleanWrapper transferUnderWay = new ReadOnlyBooleanWrapper(this, "transferUnderWay");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper refusal = new ReadOnlyStringWrapper(this, "refusal", "");
    private final BooleanBinding idle;
    private final BooleanBinding targetJoined;

    public CallControlsViewModel(CallViewModel call, AgentModel model, CommandSender server, UiExecutor ui) {
        this.model = model;
        this.server = server;
        this.ui = ui;
        this.idle = call.activeProperty().and(busy.not()).and(call.busyProperty().not());
        // Another agent on the call while a warm transfer is under way: the target has joined. The rows change in place
        // (the target's leg shows as another party until the server has registered it), which the list reports.
        this.targetJoined = Bindings.createBooleanBinding(
                () -> call.participants().stream().anyMatch(row -> row.agentProperty().get() && !row.meProperty().get()),
                call.participants());
        call.activeProperty().addListener((obs, was, active) -> {
            if (!active) {
                transferUnderWay.set(false);
            }
        });
    }

    // Per party //

    public void toggleHold(ParticipantRow row) {
        conference(c -> row.holdProperty().get() ? new UnholdParticipant(c, row.callSid()) : new HoldParticipant(c, row.callSid()));
    }

    public void toggleMute(ParticipantRow row) {
        conference(c -> new MuteParticipant(c, row.callSid(), !row.mutedProperty().get()));
    }

    public void remove(ParticipantRow row) {
        conference(c -> new RemoveParty(c, row.callSid()));
    }

    // Add and transfer //

    /** Adds what is typed: a number when it reads as one ({@code +}, digits and the separators people type), else an agent. */
    public void add() {
        String typed = addTarget.get().strip();
        boolean number = typed.startsWith("+") || (!typed.isEmpty() && Character.isDigit(typed.charAt(0)));
        if (number && !PlaceCall.isE164(PlaceCall.normalised(typed))) {
            refusal.set("\"" + typed + "\" is not a number that can be called. Type it with + and the country code, "
                    + "like +15551230002, or type an agent's name.");
            return;
        }
        conference(c -> number ? AddParty.number(c, typed) : AddParty.agent(c, typed), () -> addTarget.set(""));
    }

    public void transfer(boolean warm) {
        String target = transferTarget.get().strip();
        boolean toQueue = transferToQueue.get();
        conference(c -> toQueue ? TransferCall.toQueue(c, target) : TransferCall.toAgent(c, target, warm), () -> {
            transferTarget.set("");
            transferUnderWay.set(warm);
        });
    }

    public void completeTransfer() {
        conference(CompleteTransfer::new, () -> transferUnderWay.set(false));
    }

    public void cancelTransfer() {
        conference(CancelTransfer::new, () -> transferUnderWay.set(false));
    }

    /** The dialog was closed: the next refusal shows again even if it says the same. */
    public void refusalSeen() {
        refusal.set("");
    }

    private void conference(java.util.function.Function<String, ClientCommand> command) {
        conference(command, null);
    }

    private void conference(java.util.function.Function<String, ClientCommand> command, Runnable afterSuccess) {
        ConferenceView conference = model.conferenceProperty().get();
        if (conference == null || !idle.get()) {
            return;
        }
        ClientCommand sent;
        try {
            sent = command.apply(conference.conferenceSid());
        } catch (IllegalArgumentException badInput) {
            refusal.set(badInput.getMessage());
            return;
        }
        busy.set(true);
        CompletableFuture<Void> answer = server.send(sent);
        answer.whenComplete((ok, failure) -> ui.execute(() -> {
            busy.set(false);
            if (failure != null) {
                refusal.set(Failures.text(failure));
            } else if (afterSuccess != null) {
                afterSuccess.run();
            }
        }));
    }

    // For the view //

    /** A call, and no request of the card's or of these controls under way. */
    public BooleanBinding canActProperty() {
        return idle;
    }

    public BooleanBinding canAddProperty() {
        return idle.and(addTarget.isNotEmpty());
    }

    public BooleanBinding canTransferProperty() {
        return idle.and(transferTarget.isNotEmpty()).and(transferUnderWay.not());
    }

    public BooleanBinding canWarmTransferProperty() {
        return canTransferProperty().and(transferToQueue.not());
    }

    public BooleanBinding canCompleteTransferProperty() {
        return idle.and(transferUnderWay).and(targetJoined);
    }

    public BooleanBinding canCancelTransferProperty() {
        return idle.and(transferUnderWay);
    }

    public StringProperty addTargetProperty() {
        return addTarget;
    }

    public StringProperty transferTargetProperty() {
        return transferTarget;
    }

    public BooleanProperty transferToQueueProperty() {
        return transferToQueue;
    }

    public ReadOnlyBooleanProperty transferUnderWayProperty() {
        return transferUnderWay.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty refusalProperty() {
        return refusal.getReadOnlyProperty();
    }
}
