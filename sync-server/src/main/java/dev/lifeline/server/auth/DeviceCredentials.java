package dev.lifeline.server.auth;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import dev.lifeline.model.auth.DeviceSession;
import dev.lifeline.model.auth.ResumeCredential;
import dev.lifeline.model.codec.JsonCodec;
import dev.lifeline.model.problem.Problem;
import dev.lifeline.server.http.ApiProblem;
import dev.lifeline.server.observability.LogSafe;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Device-bound, rotating resume credentials (issue 14), kept in Hazelcast so that any member honours them. A password
 * sign-in from a device starts a <em>family</em>; each resume presents the family's one live credential, retires it
 * and gets the next. A retired credential presented again means two holders (a copy was stolen, or a replay): the
 * whole family is revoked and every session it started ends. The family ends {@code maxAge} after the password
 * sign-in however often it is used.
 *
 * <p>Maps (string values, nothing of ours crosses the wire): {@value #CREDENTIALS}: SHA-256 of a credential →
 * {@code "<familyId> live|retired"} (the credential itself is never stored, never logged); {@value #FAMILIES}: family
 * id → the family as JSON; {@value #SESSION_FAMILIES}: session id → family id, so a sign-out finds its family. Every
 * entry's time-to-live is the family's end; the expiry is also checked against the server's clock.
 */
public final class DeviceCredentials {

    public static final String CREDENTIALS = "auth-device-credentials";
    public static final String FAMILIES = "auth-device-families";
    public static final String SESSION_FAMILIES = "auth-session-families";
    public static final Duration DEFAULT_MAX_AGE = Duration.ofDays(30);
    /** What the desktop makes: a UUID, or anything of the same alphabet; refused otherwise before any lookup. */
    private static final Pattern DEVICE_ID = Pattern.compile("[A-Za-z0-9_-]{8,64}");
    private static final int MAX_DEVICE_NAME = 100;
    private static final int CREDENTIAL_CHARS = 43; // 32 bytes in unpadded base64url
    private static final String LIVE = "live";
    private static final String RETIRED = "retired";
    private static final Logger log = LoggerFactory.getLogger(DeviceCredentials.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final IMap<String, String> credentials;
    private final IMap<String, String> families;
    private final IMap<String, String> sessionFamilies;
    private final SessionRevocations revocations;
    private final Duration maxAge;
    private final Duration sessionMaxAge;
    private final Clock clock;

    public DeviceCredentials(HazelcastInstance hazelcast, SessionRevocations revocations, Duration maxAge,
                             Duration sessionMaxAge, Clock clock) {
        this.credentials = hazelcast.getMap(CREDENTIALS);
        this.families = hazelcast.getMap(FAMILIES);
        this.sessionFamilies = hazelcast.getMap(SESSION_FAMILIES);
        this.revocations = revocations;
        this.maxAge = maxAge;
        this.sessionMaxAge = sessionMaxAge;
        this.clock = clock;
    }

    /** A family as stored (JSON in {@value #FAMILIES}). */
    public record Family(String familyId, String identity, String deviceId, String deviceName, Instant signedInAt,
                         Instant lastUsedAt, Instant expiresAt, List<String> sessionIds) {

        Family used(Instant now, String sessionId) {
            List<String> sessions = new ArrayList<>(sessionIds == null ? List.of() : sessionIds);
            sessions.add(sessionId);
            return new Family(familyId, identity, deviceId, deviceName, signedInAt, now, expiresAt, sessions);
        }

        DeviceSession device() {
            return new DeviceSession(deviceId, deviceName, signedInAt, lastUsedAt, expiresAt);
        }
    }

    /** 400 unless {@code deviceId} is one a desktop makes. */
    public static String checkedDeviceId(String deviceId) {
        if (deviceId == null || !DEVICE_ID.matcher(deviceId).matches()) {
            throw new ApiProblem(Problem.badRequest("deviceId", "8 to 64 letters, digits, '-' or '_'"));
        }
        return deviceId;
    }

    /** A device name fit for a supervisor's list: control characters dropped, cut to a sensible length. */
    public static String checkedDeviceName(String deviceName) {
        if (deviceName == null) {
            return null;
        }
        String clean = deviceName.replaceAll("\\p{Cntrl}", "").strip();
        return clean.isEmpty() ? null : clean.substring(0, Math.min(clean.length(), MAX_DEVICE_NAME));
    }

    /**
     * A new family for a password sign-in of {@code identity} on {@code deviceId}, which started {@code sessionId}. A
     * family the device had before stops working (its sessions go on: the agent signed in again, nothing was stolen).
     */
    public ResumeCredential start(String identity, String deviceId, String deviceName, String sessionId) {
        for (Family old : familiesOf(identity)) {
            if (old.deviceId().equals(deviceId)) {
                families.remove(old.familyId());
            }
        }
        Instant now = clock.instant();
        Family family = new Family(UUID.randomUUID().toString(), identity, deviceId, deviceName, now, now,
                now.plus(maxAge), List.of(sessionId));
        store(family);
        rememberSession(sessionId, family.familyId());
        return next(family);
    }

    /**
     * Exchanges a live credential of {@code deviceId} for the family's next one. 401 for an unknown, expired or
     * revoked credential; a retired one, or one presented by another device, also revokes its whole family.
     *
     * @return the family, already rotated: {@link #resumed} must follow with the new session
     */
    public Family rotate(String deviceId, String credential) {
        String key = credential == null || credential.length() != CREDENTIAL_CHARS ? null : hash(credential);
        String entry = key == null ? null : credentials.get(key);
        if (entry == null) {
            throw refused();
        }
        String[] parts = entry.split(" ", 2);
        Family family = family(parts[0]).orElseThrow(DeviceCredentials::refused);
        if (!clock.instant().isBefore(family.expiresAt())) {
            revoke(family, "expired");
            throw refused();
        }
        if (!family.deviceId().equals(deviceId)) {
            log.warn("resume credential of {}'s device {} presented by device {}: revoking the device", family.identity(),
                    family.deviceId(), LogSafe.text(deviceId));
            revoke(family, "presented by another device");
            throw refused();
        }
        if (!RETIRED.equals(parts.length > 1 ? parts[1] : "")
                && credentials.replace(key, parts[0] + " " + LIVE, parts[0] + " " + RETIRED)) {
            return family;
        }
        // Retired already (or by a racing use a moment ago): two holders of one credential.
        log.warn("a used resume credential of {}'s device {} was presented again: revoking the device and its sessions",
                family.identity(), family.deviceId());
        revoke(family, "credential reused");
        throw refused();
    }

    /** After {@link #rotate}: records the new session and hands out the next credential. */
    public ResumeCredential resumed(Family family, String sessionId) {
        families.lock(family.familyId());
        try {
            Family current = family(family.familyId()).orElseThrow(DeviceCredentials::refused);
            store(current.used(clock.instant(), sessionId));
        } finally {
            families.unlock(family.familyId());
        }
        rememberSession(sessionId, family.familyId());
        return next(family);
    }

    /** The user's own sign-out: the family that session {@code sessionId} came from is revoked, if any. */
    public void signOut(String sessionId) {
        String familyId = sessionFamilies.get(sessionId);
        if (familyId != null) {
            family(familyId).ifPresent(family -> revoke(family, "signed out"));
        }
    }

    public List<DeviceSession> devicesOf(String identity) {
        return familiesOf(identity).stream().map(Family::device)
                .sorted(Comparator.comparing(DeviceSession::lastUsedAt).reversed()).toList();
    }

    /** @return false when {@code identity} has no such device */
    public boolean revokeDevice(String identity, String deviceId, String by) {
        boolean found = false;
        for (Family family : familiesOf(identity)) {
            if (family.deviceId().equals(deviceId)) {
                revoke(family, "revoked by " + by);
                found = true;
            }
        }
        return found;
    }

    private List<Family> familiesOf(String identity) {
        List<Family> found = new ArrayList<>();
        Instant now = clock.instant();
        for (String json : families.values()) {
            Family family = JsonCodec.shared().decode(json, Family.class);
            if (family.identity().equals(identity) && now.isBefore(family.expiresAt())) {
                found.add(family);
            }
        }
        return found;
    }

    /** Ends the family: its credentials stop working and every session it started ends on every member. */
    private void revoke(Family family, String why) {
        families.remove(family.familyId());
        Instant latestExpiry = clock.instant().plus(sessionMaxAge);
        for (String sessionId : family.sessionIds() == null ? List.<String>of() : family.sessionIds()) {
            revocations.endSession(sessionId, latestExpiry);
        }
        log.info("{}'s device {} can no longer sign in by itself ({})", family.identity(), family.deviceId(), why);
    }

    private ResumeCredential next(Family family) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String credential = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        credentials.set(hash(credential), family.familyId() + " " + LIVE, ttlUntil(family.expiresAt()), TimeUnit.MILLISECONDS);
        return new ResumeCredential(credential, family.expiresAt());
    }

    private Optional<Family> family(String familyId) {
        return Optional.ofNullable(families.get(familyId)).map(json -> JsonCodec.shared().decode(json, Family.class));
    }

    private void store(Family family) {
        families.set(family.familyId(), JsonCodec.shared().encode(family), ttlUntil(family.expiresAt()), TimeUnit.MILLISECONDS);
    }

    private void rememberSession(String sessionId, String familyId) {
        sessionFamilies.set(sessionId, familyId, sessionMaxAge.toMillis(), TimeUnit.MILLISECONDS);
    }

    private long ttlUntil(Instant end) {
        return Math.max(1, Duration.between(clock.instant(), end).toMillis());
    }

    private static ApiProblem refused() {
        return new ApiProblem(Problem.unauthorized(
                "This saved sign-in is no longer valid (signed out, revoked or expired). Sign in with your password."));
    }

    private static String hash(String credential) {
        return Sha256.hex(credential);
    }
}
