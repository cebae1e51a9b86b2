package dev.lifeline.desktop.supervisor;

import dev.lifeline.desktop.ui.Failures;
import dev.lifeline.desktop.ui.UiExecutor;
import dev.lifeline.model.api.DesktopApi;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The supervisor listening in on an agent's call (issue 18), on the UI thread: Listen asks the server to call the
 * supervisor's phone into the call (muted, coaching the agent), Whisper lets the agent alone hear the supervisor, Listen
 * again mutes them, Leave takes them off. The supervisor's phone answers one call only: the server's, from
 * {@link DesktopApi#LISTEN_CALLER}, after the supervisor asked to listen; any other call to it is declined. A request the
 * server refuses is said in a dialog ({@link #refusalProperty()}) and changes nothing.
 */
public final class ListenViewModel {

    private static final Logger log = LoggerFactory.getLogger(ListenViewModel.class);

    /** Where the supervisor stands on a call. */
    public enum Mode {
        /** On no call. */
        IDLE,
        /** Asked to listen: the server's call to the phone is on its way. */
        CALLING,
        /** On the call, heard by nobody. */
        LISTENING,
        /** On the call, heard by the agent alone. */
        WHISPERING
    }

    /** Sends one of the supervisor's call routes ({@link DesktopApi#LISTEN} …) for a call's conference. */
    @FunctionalInterface
    public interface CallRoutes {
        CompletableFuture<Void> post(String route, String conferenceSid);
    }

    private final CallRoutes server;
    private final UiExecutor ui;
    private final Consumer<String> answer;
    private final Consumer<String> decline;
    private final Consumer<String> hangUp;
    private final ReadOnlyObjectWrapper<Mode> mode = new ReadOnlyObjectWrapper<>(this, "mode", Mode.IDLE);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyStringWrapper refusal = new ReadOnlyStringWrapper(this, "refusal", "");
    private String conferenceSid;
    private String agentName;
    private String callSid;

    /**
     * @param answer  picks up a ringing call on the supervisor's phone
     * @param decline declines one
     * @param hangUp  hangs up the answered call
     */
    public ListenViewModel(CallRoutes server, UiExecutor ui, Consumer<String> answer, Consumer<String> decline,
                           Consumer<String> hangUp) {
        this.server = server;
        this.ui = ui;
        this.answer = answer;
        this.decline = decline;
        this.hangUp = hangUp;
    }

    /** Whether Listen applies to this agent row: a live call, and the supervisor on no other call. */
    public boolean canListenTo(AgentRow row) {
        if (row == null || row.conferenceSid() == null) {
            return false;
        }
        return mode.get() == Mode.IDLE || (mode.get() == Mode.WHISPERING && row.conferenceSid().equals(conferenceSid));
    }

    /** Listens to the row's call; while whispering on that call, stops whispering. */
    public void listen(AgentRow row) {
        if (!canListenTo(row)) {
            return;
        }
        if (mode.get() == Mode.WHISPERING) {
            send(DesktopApi.LISTEN, Mode.LISTENING, "Listening to " + agentName + ": nobody hears you");
            return;
        }
        conferenceSid = row.conferenceSid();
        agentName = row.nameProperty().get();
        mode.set(Mode.CALLING);
        status.set("Calling your phone to listen to " + agentName + "…");
        String call = conferenceSid;
        server.post(DesktopApi.LISTEN, call).whenComplete((ok, failure) -> ui.execute(() -> {
            if (failure != null && call.equals(conferenceSid) && mode.get() == Mode.CALLING) {
                refused("Could not listen to " + agentName, failure);
                reset();
            }
        }));
    }

    /** The agent alone hears the supervisor from now on. */
    public void whisper() {
        if (mode.get() == Mode.LISTENING) {
            send(DesktopApi.WHISPER, Mode.WHISPERING, "Whispering to " + agentName + ": the customer does not hear you");
        }
    }

    /** Off the call: the server takes the supervisor's leg out, and the phone hangs up. */
    public void leave() {
        if (mode.get() == Mode.IDLE) {
            return;
        }
        String call = conferenceSid;
        String name = agentName;
        String leg = callSid;
        reset();
        status.set("You left " + name + "'s call");
        server.post(DesktopApi.LEAVE_CALL, call).whenComplete((ok, failure) -> ui.execute(() -> {
            if (failure != null) {
                refused("Could not leave " + name + "'s call", failure);
            }
        }));
        if (leg != null) {
            hangUp.accept(leg);
        }
    }

    /** A call rings the supervisor's phone: answered when it is the server's listen call the supervisor asked for. */
    public void ringing(String ringingCallSid, String from) {
        boolean theListenCall = mode.get() == Mode.CALLING && callSid == null && from != null
                && from.contains(DesktopApi.LISTEN_CALLER);
        if (!theListenCall) {
            log.info("call {} from {} rings the supervisor's phone unasked for: declined", ringingCallSid, from);
            decline.accept(ringingCallSid);
            return;
        }
        callSid = ringingCallSid;
        answer.accept(ringingCallSid);
        mode.set(Mode.LISTENING);
        status.set("Listening to " + agentName + ": nobody hears you");
    }

    /** A call on the supervisor's phone ended (left, or taken off because the agent's leg dropped or the call ended). */
    public void callEnded(String endedCallSid) {
        if (endedCallSid.equals(callSid)) {
            String name = agentName;
            reset();
            status.set("Off " + name + "'s call: it ended, or " + name + "'s line dropped (see the recoveries)");
        }
    }

    private void send(String route, Mode next, String done) {
        String call = conferenceSid;
        server.post(route, call).whenComplete((ok, failure) -> ui.execute(() -> {
            if (!call.equals(conferenceSid)) {
                return;
            }
            if (failure != null) {
                refused("The call did not change", failure);
            } else {
                mode.set(next);
                status.set(done);
            }
        }));
    }

    private void refused(String what, Throwable failure) {
        String reason = Failures.text(failure);
        status.set(what + ": " + reason);
        refusal.set(what + ".\n\n" + reason);
    }

    private void reset() {
        mode.set(Mode.IDLE);
        conferenceSid = null;
        agentName = null;
        callSid = null;
    }

    /** The dialog was closed: the next refusal shows again even if it says the same. */
    public void refusalSeen() {
        refusal.set("");
    }

    public ReadOnlyObjectProperty<Mode> modeProperty() {
        return mode.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Why the server refused the last request, for a dialog; empty when there is nothing to show. */
    public ReadOnlyStringProperty refusalProperty() {
        return refusal.getReadOnlyProperty();
    }
}
