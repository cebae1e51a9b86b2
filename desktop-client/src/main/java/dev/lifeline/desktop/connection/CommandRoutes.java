package dev.lifeline.desktop.connection;

import dev.lifeline.model.api.DesktopApi;
import dev.lifeline.model.command.AcceptReservation;
import dev.lifeline.model.command.CancelIncident;
import dev.lifeline.model.command.LegAbandoned;
import dev.lifeline.model.command.PhoneReady;
import dev.lifeline.model.command.ClientCommand;
import dev.lifeline.model.command.CompleteTask;
import dev.lifeline.model.command.HangUp;
import dev.lifeline.model.command.Heartbeat;
import dev.lifeline.model.command.HoldParticipant;
import dev.lifeline.model.command.MuteParticipant;
import dev.lifeline.model.command.RejectReservation;
import dev.lifeline.model.command.SetActivity;
import dev.lifeline.model.command.UnholdParticipant;
import dev.lifeline.model.command.WrapUpTask;
import dev.lifeline.model.command.AddParty;
import dev.lifeline.model.command.CancelTransfer;
import dev.lifeline.model.command.CompleteTransfer;
import dev.lifeline.model.command.RemoveParty;
import dev.lifeline.model.command.TransferCall;

/** The REST path of each command, straight from {@link DesktopApi} (the SID in the path and the body agree). */
public final class CommandRoutes {

    private CommandRoutes() {
    }

    public static String pathOf(ClientCommand command) {
        if (command instanceof AcceptReservation c) {
            return DesktopApi.path(DesktopApi.ACCEPT_RESERVATION, c.reservationSid());
        } else if (command instanceof RejectReservation c) {
            return DesktopApi.path(DesktopApi.REJECT_RESERVATION, c.reservationSid());
        } else if (command instanceof HangUp c) {
            return DesktopApi.path(DesktopApi.HANG_UP, c.conferenceSid());
        } else if (command instanceof HoldParticipant c) {
            return DesktopApi.path(DesktopApi.HOLD, c.conferenceSid());
        } else if (command instanceof UnholdParticipant c) {
            return DesktopApi.path(DesktopApi.UNHOLD, c.conferenceSid());
        } else if (command instanceof MuteParticipant c) {
            return DesktopApi.path(DesktopApi.MUTE, c.conferenceSid());
        } else if (command instanceof WrapUpTask c) {
            return DesktopApi.path(DesktopApi.WRAP_UP_TASK, c.taskSid());
        } else if (command instanceof CompleteTask c) {
            return DesktopApi.path(DesktopApi.COMPLETE_TASK, c.taskSid());
        } else if (command instanceof SetActivity) {
            return DesktopApi.MY_ACTIVITY;
        } else if (command instanceof CancelIncident c) {
            return DesktopApi.path(DesktopApi.CANCEL_INCIDENT, c.incidentId());
        } else if (command instanceof PhoneReady c) {
            return DesktopApi.path(DesktopApi.PHONE_READY, c.incidentId());
        } else if (command instanceof LegAbandoned c) {
            return DesktopApi.path(DesktopApi.LEG_ABANDONED, c.callSid());
        } else if (command instanceof AddParty c) {
            return DesktopApi.path(DesktopApi.ADD_PARTY, c.conferenceSid());
        } else if (command instanceof RemoveParty c) {
            return DesktopApi.path(DesktopApi.REMOVE_PARTY, c.conferenceSid());
        } else if (command instanceof TransferCall c) {
            return DesktopApi.path(DesktopApi.TRANSFER, c.conferenceSid());
        } else if (command instanceof CompleteTransfer c) {
            return DesktopApi.path(DesktopApi.COMPLETE_TRANSFER, c.conferenceSid());
        } else if (command instanceof CancelTransfer c) {
            return DesktopApi.path(DesktopApi.CANCEL_TRANSFER, c.conferenceSid());
        } else if (command instanceof Heartbeat) {
            throw new IllegalArgumentException("heartbeat: sent on the event stream, it has no REST route");
        }
        throw new IllegalArgumentException("command: no route for " + command.getClass().getSimpleName());
    }
}
