package dev.lifeline.desktop.simulator;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/** A row of the Simulator's call list; updated in place by each poll so the table keeps its selection. */
public final class CustomerCallRow {

    private final String callSid;
    private final ReadOnlyStringWrapper from = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper activity = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper conference = new ReadOnlyStringWrapper();
    private CustomerCall call;

    CustomerCallRow(CustomerCall call) {
        this.callSid = call.callSid();
        update(call);
    }

    void update(CustomerCall latest) {
        call = latest;
        from.set(latest.from() == null ? "" : latest.from());
        status.set(latest.status() == null ? "" : latest.status());
        activity.set(latest.activity() == null ? "" : latest.activity());
        conference.set(latest.conferenceSid() == null ? "—" : latest.conferenceSid());
    }

    public String callSid() {
        return callSid;
    }

    public CustomerCall call() {
        return call;
    }

    public ReadOnlyStringProperty fromProperty() {
        return from.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty activityProperty() {
        return activity.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty conferenceProperty() {
        return conference.getReadOnlyProperty();
    }
}
