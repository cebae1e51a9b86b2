package dev.lifeline.desktop.supervisor;

import dev.lifeline.desktop.desk.PhoneCloser;
import dev.lifeline.desktop.login.SignedIn;
import dev.lifeline.desktop.softphone.Softphone;
import dev.lifeline.desktop.softphone.SoftphoneListener;
import dev.lifeline.desktop.ui.Failures;
import dev.lifeline.model.api.DesktopApi;
import dev.lifeline.model.softphone.SoftphoneAccount;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The supervisor's softphone, for listening in: fetched like an agent's ({@code GET /api/me/softphone}), registered,
 * its calls handed to the {@link ListenViewModel} on the UI thread, closed (unregistered) on sign-out. Until it is there,
 * and for a supervisor the server has no phone for, asking the phone to answer does nothing: the server's call rings out.
 */
final class ListenPhone {

    private static final Logger log = LoggerFactory.getLogger(ListenPhone.class);

    private volatile Softphone phone;

    void start(SignedIn session, Function<SoftphoneAccount, Softphone> softphones, ListenViewModel listen) {
        session.rest().fetchIfServed(DesktopApi.MY_SOFTPHONE, SoftphoneAccount.class)
                .whenComplete((account, failure) -> session.ui().execute(() -> {
                    if (session.isClosed()) {
                        return;
                    }
                    if (failure != null || account.isEmpty()) {
                        log.warn("no phone to listen in with: {}", failure != null ? Failures.text(failure)
                                : "the server has no SIP account for " + session.session().identity());
                        return;
                    }
                    Softphone created = softphones.apply(account.get());
                    session.closeOnSignOut(new PhoneCloser(created));
                    phone = created;
                    created.register(session.session().identity(), new SoftphoneListener() {
                        @Override
                        public void ringing(String callSid, String from) {
                            session.ui().execute(() -> listen.ringing(callSid, from));
                        }

                        @Override
                        public void callEnded(String callSid, String reason) {
                            session.ui().execute(() -> listen.callEnded(callSid));
                        }
                    });
                }));
    }

    void answer(String callSid) {
        Softphone current = phone;
        if (current != null) {
            current.answer(callSid);
        }
    }

    void reject(String callSid) {
        Softphone current = phone;
        if (current != null) {
            current.reject(callSid);
        }
    }

    void hangUp(String callSid) {
        Softphone current = phone;
        if (current != null) {
            current.hangUp(callSid);
        }
    }
}
