package dev.lifeline.model.command;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * What a desktop asks the server to do. Sent as the JSON body of the matching REST call in {@code DesktopApi}
 * (the SID in the path and the body must agree), or as a message on the WebSocket. The {@code "type"} member
 * names the command; the names are part of the wire contract and must not change.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = AcceptReservation.class, name = "accept"),
        @JsonSubTypes.Type(value = RejectReservation.class, name = "reject"),
        @JsonSubTypes.Type(value = HangUp.class, name = "hangup"),
        @JsonSubTypes.Type(value = HoldParticipant.class, name = "hold"),
        @JsonSubTypes.Type(value = UnholdParticipant.class, name = "unhold"),
        @JsonSubTypes.Type(value = MuteParticipant.class, name = "mute"),
        @JsonSubTypes.Type(value = WrapUpTask.class, name = "wrap-up"),
        @JsonSubTypes.Type(value = CompleteTask.class, name = "complete"),
        @JsonSubTypes.Type(value = SetActivity.class, name = "set-activity"),
        @JsonSubTypes.Type(value = Heartbeat.class, name = "heartbeat"),
        @JsonSubTypes.Type(value = CancelIncident.class, name = "cancel-incident"),
        @JsonSubTypes.Type(value = PhoneReady.class, name = "phone-ready"),
        @JsonSubTypes.Type(value = LegAbandoned.class, name = "leg-abandoned"),
        // issue 18 item 2: parties and transfers
        @JsonSubTypes.Type(value = AddParty.class, name = "add-party"),
        @JsonSubTypes.Type(value = RemoveParty.class, name = "remove-party"),
        @JsonSubTypes.Type(value = TransferCall.class, name = "transfer"),
        @JsonSubTypes.Type(value = CompleteTransfer.class, name = "complete-transfer"),
        @JsonSubTypes.Type(value = CancelTransfer.class, name = "cancel-transfer"),
})
public sealed interface ClientCommand permits AcceptReservation, RejectReservation, HangUp, HoldParticipant,
        UnholdParticipant, MuteParticipant, WrapUpTask, CompleteTask, SetActivity, Heartbeat, CancelIncident,
        PhoneReady, LegAbandoned, AddParty, RemoveParty, TransferCall, CompleteTransfer, CancelTransfer {
}
