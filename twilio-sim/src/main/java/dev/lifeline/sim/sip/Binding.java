package dev.lifeline.sim.sip;

import dev.lifeline.sim.core.SimClock;
import java.time.Instant;

/**
 * One registered contact of an address of record: where INVITEs for {@code user@domainName} go.
 *
 * @param contact   the Contact URI as registered (the INVITE's Request-URI)
 * @param transport {@code udp} or {@code tcp}: the contact's {@code transport} parameter, else the REGISTER's
 */
record Binding(String domainName, String user, String contact, String transport, String callId, Instant expires,
               SimClock.Timer expiry) {
}
