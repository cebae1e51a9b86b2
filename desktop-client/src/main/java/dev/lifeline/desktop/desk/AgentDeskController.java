package dev.lifeline.desktop.desk;

import dev.lifeline.desktop.agent.AgentModel;
import dev.lifeline.desktop.call.CallControlsViewModel;
import dev.lifeline.desktop.call.CallView;
import dev.lifeline.desktop.call.CallViewModel;
import dev.lifeline.desktop.call.WrapUpView;
import dev.lifeline.desktop.call.WrapUpViewModel;
import dev.lifeline.desktop.connection.CommandSender;
import dev.lifeline.desktop.connection.ConnectionState;
import dev.lifeline.desktop.callbacks.CallbacksApi;
import dev.lifeline.desktop.callbacks.CallbacksViewModel;
import dev.lifeline.desktop.callbacks.CallbacksWindow;
import dev.lifeline.desktop.dialpad.DialPadView;
import dev.lifeline.desktop.dialpad.DialPadViewModel;
import dev.lifeline.desktop.dialpad.RecentNumbers;
import dev.lifeline.desktop.settings.ConfigDirectory;
import java.nio.file.Path;
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
import dev.lifeline.desktop.recovery.AbandonedLegs;
import dev.lifeline.desktop.recovery.HeldLegs;
import dev.lifeline.desktop.recovery.RecoveryFirst;
import dev.lifeline.desktop.recovery.RejoinCalls;
import dev.lifeline.desktop.reservations.ReservationOfferView;
import dev.lifeline.desktop.reservations.ReservationOfferViewModel;
import dev.lifeline.desktop.settings.AudioSettingsDialog;
import dev.lifeline.desktop.softphone.NoSoftphone;
import dev.lifeline.desktop.softphone.Softphone;
import dev.lifeline.desktop.softphone.SoftphoneListener;
import dev.lifeline.desktop.softphone.SoftphoneState;
import dev.lifeline.desktop.ui.Failures;
import dev.lifeline.desktop.ui.AfterFrames;
import dev.lifeline.desktop.ui.UiExecutor;
import dev.lifeline.model.api.DesktopApi;
import dev.lifeline.model.event.ServerEvent;
import dev.lifeline.model.event.StateSnapshot;
import dev.lifeline.model.softphone.SoftphoneAccount;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
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
 * <p>A call that rings the softphone is answered at once when it follows a reservation: Twilio dials the agent only
 * after one was accepted, by the agent's click or, during a recovery, by the auto-accept of the reconnect task. During
 * the agent's own recovery only the call the server announced is answered ({@link RejoinCalls}). The offer itself
 * rings (the ring tone) while it waits for the agent.
 */
public final class AgentDeskController implements EventStream.Listener {

    private static final Logger log = LoggerFactory.getLogger(AgentDeskController.class);
    /** How long accepts wait for the phone's first REGISTER to succeed or fail before they go anyway. */
    static final Duration PHONE_SETTLES_WITHIN = Duration.ofSeconds(10);
    /** How long the desk waits for the recovery a restart set off before it is composed anyway. */
    static final Duration RECOVERY_FIRST_WITHIN = Duration.ofSeconds(3);

    private final AgentModel model;
    private final SnapshotOnConnect<StateSnapshot> snapshots;
    private final ReconnectModalView modal;
    private AgentDeskViewModel desk;
    private ConnectionState connection;

    /** @param desk the desk's view model, or null until the phone's account arrived ({@link #deskReady}) */
    AgentDeskController(AgentModel model, AgentDeskViewModel desk, SnapshotOnConnect<StateSnapshot> snapshots,
                        ReconnectModalView modal) {
        this.model = model;
        this.desk = desk;
        this.snapshots = snapshots;
        this.modal = modal;
    }

    /**
     * Opens the agent's desk. Three things start at once, none waiting for another: the state fetch (its answer, or
     * the socket's first snapshot, draws the Reconnecting modal when a recovery is open — the restart after a crash
     * shows it before anything else), the event stream, and the phone: the server's SIP account for the agent, then
     * the registration. The rest of the desk opens in the stage's scene once the account is there; without one (404:
     * no phone for this user; or the request failed) the desk still opens with no phone and the status bar says why.
     * Accepts wait for the phone's first REGISTER to have an outcome ({@link AcceptsAfterThePhone}). Nothing more
     * opens if the session ended meanwhile.
     *
     * @param softphones      makes the softphone from the agent's SIP account
     * @param audioSettings   the audio settings dialog the desk's "Audio…" button opens
     * @param outcomeShownFor how long the Reconnecting modal shows how a recovery ended
     * @param opened          gets the controller once the desk shows
     */
    public static void open(SignedIn session, Stage stage, Function<SoftphoneAccount, Softphone> softphones,
                            AudioSettingsDialog audioSettings, Duration outcomeShownFor,
                            Consumer<AgentDeskController> opened) {
        open(session, stage, softphones, audioSettings, outcomeShownFor, ConfigDirectory.forCurrentUser(), opened);
    }

    /** @param configDirectory where the dial pad keeps the agent's recent numbers, and the phone the legs it holds */
    public static void open(SignedIn session, Stage stage, Function<SoftphoneAccount, Softphone> softphones,
                            AudioSettingsDialog audioSettings, Duration outcomeShownFor, Path configDirectory,
                            Consumer<AgentDeskController> opened) {
        UiExecutor ui = session.ui();
        RestClient rest = session.rest();
        AgentModel model = new AgentModel(session.session().workerSid(), session.clock());
        RecoveryViewModel recovery = new RecoveryViewModel(model);
        ReconnectModalView modal = new ReconnectModalView(recovery, stage, outcomeShownFor);
        session.closeOnSignOut(modal::dispose);
        session.everySecond(() -> recovery.tick(model.serverNow()));
        // First of all: a leg the previous process died holding is ended now, so the recovery starts while we start.
        HeldLegs heldLegs = new HeldLegs(configDirectory, session.session().identity());
        CompletableFuture<Void> mayCompose = RecoveryFirst.gate(
                AbandonedLegs.report(heldLegs, rest, session.session().identity()), model, ui, RECOVERY_FIRST_WITHIN);
        CompletableFuture<Void> phoneSettled = new CompletableFuture<>();
        CommandSender accepts = new AcceptsAfterThePhone(rest, phoneSettled);
        new RecoveryAutoAcceptor(model, accepts, ui);
        AgentDeskController controller = new AgentDeskController(model, null,
                new SnapshotOnConnect<>(rest::myState, model::apply, ui), modal);
        controller.snapshots.connected();
        session.openEvents(controller);
        // The desk is composed once the modal for a recovery this start set off is up (RecoveryFirst), two frames on.
        rest.fetchIfServed(DesktopApi.MY_SOFTPHONE, SoftphoneAccount.class)
                .handle((account, failure) -> mayCompose.thenApply(go -> new Fetched(account, failure)))
                .thenCompose(fetched -> fetched)
                .thenAccept(fetched -> ui.execute(() -> AfterFrames.run(2, () -> {
                    Optional<SoftphoneAccount> account = fetched.account();
                    Throwable failure = fetched.failure();
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
                    controller.deskReady(compose(session, stage, model, recovery, softphone, accepts, phoneSettled,
                            audioSettings, configDirectory, heldLegs));
                    opened.accept(controller);
                })));
    }

    /** The agent's SIP account as the server answered, or why not. */
    private record Fetched(Optional<SoftphoneAccount> account, Throwable failure) {
    }

    private static AgentDeskViewModel compose(SignedIn session, Stage stage, AgentModel model,
                                              RecoveryViewModel recovery, Softphone softphone, CommandSender accepts,
                                              CompletableFuture<Void> phoneSettled, AudioSettingsDialog audioSettings,
                                              Path configDirectory, HeldLegs heldLegs) {
        UiExecutor ui = session.ui();
        RestClient rest = session.rest();
        Scene scene = stage.getScene();
        session.closeOnSignOut(new PhoneCloser(softphone));
        AgentDeskViewModel desk = new AgentDeskViewModel(model, rest, ui);
        ReservationOfferViewModel offer = new ReservationOfferViewModel(model, accepts, ui);
        CallViewModel call = new CallViewModel(model, rest, softphone, ui);
        PhoneStatusViewModel phone = new PhoneStatusViewModel();
        phone.apply(softphone.state());
        WrapUpViewModel wrapUp = new WrapUpViewModel(model, rest, ui);
        // Written down before the answer leaves: a desktop killed the moment its call connects still leaves the leg named.
        RejoinCalls rejoin = new RejoinCalls(model, rest, ui, session::after, callSid -> {
            heldLegs.answered(callSid);
            softphone.answer(callSid);
        });
        ReservationOfferView offerView = new ReservationOfferView(offer);
        CallView callView = new CallView(call, new CallControlsViewModel(call, model, rest, ui), new CallAudioViewModel(softphone),
                new KeypadViewModel(softphone));
        DialPadViewModel dialPad = new DialPadViewModel(rest::placeCall,
                new RecentNumbers(configDirectory, session.session().identity()), call.activeProperty(), ui);
        // Issue 20 item 6: the agent's callbacks and the "Schedule callback" form, in a window of their own.
        CallbacksWindow callbacks = new CallbacksWindow(new CallbacksViewModel(CallbacksApi.over(rest), ui,
                java.time.ZoneId.systemDefault(), true), stage);
        scene.setRoot(session.framed(new AgentDeskView(desk, offerView.root(), callView.root(), new WrapUpView(wrapUp).root(),
                new PhoneStatusView(phone).root(), () -> audioSettings.show(stage),
                callbacks.withButton(new DialPadView(dialPad).root())).root()));
        session.closeOnSignOut(callbacks::close);
        session.closeOnSignOut(audioSettings::close);
        session.closeOnSignOut(callView::dispose);
        // Rings while the offer shows: never over a call in progress (the desk hides the offer then too).
        BooleanBinding offerRings = offer.ringingProperty().and(call.activeProperty().not());
        offerRings.addListener((obs, was, ringing) -> softphone.ringOffered(ringing));
        session.closeOnSignOut(offerRings::dispose); // also holds the binding: a binding only listened to may be collected
        offerView.installShortcuts(scene);
        callView.installShortcuts(scene);
        recovery.outcomeProperty().addListener((obs, old, now) -> {
            if (!now.isEmpty()) {
                desk.status("Last recovery: " + now);
            }
        });
        session.everySecond(() -> {
            Instant serverNow = model.serverNow();
            desk.tick(serverNow);
            offer.tick(serverNow);
            callbacks.tick();
            call.tick(serverNow);
            recovery.tick(serverNow);
        });
        softphone.register(session.session().identity(), new SoftphoneListener() {
            @Override
            public void ringing(String callSid, String from) {
                // The ring follows an accepted reservation (the agent's click or the modal's auto-accept), or during
                // the agent's own recovery the server's announced rejoin: pick up. Anything else rings unanswered.
                ui.execute(() -> rejoin.ringing(callSid));
            }

            @Override
            public void ringCancelled(String callSid, String reason) {
                heldLegs.ended(callSid);
                ui.execute(() -> rejoin.ringEnded(callSid));
            }

            @Override
            public void connected(String callSid, String conferenceSid) {
                heldLegs.answered(callSid);
                ui.execute(call::refresh);
            }

            @Override
            public void callEnded(String callSid, String reason) {
                heldLegs.ended(callSid);
                ui.execute(call::refresh);
            }

            @Override
            public void stateChanged(SoftphoneState state) {
                ui.execute(() -> {
                    phone.apply(state);
                    rejoin.phoneRegistered(state.phase() == SoftphoneState.Phase.READY);
                });
                if (state.phase() != SoftphoneState.Phase.REGISTERING && state.phase() != SoftphoneState.Phase.UNREGISTERED) {
                    phoneSettled.complete(null);
                }
            }
        });
        // A registrar that never answers must not keep the agent from taking calls for good.
        phoneSettled.completeOnTimeout(null, PHONE_SETTLES_WITHIN.toMillis(), TimeUnit.MILLISECONDS);
        return desk;
    }

    /** The desk composed: it shows the connection's state from now on. */
    void deskReady(AgentDeskViewModel composed) {
        desk = composed;
        if (connection != null) {
            desk.connectionState(connection);
        }
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
        connection = state;
        if (desk != null) {
            desk.connectionState(state);
        }
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
