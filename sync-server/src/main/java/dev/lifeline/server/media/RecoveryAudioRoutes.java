package dev.lifeline.server.media;

import dev.lifeline.sim.media.BuiltInAudio;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;

/**
 * The recovery's audio, which Twilio fetches from the server: the announcement the remaining parties hear when the
 * agent drops ({@code recovery.announce-url}) and the hold music while the agent is away ({@code recovery.hold-music-url}).
 * Twilio accepts a WAV file at an {@code AnnounceUrl} or {@code HoldUrl}; these are 8 kHz mono 16-bit PCM, generated from
 * sine notes by twilio-sim's {@code SoundGenerator} (no recorded audio, so no licence question) and shipped in its jar,
 * which the server carries anyway. Unauthenticated: Twilio fetches them (POST for announcements, GET for hold music),
 * and they are the same public sound for everyone.
 */
public final class RecoveryAudioRoutes {

    public static final String ANNOUNCEMENT_PATH = "/media/connection-interrupted.wav";
    public static final String HOLD_MUSIC_PATH = "/media/hold-music.wav";

    private final byte[] announcement = BuiltInAudio.file(BuiltInAudio.ANNOUNCEMENT);
    private final byte[] holdMusic = BuiltInAudio.file(BuiltInAudio.HOLD_MUSIC);

    public void register(JavalinDefaultRoutingApi routes) {
        routes.get(ANNOUNCEMENT_PATH, ctx -> wav(ctx, announcement));
        routes.post(ANNOUNCEMENT_PATH, ctx -> wav(ctx, announcement));
        routes.get(HOLD_MUSIC_PATH, ctx -> wav(ctx, holdMusic));
        routes.post(HOLD_MUSIC_PATH, ctx -> wav(ctx, holdMusic));
    }

    private static void wav(Context ctx, byte[] file) {
        ctx.header("Cache-Control", "public, max-age=86400");
        ctx.contentType("audio/wav").result(file);
    }
}
