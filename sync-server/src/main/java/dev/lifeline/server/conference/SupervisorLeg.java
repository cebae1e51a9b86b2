package dev.lifeline.server.conference;

/**
 * How a supervisor's leg is told from the call's own parties: by the label the server dials it with. Twilio reports a
 * participant's label in every conference callback and in its participant list, so the leg is recognised from its
 * first callback, after a lost one (the audit), and when the records are rebuilt from Twilio.
 */
public final class SupervisorLeg {

    /** No agent identity has it (identities are SIP user names: letters, digits, {@code . - _}). */
    private static final String PREFIX = "supervisor~";

    private SupervisorLeg() {
    }

    /** The label of {@code identity}'s listening leg. */
    public static String label(String identity) {
        return PREFIX + identity;
    }

    public static boolean isSupervisorLabel(String label) {
        return label != null && label.startsWith(PREFIX) && label.length() > PREFIX.length();
    }
}
