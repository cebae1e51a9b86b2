package dev.lifeline.sim.taskrouter;

import static dev.lifeline.sim.taskrouter.ContactCenter.list;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.twilio.exception.ApiException;
import com.twilio.rest.api.v2010.account.Queue;
import com.twilio.rest.api.v2010.account.queue.Member;
import dev.lifeline.sim.testsupport.SimFixture;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Programmable Voice Queue and Member resources through twilio-java, for TaskRouter and named queues alike. */
class VoiceQueuesApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SimFixture sim;
    private QueuedCallers callers;

    @BeforeEach
    void start() {
        sim = SimFixture.start();
        callers = new QueuedCallers(sim);
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void theQueueAWorkflowUsesIsNamedAfterItAndReportsSizeAverageWaitAndMembersInArrivalOrder() throws Exception {
        callers.voiceUrlEnqueues("", "");
        String first = callers.callIn("+15551230001");
        sim.advance(Duration.ofSeconds(30));
        String second = callers.callIn("+15551230002");
        sim.advance(Duration.ofSeconds(10));

        Queue queue = list(Queue.reader().read(sim.client())).get(0);
        assertThat(queue.getFriendlyName()).isEqualTo(callers.workflow);
        assertThat(queue.getSid()).startsWith("QU");
        Queue fetched = Queue.fetcher(queue.getSid()).fetch(sim.client());
        assertThat(fetched.getCurrentSize()).isEqualTo(2);
        assertThat(fetched.getAverageWaitTime()).isEqualTo(25); // (40 + 10) / 2
        assertThat(fetched.getMaxSize()).isEqualTo(100);
        List<Member> members = list(Member.reader(queue.getSid()).read(sim.client()));
        assertThat(members).extracting(Member::getCallSid).containsExactly(first, second);
        assertThat(members).extracting(Member::getPosition).containsExactly(1, 2);
        assertThat(members).extracting(Member::getWaitTime).containsExactly(40, 10);
        assertThat(Member.fetcher(queue.getSid(), "Front").fetch(sim.client()).getCallSid()).isEqualTo(first);
        assertThat(Member.fetcher(queue.getSid(), second).fetch(sim.client()).getDateEnqueued()).isNotNull();

        JsonNode byName = JSON.readTree(sim.authed("GET", "/2010-04-01/Accounts/" + sim.accountSid()
                + "/Queues.json?FriendlyName=" + callers.workflow, null).body());
        assertThat(byName.path("queues")).hasSize(1);

        sim.sim().voice().hangUp(first);
        assertThat(Member.fetcher(queue.getSid(), second).fetch(sim.client()).getPosition()).isEqualTo(1);
        assertThat(Queue.fetcher(queue.getSid()).fetch(sim.client()).getCurrentSize()).isEqualTo(1);
    }

    @Test
    void aQueueMadeThroughTheApiIsTheOneEnqueueByNameUsesAndOnlyAnEmptyOneCanBeDeleted() {
        Queue support = Queue.creator("support").setMaxSize(10).create(sim.client());
        String caller = sim.sim().voice().inboundCall("+15551230001", null, "<Response><Enqueue>support</Enqueue></Response>");

        assertThat(Queue.fetcher(support.getSid()).fetch(sim.client()).getCurrentSize()).isEqualTo(1);
        Queue updated = Queue.updater(support.getSid()).setMaxSize(20).setFriendlyName("support-fr").update(sim.client());
        assertThat(updated.getMaxSize()).isEqualTo(20);
        assertThat(updated.getFriendlyName()).isEqualTo("support-fr");
        assertThatThrownBy(() -> Queue.deleter(support.getSid()).delete(sim.client()))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getStatusCode()).isEqualTo(400));

        sim.sim().voice().hangUp(caller);
        assertThat(Queue.deleter(support.getSid()).delete(sim.client())).isTrue();
        assertThatThrownBy(() -> Queue.fetcher(support.getSid()).fetch(sim.client()))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getStatusCode()).isEqualTo(404));
    }

    @Test
    void aMemberDequeuedThroughTheApiRunsTheUrlAndTheActionHearsRedirected() {
        callers.serve("/after", "<Response><Hangup/></Response>");
        callers.serve("/dequeued", "<Response><Pause length=\"30\"/></Response>");
        String caller = sim.sim().voice().inboundCall("+15551230001", null, "<Response><Enqueue action=\""
                + sim.receiver().url("/after") + "\">support</Enqueue></Response>");
        String queueSid = list(Queue.reader().read(sim.client())).get(0).getSid();

        Member member = Member.updater(queueSid, "Front", URI.create(sim.receiver().url("/dequeued"))).update(sim.client());

        assertThat(member.getCallSid()).isEqualTo(caller);
        assertThat(callers.request("/after", 1).param("QueueResult")).isEqualTo("redirected");
        assertThat(callers.request("/dequeued", 1).param("CallSid")).isEqualTo(caller);
        callers.awaitTwiml(caller, "paused");
        assertThat(Queue.fetcher(queueSid).fetch(sim.client()).getCurrentSize()).isZero();
    }

    @Test
    void badQueueRequestsAreRefusedNamingTheParameter() {
        String queues = "/2010-04-01/Accounts/" + sim.accountSid() + "/Queues";
        Queue.creator("support").create(sim.client());

        assertThat(sim.authed("POST", queues + ".json", "MaxSize=5").body()).contains("FriendlyName");
        assertThat(sim.authed("POST", queues + ".json", "FriendlyName=a&MaxSize=0").body()).contains("MaxSize");
        assertThat(sim.authed("POST", queues + ".json", "FriendlyName=a&MaxSize=5001").statusCode()).isEqualTo(400);
        assertThat(sim.authed("POST", queues + ".json", "FriendlyName=support").statusCode()).isEqualTo(400);
        assertThat(sim.authed("GET", queues + "/QU00000000000000000000000000000000.json", null).statusCode()).isEqualTo(404);
        String sid = list(Queue.reader().read(sim.client())).get(0).getSid();
        assertThat(sim.authed("GET", queues + "/" + sid + "/Members/Front.json", null).statusCode()).isEqualTo(404);
        assertThat(sim.authed("POST", queues + "/" + sid + "/Members/CA00000000000000000000000000000000.json",
                "Url=https://x.example/a").statusCode()).isEqualTo(404);
        assertThat(sim.authed("POST", queues + "/" + sid + "/Members/Front.json", "").body()).contains("Url");
    }
}
