package dev.lifeline.sim.sipdomain;

/**
 * What the registrar does with a REGISTER for one user of one domain.
 *
 * @param knownDomain whether the domain exists at all
 * @param errorCode   Twilio's refusal (32210 registration off, 32212 no registration mapping), or 0
 * @param reason      a readable reason for a refusal
 * @param ha1         the user's digest HA1 when the REGISTER is to be challenged; null for an unknown user (who is
 *                    still challenged, then refused, so a scan cannot tell users apart)
 */
public record RegistrationPolicy(boolean knownDomain, int errorCode, String reason, String ha1) {

    static RegistrationPolicy unknownDomain() {
        return new RegistrationPolicy(false, 0, "No such SIP Domain", null);
    }

    static RegistrationPolicy refused(int code, String reason) {
        return new RegistrationPolicy(true, code, reason, null);
    }

    static RegistrationPolicy challenge(String ha1) {
        return new RegistrationPolicy(true, 0, null, ha1);
    }

    public boolean refused() {
        return errorCode != 0;
    }
}
