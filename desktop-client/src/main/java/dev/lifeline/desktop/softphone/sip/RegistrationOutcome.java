package dev.lifeline.desktop.softphone.sip;

/**
 * What one final response to a REGISTER means for the phone: a pure decision (response code, whether the
 * REGISTER already carried credentials, whether the challenge says the nonce was merely stale), so the capped
 * retry on a wrong password is tested without a server.
 */
record RegistrationOutcome(Kind kind, String reason) {

    enum Kind {
        /** Registered: refresh at half the granted expiry. */
        REGISTERED,
        /** A digest challenge to answer with the account's credentials. */
        ANSWER_CHALLENGE,
        /** Failed for good until the account changes: no retry. */
        FAILED_FINAL,
        /** Failed for now: try again after a backoff. */
        FAILED_RETRY,
        /** The server wants a longer expiry (423 Interval Too Brief): ask again at once with its Min-Expires. */
        RETRY_LONGER
    }

    static final String WRONG_PASSWORD = "wrong SIP password";

    static RegistrationOutcome of(int status, String reasonPhrase, boolean alreadyAuthenticated, boolean staleNonce) {
        if (status >= 200 && status < 300) {
            return new RegistrationOutcome(Kind.REGISTERED, null);
        }
        switch (status) {
            case 401, 407 -> {
                // One authenticated attempt only: a wrong password would otherwise loop forever (sip.md §2).
                if (alreadyAuthenticated && !staleNonce) {
                    return new RegistrationOutcome(Kind.FAILED_FINAL, WRONG_PASSWORD);
                }
                return new RegistrationOutcome(Kind.ANSWER_CHALLENGE, null);
            }
            case 403 -> {
                return new RegistrationOutcome(Kind.FAILED_FINAL, WRONG_PASSWORD);
            }
            case 404 -> {
                return new RegistrationOutcome(Kind.FAILED_FINAL, "the SIP server does not know this phone's user");
            }
            case 423 -> {
                return new RegistrationOutcome(Kind.RETRY_LONGER, null);
            }
            default -> {
                return new RegistrationOutcome(Kind.FAILED_RETRY,
                        "the SIP server refused the phone (" + status + " " + reasonPhrase + ")");
            }
        }
    }
}
