package dev.lifeline.desktop.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lifeline.desktop.connection.ServerProblem;
import dev.lifeline.desktop.ui.UiExecutor;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The Simulator's view model with a scripted {@link CustomerCalls}, on the test thread. */
class SimulatorViewModelTest {

    private final ScriptedCalls calls = new ScriptedCalls();
    private final SimulatorViewModel model = new SimulatorViewModel(calls, UiExecutor.DIRECT);

    @Test
    void aPollUpdatesRowsInPlaceSoTheSelectionSurvives() {
        calls.list = List.of(call("CA1", "queued", null));
        model.refresh();
        CustomerCallRow row = model.calls().get(0);
        model.selectedProperty().set(row);

        calls.list = List.of(call("CA2", "queued", null), call("CA1", "in-progress", "CF1"));
        model.refresh();

        assertThat(model.calls()).hasSize(2);
        assertThat(model.calls().get(1)).isSameAs(row);
        assertThat(model.selectedProperty().get()).isSameAs(row);
        assertThat(row.conferenceProperty().get()).isEqualTo("CF1");
        assertThat(model.selectedCallIsLiveProperty().get()).isTrue();
    }

    @Test
    void aCompletedCallCanNoLongerBeActedOn() {
        calls.list = List.of(call("CA1", "in-progress", "CF1"));
        model.refresh();
        model.selectedProperty().set(model.calls().get(0));

        calls.list = List.of(call("CA1", "completed", null));
        model.refresh();

        assertThat(model.selectedCallIsLiveProperty().get()).isFalse();
    }

    @Test
    void aRefusedCommandShowsTheServersSentenceAndChangesNothingElse() {
        calls.list = List.of(call("CA1", "queued", null));
        model.refresh();
        model.selectedProperty().set(model.calls().get(0));
        calls.failure = new ServerProblem(409, "The customer CA1 is not in a conference yet");

        model.addThirdParty();

        assertThat(model.errorProperty().get()).isEqualTo("The customer CA1 is not in a conference yet");
        assertThat(model.statusProperty().get()).isEmpty();
        assertThat(model.busyProperty().get()).isFalse();
    }

    @Test
    void anUnreachableServerIsShownAndClearedWhenItAnswersAgain() {
        calls.failure = new ServerProblem(0, "The server at http://localhost:8080 cannot be reached right now.");
        model.refresh();
        assertThat(model.reachableProperty().get()).isFalse();
        assertThat(model.errorProperty().get()).contains("cannot be reached");

        calls.failure = null;
        calls.list = List.of();
        model.refresh();

        assertThat(model.reachableProperty().get()).isTrue();
        assertThat(model.errorProperty().get()).isEmpty();
    }

    @Test
    void actingWithoutASelectionAsksForOneAndSendsNothing() {
        model.hangUp();

        assertThat(model.errorProperty().get()).isEqualTo("Select a customer call first.");
        assertThat(calls.sent).isEmpty();
    }

    @Test
    void aCustomerCallingInIsConfirmedAndTheListRefreshed() {
        calls.list = List.of();
        calls.callInSid = "CA9";

        model.customerCallsIn();

        assertThat(model.statusProperty().get()).isEqualTo("A customer is calling in (CA9).");
        assertThat(calls.sent).containsExactly("call-in", "list");
    }

    private static CustomerCall call(String sid, String status, String conference) {
        return new CustomerCall(sid, "+1555" + sid, status, conference == null ? "enqueue" : "conference", conference);
    }

    private static final class ScriptedCalls implements CustomerCalls {
        List<CustomerCall> list = List.of();
        String callInSid = "CA1";
        RuntimeException failure;
        final List<String> sent = new ArrayList<>();

        private <T> CompletableFuture<T> answer(String what, T value) {
            sent.add(what);
            return failure != null ? CompletableFuture.failedFuture(failure) : CompletableFuture.completedFuture(value);
        }

        @Override
        public CompletableFuture<List<CustomerCall>> list() {
            return answer("list", list);
        }

        @Override
        public CompletableFuture<String> callIn() {
            return answer("call-in", callInSid);
        }

        @Override
        public CompletableFuture<Void> addThirdParty(String customerCallSid) {
            return answer("third-party " + customerCallSid, null);
        }

        @Override
        public CompletableFuture<Void> hangUp(String customerCallSid) {
            return answer("hangup " + customerCallSid, null);
        }
    }
}
