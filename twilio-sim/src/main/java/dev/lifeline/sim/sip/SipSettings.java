package dev.lifeline.sim.sip;

import java.time.Duration;

/**
 * The emulated SIP Domain's settings (builder of {@code TwilioSim}).
 *
 * @param host          the address SIP and RTP listen on and put in Via, Contact and SDP
 * @param port          SIP port for UDP and TCP alike; 0 picks a free one
 * @param maxExpires    the longest binding granted; Twilio documents re-REGISTERing at most every 600 s (sip.md §1.3)
 * @param mediaTimeout  a SIP leg whose RTP stops this long is dropped. Twilio documents no such value for SIP Domains;
 *                      300 s is what a Twilio engineer gave for Voice SDK clients (sip.md §1.7). Real time.
 * @param rtpPortMin    first RTP port (0 with {@code rtpPortMax} 0 = any free port)
 * @param rtpPortMax    last RTP port
 */
public record SipSettings(String host, int port, Duration maxExpires, Duration mediaTimeout, int rtpPortMin,
                          int rtpPortMax) {

    public static final Duration DEFAULT_MAX_EXPIRES = Duration.ofSeconds(600);
    public static final Duration DEFAULT_MEDIA_TIMEOUT = Duration.ofSeconds(300);
    /**
     * The stack reads at most this much of a message: a larger body over UDP is answered 400 ("Invalid content
     * length"), a TCP connection sending more is closed (gov.nist.javax.sip.MAX_MESSAGE_SIZE).
     */
    public static final int MAX_MESSAGE_BYTES = 16 * 1024;
}
