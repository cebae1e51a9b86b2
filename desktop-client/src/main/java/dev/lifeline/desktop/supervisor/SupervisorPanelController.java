package dev.lifeline.desktop.supervisor;

import dev.lifeline.desktop.callbacks.CallbacksApi;
import dev.lifeline.desktop.callbacks.CallbacksTab;
import dev.lifeline.desktop.callbacks.CallbacksViewModel;
import dev.lifeline.desktop.connection.ConnectionState;
import dev.lifeline.desktop.connection.EventStream;
import dev.lifeline.desktop.connection.SnapshotOnConnect;
import dev.lifeline.desktop.login.SignedIn;
import dev.lifeline.model.event.QueueSnapshotChanged;
import dev.lifeline.model.event.ServerEvent;
import dev.lifeline.model.queue.QueueSnapshot;
import dev.lifeline.desktop.softphone.Softphone;
import dev.lifeline.model.softphone.SoftphoneAccount;
import java.time.ZoneId;
import java.util.function.Function;
import javafx.scene.Scene;

/** The supervisor's role once signed in: shows the live queue panel and routes the supervisor's events into it. */
public final class SupervisorPanelController implements EventStream.Listener {

    private final SupervisorViewModel panel;
    private final SnapshotOnConnect<QueueSnapshot> snapshots;

    SupervisorPanelController(SupervisorViewModel panel, SnapshotOnConnect<QueueSnapshot> snapshots) {
        this.panel = panel;
        this.snapshots = snapshots;
    }

    /**
     * Shows the panel in the scene and opens the session's event stream for it; the supervisor's own phone (issue 18:
     * listen and whisper) registers once the server hands over its SIP account.
     *
     * @param softphones makes the softphone from the supervisor's SIP account
     */
    public static SupervisorPanelController open(SignedIn session, Scene scene, Function<SoftphoneAccount, Softphone> softphones) {
        SupervisorViewModel panel = new SupervisorViewModel(session.rest(), session.ui(), session.clock(), ZoneId.systemDefault());
        ListenPhone phone = new ListenPhone();
        ListenViewModel listen = new ListenViewModel(session.rest()::superviseCall, session.ui(), phone::answer,
                phone::reject, phone::hangUp);
        // Issue 20 item 6: the queue's callbacks in a tab of their own beside the panel.
        CallbacksTab callbacks = new CallbacksTab(new CallbacksViewModel(CallbacksApi.over(session.rest()), session.ui(),
                ZoneId.systemDefault(), false));
        scene.setRoot(session.framed(callbacks.beside(new SupervisorView(panel, listen, agent -> AgentDevicesDialog.show(
                scene.getWindow(), new AgentDevicesViewModel(session.rest()::agentDevices, session.rest()::revokeDevice,
                        session.ui(), ZoneId.systemDefault(), agent.identity()))).root())));
        phone.start(session, softphones, listen);
        session.everySecond(() -> {
            panel.tick(panel.serverNow());
            callbacks.tick();
        });
        SupervisorPanelController controller = new SupervisorPanelController(panel,
                new SnapshotOnConnect<>(session.rest()::supervisorSnapshot, panel::apply, session.ui()));
        session.openEvents(controller);
        return controller;
    }

    @Override
    public void onEvent(ServerEvent event) {
        if (event instanceof QueueSnapshotChanged changed) {
            snapshots.fromSocket(changed.snapshot());
        }
    }

    @Override
    public void onState(ConnectionState state) {
        panel.connectionState(state);
    }

    @Override
    public void onConnected() {
        snapshots.connected();
    }
}
