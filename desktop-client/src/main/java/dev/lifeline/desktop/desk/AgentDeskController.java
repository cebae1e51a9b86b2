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
import dev.lifeline.desktop.recovery.ReconnectModalView;
import dev.lifeline.desktop.recovery.RecoveryAutoAcceptor;
import dev.lifeline.desktop.recovery.RecoveryViewModel;
import dev.lifeline.desktop.reservations.ReservationOfferView;
import dev.lifeline.desktop.reservations.ReservationOfferViewModel;
import dev.lifeline.desktop.softphone.Softphone;
import dev.lifeline.desktop.softphone.SoftphoneListener;
import dev.lifeline.desktop.softphone.SoftphoneSettings;
import dev.lifeline.desktop.ui.Failures;
import dev.lifeline.desktop.ui.UiExecutor;
import dev.lifeline.model.event.ServerEvent;
import dev.lifeline.model.event.StateSnapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent's role once signed in: asks the server which softphone to use, composes the desk (the frame with the
 * incoming call, the call in progress and the wrap-up list, the Reconnecting modal, the recovery auto-accept) and
 * routes the agent's events into it.
 */
public final class AgentDeskController implements EventStream.Listener {

    private static final Logger log = LoggerFactory.getLogger(AgentDeskController.class);

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
     * Opens the agent's desk in the stage's scene once the server said which softphone to use; without an answer the
     * desk still opens (calls then ring nowhere). Nothing opens if the session ended meanwhile.
     *
     * @param softphones      makes the softphone from what the server offers (null when it offers none)
     * @param outcomeShownFor how long the Reconnecting modal shows how a recovery ended
     * @param opened          gets the controller once the desk shows
     */
    public static void open(SignedIn session, Stage stage, Function<SoftphoneSettings, Softphone> softphones,
                            Duration outcomeShownFor, Consumer<AgentDeskController> opened) {
        session.rest().fetchIfServed(SoftphoneSettings.PATH, SoftphoneSettings.class)
                .whenComplete((offered, failure) -> session.ui().execute(() -> {
                    if (failure != null) {
                        log.warn("no softphone settings from the server: {}", Failures.text(failure));
                    }
                    if (!session.isClosed()) {
                        Softphone softphone = softphones.apply(offered == null ? null : offered.orElse(null));
                        opened.accept(compose(session, stage, softphone, outcomeShownFor));
                    }
                }));
    }

    private static AgentDeskController compose(SignedIn session, Stage stage, Softphone softphone, Duration outcomeShownFor) {
        UiExecutor ui = session.ui();
        RestClient rest = session.rest();
        Scene scene = stage.getScene();
        AgentModel model = new AgentModel(session.session().workerSid(), session.clock());
        session.closeOnSignOut(softphone);
        AgentDeskViewModel desk = new AgentDeskViewModel(model, rest, ui);
        ReservationOfferViewModel offer = new ReservationOfferViewModel(model, rest, ui);
        CallViewModel call = new CallViewModel(model, rest, softphone, ui);
        WrapUpViewModel wrapUp = new WrapUpViewModel(model, rest, ui);
        RecoveryViewModel recovery = new RecoveryViewModel(model);
        new RecoveryAutoAcceptor(model, rest, ui);
        ReservationOfferView offerView = new ReservationOfferView(offer);
        CallView callView = new CallView(call);
        scene.setRoot(new AgentDeskView(desk, offerView.root(), callView.root(), new WrapUpView(wrapUp).root()).root());
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
        });
        AgentDeskController controller = new AgentDeskController(model, desk,
                new SnapshotOnConnect<>(rest::myState, model::apply, ui), modal);
        session.openEvents(controller);
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
