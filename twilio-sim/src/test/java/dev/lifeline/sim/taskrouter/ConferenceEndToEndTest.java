package dev.lifeline.sim.taskrouter;

import static dev.lifeline.sim.taskrouter.ContactCenter.list;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.twilio.rest.api.v2010.account.Conference;
import com.twilio.rest.api.v2010.account.conference.Participant;
import com.twilio.rest.taskrouter.v1.workspace.Task;
import com.twilio.rest.taskrouter.v1.workspace.task.Reservation;
import dev.lifeline.sim.testsupport.SimFixture;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The conference instruction with the real voice emulator: a caller, a queue, an auto-answering softphone. */
class ConferenceEndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SimFixture sim;
    private ContactCenter center;

    @BeforeEach
    void start() {
        sim = SimFixture.start();
        center = ContactCenter.open(sim);
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void anAcceptedCallPutsCustomerAndWorkerInTheTasksConferenceAndTheWorkerLeavingWrapsTheTask() throws Exception {
        String workflow = center.workflowTo(center.queue("Support"));
        center.availableWorker("alice");
        assertThat(sim.simJson("POST", "/sim/endpoints", "{\"address\":\"client:alice\"}").statusCode()).isEqualTo(201);
        String customer = JSON.readTree(sim.simJson("POST", "/sim/calls/inbound",
                "{\"from\":\"+15551234567\",\"workflowSid\":\"" + workflow + "\"}").body()).path("callSid").asText();
        Task task = list(Task.reader(center.workspaceSid).read(center.client)).get(0);
        Reservation reservation = center.pending(task.getSid());

        Reservation.updater(center.workspaceSid, task.getSid(), reservation.getSid())
                .setInstruction("conference").setFrom("+15550001").setEndConferenceOnExit(false).update(center.client);

        assertThat(center.status(task.getSid(), reservation.getSid())).isEqualTo(Reservation.Status.ACCEPTED);
        assertThat(center.fetch(task.getSid()).getAssignmentStatus()).isEqualTo(Task.Status.ASSIGNED);
        Conference conference = list(Conference.reader().setFriendlyName(task.getSid()).read(center.client)).get(0);
        List<Participant> participants = list(Participant.reader(conference.getSid()).read(center.client));
        assertThat(participants).extracting(Participant::getCallSid).hasSize(2).contains(customer);

        String workerCall = participants.stream().map(Participant::getCallSid)
                .filter(sid -> !sid.equals(customer)).findFirst().orElseThrow();
        sim.simJson("POST", "/sim/calls/" + workerCall + "/hangup", null);

        assertThat(center.status(task.getSid(), reservation.getSid())).isEqualTo(Reservation.Status.WRAPPING);
        assertThat(center.fetch(task.getSid()).getAssignmentStatus()).isEqualTo(Task.Status.WRAPPING);
    }
}
