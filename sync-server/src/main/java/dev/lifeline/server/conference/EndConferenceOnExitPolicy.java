package dev.lifeline.server.conference;

import dev.lifeline.server.recovery.PartyRole;

/**
 * Who should end the conference by leaving. The server owns this policy (there is no Flex UI resetting
 * flags behind its back, seed §8.10):
 * <ul>
 *   <li>agents never: an agent's leg that drops must leave the customer in the conference to be recovered;</li>
 *   <li>the customer on a call with agents only: a customer hang-up still ends the call for everyone;</li>
 *   <li>nobody once a third party is present: the customer's redirect into {@code <Enqueue>} must not end
 *       the old conference under the third party, who is moved later (seed §4 3-party variant, §12).</li>
 * </ul>
 * The policy applies only while the customer is present: once the customer is gone nothing is corrected, so
 * an agent who then drops ends the conference and no third party is left behind (seed §9, commit 0a50eeb).
 */
final class EndConferenceOnExitPolicy {

    private EndConferenceOnExitPolicy() {
    }

    static boolean applies(ConferenceRecord record) {
        return !record.ended() && record.customerPresent();
    }

    static boolean desired(ConferenceRecord record, Participant participant) {
        if (participant.role() != PartyRole.CUSTOMER) {
            return false;
        }
        return record.participants().values().stream()
                .noneMatch(other -> other.present() && other.role() == PartyRole.EXTERNAL);
    }
}
