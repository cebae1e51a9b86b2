package dev.lifeline.server.demo;

/**
 * Sim mode: the number the Simulator's customers call, on the emulator, its voice URL the server's call entry
 * ({@code /webhooks/voice/incoming}), so a demo caller goes through business hours, the menu, the VIP list and the
 * waitUrl (hold music, position, estimate) like a real caller. One number per server (from its HTTP port): members of
 * a sim-mode cluster sharing one emulator each send their demo callers to their own entry. Bought and pointed by
 * {@code provision/PhoneNumberProvisioner#buyInSimAndPointAt} (the Twilio SDK stays in {@code twilio/} and
 * {@code provision/}).
 */
public final class DemoNumber {

    private DemoNumber() {
    }

    /** {@code +1555010} and the port's last four digits: a fictional 555 number. */
    public static String forPort(int port) {
        return String.format("+1555010%04d", port % 10_000);
    }
}
