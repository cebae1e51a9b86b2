package dev.lifeline.desktop.softphone.sdp;

/** An {@code a=rtpmap:<pt> <encoding>/<clock rate>[/<channels>]} attribute. */
public record RtpMap(String encoding, int clockRate, int channels) {

    public String format() {
        return encoding + "/" + clockRate + (channels > 1 ? "/" + channels : "");
    }
}
