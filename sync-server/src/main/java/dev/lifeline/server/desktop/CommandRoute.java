package dev.lifeline.server.desktop;

import dev.lifeline.model.api.DesktopApi;
import dev.lifeline.model.command.AcceptReservation;
import dev.lifeline.model.command.CancelIncident;
import dev.lifeline.model.command.LegAbandoned;
import dev.lifeline.model.command.PhoneReady;
import dev.lifeline.model.command.ClientCommand;
import dev.lifeline.model.command.CompleteTask;
import dev.lifeline.model.command.HangUp;
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
import java.util.List;
import java.util.function.Function;

/**
 * One {@code POST} command endpoint: its {@link DesktopApi} path, the body it takes, and which body field must
 * equal the path parameter. The table is the single source for registering the routes and for the tests'
 * authorisation matrix.
 *
 * @param pathField the body field that names the resource in the path ({@code null} when the path has none)
 */
public record CommandRoute<T extends ClientCommand>(String path, Class<T> body, String pathField, Function<T, String> idOf) {

    public static final List<CommandRoute<?>> ALL = List.of(
            new CommandRoute<>(DesktopApi.MY_ACTIVITY, SetActivity.class, null, c -> null),
            new CommandRoute<>(DesktopApi.ACCEPT_RESERVATION, AcceptReservation.class, "reservationSid", AcceptReservation::reservationSid),
            new CommandRoute<>(DesktopApi.REJECT_RESERVATION, RejectReservation.class, "reservationSid", RejectReservation::reservationSid),
            new CommandRoute<>(DesktopApi.WRAP_UP_TASK, WrapUpTask.class, "taskSid", WrapUpTask::taskSid),
            new CommandRoute<>(DesktopApi.COMPLETE_TASK, CompleteTask.class, "taskSid", CompleteTask::taskSid),
            new CommandRoute<>(DesktopApi.HANG_UP, HangUp.class, "conferenceSid", HangUp::conferenceSid),
            new CommandRoute<>(DesktopApi.HOLD, HoldParticipant.class, "conferenceSid", HoldParticipant::conferenceSid),
            new CommandRoute<>(DesktopApi.UNHOLD, UnholdParticipant.class, "conferenceSid", UnholdParticipant::conferenceSid),
            new CommandRoute<>(DesktopApi.MUTE, MuteParticipant.class, "conferenceSid", MuteParticipant::conferenceSid),
            new CommandRoute<>(DesktopApi.CANCEL_INCIDENT, CancelIncident.class, "incidentId", CancelIncident::incidentId),
            new CommandRoute<>(DesktopApi.PHONE_READY, PhoneReady.class, "incidentId", PhoneReady::incidentId),
            new CommandRoute<>(DesktopApi.LEG_ABANDONED, LegAbandoned.class, "callSid", LegAbandoned::callSid),
            // issue 18 item 2: parties and transfers
            new CommandRoute<>(DesktopApi.ADD_PARTY, AddParty.class, "conferenceSid", AddParty::conferenceSid),
            new CommandRoute<>(DesktopApi.REMOVE_PARTY, RemoveParty.class, "conferenceSid", RemoveParty::conferenceSid),
            new CommandRoute<>(DesktopApi.TRANSFER, TransferCall.class, "conferenceSid", TransferCall::conferenceSid),
            new CommandRoute<>(DesktopApi.COMPLETE_TRANSFER, CompleteTransfer.class, "conferenceSid", CompleteTransfer::conferenceSid),
            new CommandRoute<>(DesktopApi.CANCEL_TRANSFER, CancelTransfer.class, "conferenceSid", CancelTransfer::conferenceSid));

    /** The path parameter name ({@code sid} or {@code id}), or null. */
    public String pathParam() {
        if (path.contains("{" + DesktopApi.SID_PARAM + "}")) {
            return DesktopApi.SID_PARAM;
        }
        return path.contains("{" + DesktopApi.ID_PARAM + "}") ? DesktopApi.ID_PARAM : null;
    }

    @SuppressWarnings("unchecked")
    String idIn(ClientCommand command) {
        return idOf.apply((T) command);
    }
}
