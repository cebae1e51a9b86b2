package dev.lifeline.server.recovery;

import dev.lifeline.server.recovery.RecoveryEvent.DropDetected;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A conference CF1: customer CAcust talking to agent Alice (leg CAalice), optionally with a third party. */
final class Fixtures {

    static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");
    static final RecoveryPolicy POLICY = RecoveryPolicy.defaults(
            "WWping", "https://lifeline.test/connection-interrupted.mp3", "https://lifeline.test/hold.mp3");

    static final String CONFERENCE = "CF1";
    static final String CUSTOMER = "CAcust";
    static final String ALICE_LEG = "CAalice";
    static final String ALICE = "WKalice";
    static final String BOB = "WKbob";
    static final String THIRD_PARTY = "CAthird";
    static final String TASK = "WT1";
    static final String RESERVATION = "WR1";
    static final String WORKFLOW = "WWvoice";
    static final String PING_TASK = "WTping";
    static final String RECONNECT_TASK = "WT2";
    static final String INCIDENT = IncidentIds.incidentId(CONFERENCE, ALICE_LEG);

    private Fixtures() {
    }

    /** What the voice task looked like when Alice accepted it, including Insights data. */
    static TaskAttributes voiceTaskAttributes() {
        return TaskAttributes.of(Map.of(
                "call_sid", CUSTOMER,
                "from", "+15550100",
                "conversations", Map.of("conversation_attribute_1", "vip", "hang_up_by", "Customer")));
    }

    static DroppedWorker alice() {
        return new DroppedWorker(ALICE, "Alice", ALICE_LEG, TASK, RESERVATION, WORKFLOW, voiceTaskAttributes());
    }

    static PartySnapshot customer(boolean hold) {
        return new PartySnapshot(CUSTOMER, PartyRole.CUSTOMER, "customer", hold, false, true);
    }

    static PartySnapshot thirdParty(boolean hold, boolean muted) {
        return new PartySnapshot(THIRD_PARTY, PartyRole.EXTERNAL, "external", hold, muted, false);
    }

    static DropDetected twoPartyDrop() {
        return drop(List.of(customer(false)));
    }

    static DropDetected threePartyDrop() {
        return drop(List.of(customer(false), thirdParty(false, false)));
    }

    static DropDetected drop(List<PartySnapshot> remaining) {
        return new DropDetected(INCIDENT, null, 1, null, CONFERENCE, alice(), CUSTOMER, remaining);
    }

    static RecoveryEvent.ReconnectAccepted reconnectAcceptedBy(String workerSid) {
        return new RecoveryEvent.ReconnectAccepted(RECONNECT_TASK, "WR2", workerSid, "CF2", RECONNECT_TASK);
    }
}
