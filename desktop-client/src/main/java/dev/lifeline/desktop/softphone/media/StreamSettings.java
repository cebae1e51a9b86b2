package dev.lifeline.desktop.softphone.media;

import java.net.InetSocketAddress;

/**
 * How one RTP stream runs: the agreed codec and telephone-event payload type (-1: none), where to send, and
 * whether to send and play at all (hold turns one or both off).
 */
public record StreamSettings(Codec codec, int telephoneEventPayloadType, InetSocketAddress remote, boolean sending,
                             boolean playing) {
}
