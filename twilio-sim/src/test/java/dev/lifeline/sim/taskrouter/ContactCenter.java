package dev.lifeline.sim.taskrouter;

import com.twilio.base.ResourceSet;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.taskrouter.v1.Workspace;
import com.twilio.rest.taskrouter.v1.workspace.Activity;
import com.twilio.rest.taskrouter.v1.workspace.Task;
import com.twilio.rest.taskrouter.v1.workspace.TaskQueue;
import com.twilio.rest.taskrouter.v1.workspace.Worker;
import com.twilio.rest.taskrouter.v1.workspace.Workflow;
import com.twilio.rest.taskrouter.v1.workspace.task.Reservation;
import dev.lifeline.sim.testsupport.SimFixture;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A workspace set up through the real SDK, with short-hands for the routing tests. */
final class ContactCenter {

    final SimFixture sim;
    final TwilioRestClient client;
    final String workspaceSid;
    final String available;
    final String offline;
    final String unavailable;

    private ContactCenter(SimFixture sim, String workspaceSid) {
        this.sim = sim;
        this.client = sim.client();
        this.workspaceSid = workspaceSid;
        List<Activity> activities = list(Activity.reader(workspaceSid).read(client));
        this.available = sidOf(activities, "Available");
        this.offline = sidOf(activities, "Offline");
        this.unavailable = sidOf(activities, "Unavailable");
    }

    static ContactCenter open(SimFixture sim) {
        return open(sim, null);
    }

    static ContactCenter open(SimFixture sim, String eventCallbackUrl) {
        var creator = Workspace.creator("Lifeline");
        if (eventCallbackUrl != null) {
            creator.setEventCallbackUrl(eventCallbackUrl);
        }
        return new ContactCenter(sim, creator.create(sim.client()).getSid());
    }

    String queue(String name) {
        return TaskQueue.creator(workspaceSid, name).setTargetWorkers("1==1").create(client).getSid();
    }

    /** One filter matching every task, with the given targets JSON array, and a reservation timeout. */
    String workflow(String targetsJson, int reservationTimeout) {
        String configuration = "{\"task_routing\":{\"filters\":[{\"filter_friendly_name\":\"all\",\"expression\":\"1==1\","
                + "\"targets\":" + targetsJson + "}]}}";
        return Workflow.creator(workspaceSid, "wf-" + System.nanoTime(), configuration)
                .setTaskReservationTimeout(reservationTimeout).create(client).getSid();
    }

    /** Every task to one queue. */
    String workflowTo(String queueSid) {
        return workflow("[{\"queue\":\"" + queueSid + "\"}]", 120);
    }

    String availableWorker(String name) {
        return Worker.creator(workspaceSid, name)
                .setAttributes("{\"contact_uri\":\"client:" + name + "\"}")
                .setActivitySid(available).create(client).getSid();
    }

    String offlineWorker(String name) {
        return Worker.creator(workspaceSid, name)
                .setAttributes("{\"contact_uri\":\"client:" + name + "\"}").create(client).getSid();
    }

    Task task(String workflowSid, String attributes, Integer priority) {
        var creator = Task.creator(workspaceSid).setWorkflowSid(workflowSid).setAttributes(attributes);
        if (priority != null) {
            creator.setPriority(priority);
        }
        return creator.create(client);
    }

    Task fetch(String taskSid) {
        return Task.fetcher(workspaceSid, taskSid).fetch(client);
    }

    List<Reservation> reservations(String taskSid) {
        return list(Reservation.reader(workspaceSid, taskSid).read(client));
    }

    /** The task's one pending reservation, or null. */
    Reservation pending(String taskSid) {
        return reservations(taskSid).stream()
                .filter(r -> r.getReservationStatus() == Reservation.Status.PENDING)
                .findFirst().orElse(null);
    }

    Reservation.Status status(String taskSid, String reservationSid) {
        return Reservation.fetcher(workspaceSid, taskSid, reservationSid).fetch(client).getReservationStatus();
    }

    void accept(String taskSid, String reservationSid) {
        Reservation.updater(workspaceSid, taskSid, reservationSid)
                .setReservationStatus(Reservation.Status.ACCEPTED).update(client);
    }

    void complete(String taskSid) {
        Task.updater(workspaceSid, taskSid).setAssignmentStatus(Task.Status.COMPLETED).setReason("done").update(client);
    }

    void advance(Duration by) {
        sim.advance(by);
    }

    static <T extends com.twilio.base.Resource> List<T> list(ResourceSet<T> set) {
        List<T> items = new ArrayList<>();
        set.forEach(items::add);
        return items;
    }

    private static String sidOf(List<Activity> activities, String name) {
        return activities.stream().filter(a -> a.getFriendlyName().equals(name)).findFirst().orElseThrow().getSid();
    }
}
