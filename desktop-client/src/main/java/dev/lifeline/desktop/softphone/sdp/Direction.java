package dev.lifeline.desktop.softphone.sdp;

import java.util.Locale;

/** The media direction attribute of RFC 3264 §5.1, seen from the side that wrote the description. */
public enum Direction {
    SENDRECV, SENDONLY, RECVONLY, INACTIVE;

    public boolean sends() {
        return this == SENDRECV || this == SENDONLY;
    }

    public boolean receives() {
        return this == SENDRECV || this == RECVONLY;
    }

    public static Direction of(boolean sends, boolean receives) {
        if (sends) {
            return receives ? SENDRECV : SENDONLY;
        }
        return receives ? RECVONLY : INACTIVE;
    }

    /** What the other side's description says when it mirrors this one (sendonly ↔ recvonly). */
    public Direction mirrored() {
        return of(receives(), sends());
    }

    public String attribute() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The direction of an attribute name, or null when the name is not a direction. */
    public static Direction fromAttribute(String name) {
        for (Direction direction : values()) {
            if (direction.attribute().equals(name)) {
                return direction;
            }
        }
        return null;
    }
}
