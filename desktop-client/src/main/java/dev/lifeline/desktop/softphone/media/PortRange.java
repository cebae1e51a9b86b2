package dev.lifeline.desktop.softphone.media;

/** A range of UDP ports for RTP, both ends included ({@code 32000-32999}); a firewall opens exactly these. */
public record PortRange(int first, int last) {

    public PortRange {
        if (first < 1024 || last > 65535 || first > last) {
            throw new IllegalArgumentException("RTP ports must be a range within 1024-65535, e.g. 16384-32767");
        }
        if (last - first < 1) {
            throw new IllegalArgumentException("RTP ports need at least two ports (RTP and RTCP)");
        }
    }

    /** Reads {@code first-last}, with the reason for a refusal in plain words. */
    public static PortRange parse(String text) {
        String[] parts = text.trim().split("\\s*-\\s*");
        if (parts.length != 2) {
            throw new IllegalArgumentException("RTP ports must look like 16384-32767, not '" + text + "'");
        }
        try {
            return new PortRange(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("RTP ports must look like 16384-32767, not '" + text + "'");
        }
    }

    @Override
    public String toString() {
        return first + "-" + last;
    }
}
