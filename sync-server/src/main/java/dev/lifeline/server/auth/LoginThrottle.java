package dev.lifeline.server.auth;

import dev.lifeline.server.http.TokenBuckets;
import java.time.Clock;
import java.time.Duration;

/**
 * Limits password guessing without letting anyone lock an agent out. Only failed sign-ins count, and a successful
 * one clears its account's count, so an agent who types the right password is never held back by their own typos.
 * Three budgets, each checked before the password is (a guess refused for being over budget tells nothing):
 * <ul>
 *   <li>per account and client address: {@link Limits#perAccount} failures in a {@link Limits#window}; a guesser
 *       elsewhere locks only themselves out, which is why the client address must be the real one behind a
 *       proxy ({@code http.trusted-proxies});</li>
 *   <li>per client address: {@link Limits#perAddress} failures in a window, against one address trying many names;</li>
 *   <li>for the whole member: failures at most {@link Limits#globalPerSecond} a second (burst
 *       {@link Limits#globalBurst}), against guessing spread over many addresses.</li>
 * </ul>
 * The first two are kept in bounded maps whose entries expire with their window, so a flood of names or addresses
 * cannot grow the heap. Kept per member; a cluster of N members allows at most N times each budget.
 */
public final class LoginThrottle {

    /**
     * @param maxTracked at most this many accounts-at-an-address, and as many addresses, are remembered; the oldest
     *                   window makes room for a new one
     */
    public record Limits(int perAccount, int perAddress, Duration window, double globalPerSecond, int globalBurst,
                         int maxTracked) {
        /** Generous for people (10 typos, a call centre of 100 behind one address), tight for a script. */
        public static final Limits DEFAULT = new Limits(10, 100, Duration.ofMinutes(15), 10, 200, 50_000);
    }

    private static final String GLOBAL = "*";

    private final Limits limits;
    private final FailureCounts accounts;
    private final FailureCounts addresses;
    private final TokenBuckets global;

    public LoginThrottle(Limits limits, Clock clock) {
        this.limits = limits;
        this.accounts = new FailureCounts(limits.perAccount(), limits.window(), limits.maxTracked(), clock);
        this.addresses = new FailureCounts(limits.perAddress(), limits.window(), limits.maxTracked(), clock);
        this.global = new TokenBuckets(limits.globalPerSecond(), limits.globalBurst());
    }

    /** Before the password check: how long this caller must wait, {@link Duration#ZERO} to go ahead. Records nothing. */
    public Duration check(String identity, String address) {
        Duration account = accounts.wait(account(identity, address));
        Duration fromAddress = addresses.wait(address);
        Duration longest = account.compareTo(fromAddress) >= 0 ? account : fromAddress;
        if (!longest.isZero()) {
            return longest;
        }
        return global.peek(GLOBAL);
    }

    /** @return the account's failures at this address in the current window, this one included */
    public int failed(String identity, String address) {
        addresses.fail(address);
        global.tryAcquire(GLOBAL);
        return accounts.fail(account(identity, address));
    }

    public void succeeded(String identity, String address) {
        accounts.forget(account(identity, address));
    }

    public Limits limits() {
        return limits;
    }

    /** How many accounts-at-an-address and addresses are remembered right now (bounded by twice {@code maxTracked}). */
    public int tracked() {
        return accounts.size() + addresses.size();
    }

    // Identities are validated before they get here and cannot contain '@'.
    private static String account(String identity, String address) {
        return identity + "@" + address;
    }
}
