package dev.lifeline.sim.voice;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A conference room. Mutable; only touched while holding the world lock. */
final class VoiceConference {

    final String sid;
    final String friendlyName;
    final Instant dateCreated;
    Instant dateUpdated;
    /** {@code init in-progress completed}. */
    String status = "init";
    String reasonConferenceEnded;
    String callSidEndingConference;
    /** Chosen once, by the first participant; later participants' settings are ignored (Twilio rule). */
    ConferenceCallbackSettings callback;
    int sequenceNumber;
    boolean everJoined;
    /** Every participant still in the room or still being dialled in, by call SID, in joining order. */
    final Map<String, VoiceParticipant> participants = new LinkedHashMap<>();
    int announcements;
    /** The private room of a {@code <Dial>} bridge: not a Conference resource, invisible to the API. */
    boolean hidden;

    VoiceConference(String sid, String friendlyName, Instant now) {
        this.sid = sid;
        this.friendlyName = friendlyName;
        this.dateCreated = now;
        this.dateUpdated = now;
    }

    boolean active() {
        return !"completed".equals(status);
    }

    List<VoiceParticipant> joined() {
        List<VoiceParticipant> present = new ArrayList<>();
        participants.values().forEach(p -> {
            if (p.joined()) {
                present.add(p);
            }
        });
        return present;
    }

    VoiceParticipant byLabel(String label) {
        return participants.values().stream().filter(p -> label.equals(p.label)).findFirst().orElse(null);
    }
}
