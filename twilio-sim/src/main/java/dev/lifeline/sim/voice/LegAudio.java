package dev.lifeline.sim.voice;

/**
 * A leg's audio situation. What it hears, in order of precedence: an announcement to it while it plays; hold music when
 * held in a conference; the others of its conference; the audio of its last {@code <Play>} (its loops, then nothing); hold music while queued; silence.
 *
 * @param conferenceSid   the conference it is in, or null
 * @param muted           not heard by the others
 * @param hold            on hold: hears hold music, heard by nobody
 * @param playUrl         the URL of the {@code <Play>} it runs, or null
 * @param playLoops       that Play's {@code loop} (0 = for ever)
 * @param queued          waiting in {@code <Enqueue>}
 * @param simulatedFarEnd the far end is a party the emulator plays itself (a customer calling in, an external number)
 * @param announceUrl     the last announcement played to it in its conference ({@code AnnounceUrl}), or null
 * @param announcements   how many announcements it was played: a new number plays {@code announceUrl} once more
 * @param coaching        a coach in its conference: heard only by the leg {@code callSidToCoach} (nobody without one)
 * @param callSidToCoach  the one leg that hears a coach, or null
 */
public record LegAudio(String conferenceSid, boolean muted, boolean hold, String playUrl, int playLoops, boolean queued,
                       boolean simulatedFarEnd, String announceUrl, int announcements, boolean coaching,
                       String callSidToCoach) {

    /** No announcement. */
    public LegAudio(String conferenceSid, boolean muted, boolean hold, String playUrl, int playLoops, boolean queued,
                    boolean simulatedFarEnd) {
        this(conferenceSid, muted, hold, playUrl, playLoops, queued, simulatedFarEnd, null, 0, false, null);
    }
}
