package dev.lifeline.desktop.desk;

import dev.lifeline.desktop.agent.AgentModel;
import dev.lifeline.desktop.call.CallView;
import dev.lifeline.desktop.call.CallViewModel;
import dev.lifeline.desktop.call.WrapUpView;
import dev.lifeline.desktop.call.WrapUpViewModel;
import dev.lifeline.desktop.connection.ConnectionState;
import dev.lifeline.desktop.connection.EventStream;
import dev.lifeline.desktop.connection.RestClient;
import dev.lifeline.desktop.connection.SnapshotOnConnect;
import dev.lifeline.desktop.login.SignedIn;
import dev.lifeline.desktop.phone.CallAudioViewModel;
import dev.lifeline.desktop.phone.KeypadViewModel;
import dev.lifeline.desktop.phone.PhoneStatusView;
import dev.lifeline.desktop.phone.PhoneStatusViewModel;
import dev.lifeline.desktop.recovery.ReconnectModalView;
import dev.lifeline.desktop.recovery.RecoveryAutoAcceptor;
import dev.lifeline.desktop.recovery.RecoveryViewModel;
import dev.lifeline.desktop.reservations.ReservationOfferView;
import dev.lifeline.desktop.reservations.ReservationOfferViewModel;
import dev.lifeline.desktop.settings.AudioSettingsDialog;
import dev.lifeline.desktop.softphone.NoSoftphone;
import dev.lifeline.desktop.softphone.Softphone;
import dev.lifeline.desktop.softphone.SoftphoneListener;
import dev.lifeline.desktop.softphone.SoftphoneState;
import dev.lifeline.desktop.ui.Failures;
import dev.lifeline.desktop.ui.UiExecutor;
import dev.lifeline.model.api.DesktopApi;
import dev.lifeline.model.event.ServerEvent;
import dev.lifeline.model.event.StateSnapshot;
import dev.lifeline.model.softphone.SoftphoneAccount;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.binding.BooleanBinding;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent's role once signed in: fetches the agent's SIP account ({@code GET /api/me/softphone}) and registers the
 * softphone with it, composes the desk (the frame with the incoming call, the call in progress and the wrap-up list,
 * the phone's status line, the Reconnecting modal, the recovery auto-accept) and routes the agent's events into it.
 *
 * <p>Every call that rings the softphone is answered at once: Twilio dials the agent only after a reservation was
 * accepted, by the agent's click or, during a recovery, by the auto-accept of the reconnect task. The offer itself
 * rings (the ring tone) while it waits for the agent.
 */
public final class AgentDeskController implements EventStream.Listener {

    private static final Logger log = LoggerFactory.getLogger(AgentDeskController.class);
    /** How long the desk waits for the phone's first REGISTER to succeed or fail before it takes offers anyway. */
    static final Duration PHONE_SETTLES_WITHIN = Duration.ofSeconds(10);

    private final AgentModel model;
    private final AgentDeskViewModel desk;
    private final SnapshotOnConnect<StateSnapshot> snapshots;
    private final ReconnectModalView modal;

    AgentDeskController(AgentModel model, AgentDeskViewModel desk, SnapshotOnConnect<StateSnapshot> snapshots,
                        ReconnectModalView modal) {
        this.model = model;
        this.desk = desk;
        this.snapshots = snapshots;
        this.modal = modal;
    }

    /**
     * Opens the agent's desk in the stage's scene once the server handed over the agent's SIP account; without one
     * (404: no phone for this user; or the request failed) the desk still opens with no phone and the status bar says
     * why. Nothing opens if the session ended meanwhile.
     *
     * @param softphones      makes the softphone from the agent's SIP account
     * @param audioSettings   the audio settings dialog the desk's "Audio…" button opens
     * @param outcomeShownFor how long the Reconnecting modal shows how a recovery ended
     * @param opened          gets the controller once the desk shows
     */
    public static void open(SignedIn session, Stage stage, Function<SoftphoneAccount, Softphone> softphones,
                            AudioSettingsDialog audioSettings, Duration outcomeShownFor,
                            Consumer<AgentDeskController> opened) {
        session.rest().fetchIfServed(DesktopApi.MY_SOFTPHONE, SoftphoneAccount.class)
                .whenComplete((account, failure) -> session.ui().execute(() -> {
                    if (session.isClosed()) {
                        return;
                    }
                    Softphone softphone;
                    if (failure != null) {
                        log.warn("no SIP account from the server: {}", Failures.text(failure));
                        softphone = new NoSoftphone(SoftphoneState.failed("the phone's account could not be fetched ("
                                + Failures.text(failure) + ")"));
                    } else if (account.isEmpty()) {
                        log.info("the server has no phone for {}", session.session().identity());
                        softphone = new NoSoftphone();
                    } else {
                        softphone = softphones.apply(account.get());
                    }
                    opened.accept(compose(session, stage, softphone, audioSettings, outcomeShownFor));
                }));
    }

    private static AgentDeskController compose(SignedIn session, Stage stage, Softphone softphone,
                                               AudioSettingsDialog audioSettings, Duration outcomeShownFor) {
        UiExecutor ui = session.ui();
        RestClient rest = session.rest();
        Scene scene = stage.getScene();
        AgentModel model = new AgentModel(session.session().workerSid(), session.clock());
        session.closeOnSignOut(new PhoneCloser(softphone));
        AgentDeskViewModel desk = new AgentDeskViewModel(model, rest, ui);
        ReservationOfferViewModel offer = new ReservationOfferViewModel(model, rest, ui);
        CallViewModel call = new CallViewModel(model, rest, softphone, ui);
        PhoneStatusViewModel phone = new PhoneStatusViewModel();
        phone.apply(softphone.state());
        WrapUpViewModel wrapUp = new WrapUpViewModel(model, rest, ui);
        RecoveryViewModel recovery = new RecoveryViewModel(model);
        new RecoveryAutoAcceptor(model, rest, ui);
        ReservationOfferView offerView = new ReservationOfferView(offer);
        CallView callView = new CallView(call, new CallAudioViewModel(softphone), new KeypadViewModel(softphone));
        scene.setRoot(session.framed(new AgentDeskView(desk, offerView.root(), callView.root(), new WrapUpView(wrapUp).root(),
                new PhoneStatusView(phone).root(), () -> audioSettings.show(stage)).root()));
        session.closeOnSignOut(audioSettings::close);
        session.closeOnSignOut(callView::dispose);
        // Rings while the offer shows: never over a call in progress (the desk hides the offer then too).
        BooleanBinding offerRings = offer.ringingProperty().and(call.activeProperty().not());
        offerRings.addListener((obs, was, ringing) -> softphone.ringOffered(ringing));
        session.closeOnSignOut(offerRings::dispose); // also holds the binding: a binding only listened to may be collected
        offerView.installShortcuts(scene);
        callView.installShortcuts(scene);
        ReconnectModalView modal = new ReconnectModalView(recovery, stage, outcomeShownFor);
        session.closeOnSignOut(modal::dispose);
        recovery.outcomeProperty().addListener((obs, old, now) -> {
            if (!now.isEmpty()) {
                desk.status("Last recovery: " + now);
            }
        });
        session.everySecond(() -> {
            Instant serverNow = model.serverNow();
            desk.tick(serverNow);
            offer.tick(serverNow);
            call.tick(serverNow);
            recovery.tick(serverNow);
        });
        CompletableFuture<Void> phoneSettled = new CompletableFuture<>();
        softphone.register(session.session().identity(), new SoftphoneListener() {
            @Override
            public void ringing(String callSid, String from) {
                // The ring follows an accepted reservation (the agent's click or the modal's auto-accept): pick up.
                softphone.answer(callSid);
            }

            @Override
            public void connected(String callSid, String conferenceSid) {
                ui.execute(call::refresh);
            }

            @Override
            public void callEnded(String callSid, String reason) {
                ui.execute(call::refresh);
            }

            @Override
            public void stateChanged(SoftphoneState state) {
                ui.execute(() -> phone.apply(state));
                if (state.phase() != SoftphoneState.Phase.REGISTERING && state.phase() != SoftphoneState.Phase.UNREGISTERED) {
                    phoneSettled.complete(null);
                }
            }
        });
        AgentDeskController controller = new AgentDeskController(model, desk,
                new SnapshotOnConnect<>(rest::myState, model::apply, ui), modal);
        // Offers are taken only once the phone is registered (or cannot be): an offer accepted before — a recovery's
        // reconnect auto-accepted right after a restart — would have Twilio dial an address with no binding (32009).
        phoneSettled.completeOnTimeout(null, PHONE_SETTLES_WITHIN.toMillis(), TimeUnit.MILLISECONDS)
                .thenRun(() -> ui.execute(() -> {
                    if (!session.isClosed()) {
                        session.openEvents(controller);
                    }
                }));
        return controller;
    }

    @Override
    public void onEvent(ServerEvent event) {
        if (event instanceof StateSnapshot snapshot) {
            snapshots.fromSocket(snapshot);
        } else {
            model.apply(event);
        }
    }

    @Override
    public void onState(ConnectionState state) {
        desk.connectionState(state);
    }

    @Override
    public void onConnected() {
        snapshots.connected();
    }

    /** The agent's state; for tests and screenshots. */
    public AgentModel model() {
        return model;
    }

    /** The Reconnecting modal; for tests and screenshots. */
    public ReconnectModalView modal() {
        return modal;
    }
}
