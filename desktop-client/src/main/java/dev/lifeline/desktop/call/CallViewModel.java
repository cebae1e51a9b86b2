package dev.lifeline.desktop.call;

import dev.lifeline.desktop.agent.AgentModel;
import dev.lifeline.desktop.connection.CommandSender;
import dev.lifeline.desktop.softphone.Softphone;
import dev.lifeline.desktop.ui.Durations;
import dev.lifeline.desktop.ui.Failures;
import dev.lifeline.desktop.ui.UiExecutor;
import dev.lifeline.model.command.HangUp;
import dev.lifeline.model.command.HoldParticipant;
import dev.lifeline.model.command.MuteParticipant;
import dev.lifeline.model.command.UnholdParticipant;
import dev.lifeline.model.conference.ConferenceView;
import dev.lifeline.model.conference.ParticipantRole;
import dev.lifeline.model.conference.ParticipantView;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The active call: who is on it (role, hold, mute), how long it has run, and Mute / Hold / Hang up.
 *
 * <p>Hang-up tells the server first and only then drops the softphone leg: the server marks the leg as leaving
 * gracefully, so the {@code participant-leave} that follows is not taken for a crash (no recovery starts).
 */
public final class CallViewModel {

    private final AgentModel model;
    private final CommandSender server;
    private final Softphone softphone;
    private final UiExecutor ui;

    private final ReadOnlyBooleanWrapper active = new ReadOnlyBooleanWrapper(this, "active");
    private final ReadOnlyStringWrapper state = new ReadOnlyStringWrapper(this, "state", "No call");
    private final ReadOnlyStringWrapper customer = new ReadOnlyStringWrapper(this, "customer", "");
    private final ReadOnlyStringWrapper elapsed = new ReadOnlyStringWrapper(this, "elapsed", "");
    private final ReadOnlyBooleanWrapper muted = new ReadOnlyBooleanWrapper(this, "muted");
    private final ReadOnlyBooleanWrapper customerOnHold = new ReadOnlyBooleanWrapper(this, "customerOnHold");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    /** Reports a row's role, hold and mute changing in place too: the call controls enable themselves by them. */
    private final ObservableList<ParticipantRow> participants = FXCollections.observableArrayList(
            row -> new javafx.beans.Observable[] {row.agentProperty(), row.meProperty(), row.holdProperty(), row.mutedProperty()});

    public CallViewModel(AgentModel model, CommandSender server, Softphone softphone, UiExecutor ui) {
        this.model = model;
        this.server = server;
        this.softphone = softphone;
        this.ui = ui;
        model.conferenceProperty().addListener((obs, old, now) -> refresh());
        refresh();
    }

    /** Re-reads the conference; also called when the softphone learns its own call SID. */
    public void refresh() {
        ConferenceView conference = model.conferenceProperty().get();
        active.set(conference != null);
        if (conference == null) {
            participants.clear();
            state.set("No call");
            customer.set("");
            elapsed.set("");
            muted.set(false);
            customerOnHold.set(false);
            busy.set(false);
            return;
        }
        Optional<ParticipantView> me = myLeg(conference);
        Optional<ParticipantView> caller = conference.withRole(ParticipantRole.CUSTOMER).stream().findFirst();
        muted.set(me.map(ParticipantView::muted).orElse(false));
        customerOnHold.set(caller.map(ParticipantView::hold).orElse(false));
        customer.set(caller.map(p -> p.displayName() != null ? p.displayName() : p.label() != null ? p.label() : "Customer")
                .orElse("Customer"));
        state.set(caller.isEmpty() ? "Connecting…" : customerOnHold.get() ? "On hold" : "Talking");
        syncParticipants(conference.participants(), me.map(ParticipantView::callSid).orElse(null));
        tick(model.serverNow());
    }

    private void syncParticipants(List<ParticipantView> now, String myCallSid) {
        participants.removeIf(row -> now.stream().noneMatch(p -> p.callSid().equals(row.callSid())));
        for (int i = 0; i < now.size(); i++) {
            ParticipantView p = now.get(i);
            boolean isMe = p.callSid().equals(myCallSid);
            ParticipantRow row = participants.stream().filter(r -> r.callSid().equals(p.callSid())).findFirst().orElse(null);
            if (row == null) {
                participants.add(Math.min(i, participants.size()), new ParticipantRow(p, isMe));
            } else {
                row.update(p, isMe);
            }
        }
    }

    /** The agent's own leg: the softphone's answered call, else the only worker leg. */
    private Optional<ParticipantView> myLeg(ConferenceView conference) {
        Optional<String> mine = softphone.activeCallSid();
        if (mine.isPresent()) {
            Optional<ParticipantView> leg = conference.participant(mine.get());
            if (leg.isPresent()) {
                return leg;
            }
        }
        List<ParticipantView> workers = conference.withRole(ParticipantRole.WORKER);
        return workers.size() == 1 ? Optional.of(workers.get(0)) : Optional.empty();
    }

    public void tick(Instant serverNow) {
        ConferenceView conference = model.conferenceProperty().get();
        elapsed.set(conference == null ? "" : Durations.clock(Duration.between(conference.startedAt(), serverNow)));
    }

    public void toggleMute() {
        ConferenceView conference = model.conferenceProperty().get();
        if (conference == null || busy.get()) {
            return;
        }
        myLeg(conference).ifPresent(me -> run(server.send(
                new MuteParticipant(conference.conferenceSid(), me.callSid(), !me.muted())), null));
    }

    public void toggleHold() {
        ConferenceView conference = model.conferenceProperty().get();
        if (conference == null || busy.get()) {
            return;
        }
        conference.withRole(ParticipantRole.CUSTOMER).stream().findFirst().ifPresent(caller -> run(server.send(caller.hold()
                ? new UnholdParticipant(conference.conferenceSid(), caller.callSid())
                : new HoldParticipant(conference.conferenceSid(), caller.callSid())), null));
    }

    public void hangUp() {
        ConferenceView conference = model.conferenceProperty().get();
        if (conference == null || busy.get()) {
            return;
        }
        Optional<String> leg = myLeg(conference).map(ParticipantView::callSid).or(softphone::activeCallSid);
        run(server.send(new HangUp(conference.conferenceSid(), conference.taskSid())),
                () -> leg.ifPresent(softphone::hangUp));
    }

    private void run(java.util.concurrent.CompletableFuture<Void> sent, Runnable afterSuccess) {
        busy.set(true);
        error.set("");
        sent.whenComplete((ok, failure) -> ui.execute(() -> {
            busy.set(false);
            if (failure != null) {
                error.set(Failures.text(failure));
            } else if (afterSuccess != null) {
                afterSuccess.run();
            }
        }));
    }

    public ReadOnlyBooleanProperty activeProperty() {
        return active.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty customerProperty() {
        return customer.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty elapsedProperty() {
        return elapsed.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty mutedProperty() {
        return muted.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty customerOnHoldProperty() {
        return customerOnHold.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ObservableList<ParticipantRow> participants() {
        return participants;
    }
}
