package dev.lifeline.server.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hazelcast.core.HazelcastInstance;
import com.twilio.http.HttpClient;
import com.twilio.http.Request;
import com.twilio.http.Response;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.taskrouter.v1.workspace.task.Reservation;
import dev.lifeline.server.callcontrol.TransferJobs;
import dev.lifeline.server.callcontrol.TransferKind;
import dev.lifeline.server.callcontrol.TransferSweeper;
import dev.lifeline.server.callcontrol.Transfers;
import dev.lifeline.server.cluster.HazelcastMembers;
import dev.lifeline.server.engine.EffectLeases;
import dev.lifeline.server.engine.RecoveryEngine;
import dev.lifeline.server.outbound.OutboundAgent;
import dev.lifeline.server.outbound.OutboundDialler;
import dev.lifeline.server.taskrouter.TaskAttributesJson;
import dev.lifeline.server.testsupport.Await;
import dev.lifeline.server.twilio.TaskRouterGateway;
import dev.lifeline.server.twilio.VoiceGateway;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 18, crash-safe transfers: the member running an agent's cold transfer dies right after one of its Twilio steps
 * (Twilio has done it, the member never crossed it off), and a surviving member's transfer sweeper finishes it: the
 * target is offered the customer on one task, the customer waits on hold music and then talks to the target, the
 * transferring agent has left with her task wrapping, and no step reached Twilio twice. Three real Hazelcast members
 * (backup count 1); the one killed is the owner of the transfer record's partition, so the record the survivor reads is
 * the promoted backup. The same for the end of a warm transfer (complete, cancel), its member killed once the transfer
 * task says so. Against twilio-sim through the real SDK.
 */
class TransferMemberLossTest {

    private static final Duration SWEEP_EVERY = Duration.ofMillis(200);

    private RecoveryHarness harness;
    private final List<TransferSweeper> sweepers = new ArrayList<>();

    @BeforeEach
    void start() {
        harness = new RecoveryHarness(RecoveryHarness.Setup.of(Duration.ofSeconds(15), Duration.ofSeconds(120)).members(3).backups(1));
        Await.until("three members formed one cluster", () -> harness.cluster.liveMember().getCluster().getMembers().size() == 3);
        for (int i = 0; i < harness.cluster.members.size(); i++) {
            sweepers.add(transfersOn(i, harness.voice, harness.taskRouter).sweeper().start(SWEEP_EVERY));
        }
    }

    @AfterEach
    void stop() {
        sweepers.forEach(TransferSweeper::close);
        harness.close();
    }

    @ParameterizedTest(name = "cold transfer to {0}, its member killed after {1}")
    @CsvSource({"bob, holding the customer", "Everyone, holding the customer", "bob, creating the task"})
    void aColdTransferWhoseMemberDiesHalfWayIsFinishedByASurvivor(String target, String killedAfter) throws Exception {
        Call call = aliceWithACustomerAndBobAvailable();
        String customer = call.customer();
        String conference = call.conference();
        String aliceLeg = call.aliceLeg();

        int doomed = harness.cluster.members.indexOf(harness.cluster.partitionOwnerOf(conference));
        Predicate<Request> lastStep = killedAfter.equals("creating the task") ? TransferMemberLossTest::createsATask
                : request -> holds(request, customer);
        TwilioRestClient dying = dyingAfter(lastStep, harness.cluster.members.get(doomed));
        Transfers onDoomedMember = transfersOn(doomed, VoiceGateway.over(dying),
                TaskRouterGateway.over(dying, harness.workspace.workspaceSid()));
        boolean toQueue = target.equals("Everyone");
        assertThatThrownBy(() -> onDoomedMember.transfer(worker("alice"), conference, toQueue ? null : target,
                toQueue ? target : null, TransferKind.COLD)).as("the member died in the middle").isNotNull();

        Map<String, Object> transferTask = Await.present("the survivor offered the customer to bob", () -> transferTasksOf(conference)
                .stream().filter(task -> "reserved".equals(task.get("assignmentStatus"))).findFirst());
        // The start is over (its claim released) before bob's accept, which claims the same call: the sweeper may still be
        // ending alice's leg when the offer reaches bob, and an accept meanwhile is answered 409 "try again".
        Await.until("the transfer record is gone",
                () -> harness.cluster.liveMember().getMap(HazelcastMembers.TRANSFERS).isEmpty());
        assertThat(harness.sim.voice().callStatus(aliceLeg)).as("alice has left").isEqualTo("completed");
        assertThat(harness.world.participant(conference, customer)).as("the customer waits on hold music").containsEntry("hold", true);
        bobAccepts((String) transferTask.get("sid"));

        Await.until("the customer is off hold with bob",
                () -> Boolean.FALSE.equals(harness.world.participant(conference, customer).get("hold")));
        call.bob().hearsAndIsHeardBy(harness.sim, customer);
        assertThat(transferTasksOf(conference)).as("one task offered the customer").hasSize(1);
        assertThat(requests(request -> request.path().endsWith("/Participants/" + customer + ".json")
                && request.form().contains("Hold=true"))).as("the customer was put on hold once").isEqualTo(1);
        assertThat(requests(request -> request.method().equals("POST") && request.path().endsWith("/Calls/" + aliceLeg + ".json")))
                .as("alice's leg was ended once").isEqualTo(1);
        assertThat(harness.taskRouter.fetchTask(call.aliceTask()).assignmentStatus()).isEqualTo("wrapping");
        assertThat(harness.cluster.liveEngine().incidents().all()).as("a transfer is no drop").isEmpty();
    }

    @ParameterizedTest(name = "warm transfer {0}, its member killed after marking the task")
    @ValueSource(strings = {"completed", "cancelled"})
    void aWarmTransferWhoseMemberDiesWhileEndingItIsFinishedByASurvivor(String ending) throws Exception {
        Call call = aliceWithACustomerAndBobAvailable();
        String customer = call.customer();
        String conference = call.conference();
        String aliceLeg = call.aliceLeg();
        String transferTask = transfersOn(0, harness.voice, harness.taskRouter)
                .transfer(worker("alice"), conference, "bob", null, TransferKind.WARM);
        bobAccepts(transferTask);
        String bobLeg = call.bob().connectedCalls().get(0);

        int doomed = harness.cluster.members.indexOf(harness.cluster.partitionOwnerOf(conference));
        TwilioRestClient dying = dyingAfter(request -> marks(request, transferTask), harness.cluster.members.get(doomed));
        Transfers onDoomedMember = transfersOn(doomed, VoiceGateway.over(dying),
                TaskRouterGateway.over(dying, harness.workspace.workspaceSid()));
        boolean completing = ending.equals("completed");
        assertThatThrownBy(() -> {
            if (completing) {
                onDoomedMember.complete(worker("alice"), conference);
            } else {
                onDoomedMember.cancel(worker("alice"), conference);
            }
        }).as("the member died in the middle").isNotNull();

        Await.until("the survivor finished the transfer's end",
                () -> harness.cluster.liveMember().getMap(HazelcastMembers.TRANSFERS).isEmpty());
        assertThat(harness.world.participant(conference, customer)).as("the customer is off hold").containsEntry("hold", false);
        String leaving = completing ? aliceLeg : bobLeg;
        Await.until("the agent leaving has left", () -> "completed".equals(harness.sim.voice().callStatus(leaving)));
        (completing ? call.bob() : call.alice()).hearsAndIsHeardBy(harness.sim, customer);
        assertThat(requests(request -> request.path().endsWith("/Participants/" + customer + ".json")
                && request.form().contains("Hold=false"))).as("the customer was taken off hold once").isEqualTo(1);
        assertThat(requests(request -> request.method().equals("POST") && request.path().endsWith("/Calls/" + leaving + ".json")))
                .as("the leaving agent's leg was ended once").isEqualTo(1);
        if (completing) {
            assertThat(harness.taskRouter.fetchTask(call.aliceTask()).assignmentStatus()).isEqualTo("wrapping");
        } else {
            assertThat(harness.taskRouter.fetchTask(transferTask).isFinished()).as("bob's transfer task is over").isTrue();
        }
        assertThat(harness.cluster.liveEngine().incidents().all()).as("a transfer is no drop").isEmpty();
    }

    private static boolean marks(Request request, String transferTask) {
        return request.getMethod().toString().equals("POST") && request.getUrl().endsWith("/Tasks/" + transferTask)
                && request.getPostParams().containsKey("Attributes");
    }

    private record Call(TestSoftphone alice, TestSoftphone bob, String customer, String conference, String aliceLeg,
                        String aliceTask) {
    }

    /** Alice talks to a customer; bob's softphone is registered and he is Available. */
    private Call aliceWithACustomerAndBobAvailable() throws Exception {
        TestSoftphone alice = harness.softphone("alice");
        String customer = harness.customerTalkingTo("alice", alice);
        String conference = harness.world.conferenceOf(customer).orElseThrow();
        String aliceLeg = alice.connectedCalls().get(0);
        String aliceTask = harness.cluster.liveEngine().conference(conference).flatMap(c -> c.participant(aliceLeg))
                .map(p -> p.worker().taskSid()).orElseThrow();
        TestSoftphone bob = harness.softphone("bob");
        harness.agents.makeAvailable("bob");
        return new Call(alice, bob, customer, conference, aliceLeg, aliceTask);
    }

    /** The server's Transfers on member {@code i}, as its DesktopCommands makes them. */
    private Transfers transfersOn(int i, VoiceGateway voice, TaskRouterGateway taskRouter) {
        HazelcastInstance member = harness.cluster.members.get(i);
        RecoveryEngine engine = harness.cluster.engines.get(i);
        return new Transfers(voice, taskRouter, engine, new EffectLeases(member, Duration.ofSeconds(30)),
                harness.workspace.voiceWorkflowSid(), harness.workspace.voiceQueueSid(), "Everyone",
                harness.conferenceCallbackUrl, identity -> Optional.ofNullable(harness.workspace.workers().get(identity)),
                OutboundDialler.ANSWER_WAIT, dev.lifeline.server.config.ServerConfig.DEFAULT_TRANSFER_QUEUE_TIMEOUT,
                new TransferJobs(member));
    }

    /**
     * The Twilio client of a member that dies the moment Twilio has done {@code lastStep}: the member is terminated and
     * the request never returns to the transfer, as if the process had gone.
     */
    private TwilioRestClient dyingAfter(Predicate<Request> lastStep, HazelcastInstance member) {
        HttpClient dying = new HttpClient() {
            @Override
            public Response makeRequest(Request request) {
                Response response = harness.restCalls.makeRequest(request);
                if (lastStep.test(request)) {
                    member.getLifecycleService().terminate();
                    throw new IllegalStateException("the member died");
                }
                return response;
            }
        };
        return new TwilioRestClient.Builder(harness.sim.accountSid(), harness.sim.authToken()).httpClient(dying).build();
    }

    private static boolean holds(Request request, String customer) {
        return request.getUrl().contains("/Participants/" + customer) && request.getPostParams().containsKey("Hold")
                && request.getPostParams().get("Hold").contains("true");
    }

    private static boolean createsATask(Request request) {
        return request.getMethod().toString().equals("POST") && request.getUrl().endsWith("/Tasks");
    }

    /** Every task that offers this conference's customer in a transfer, whatever its status. */
    private List<Map<String, Object>> transferTasksOf(String conference) {
        return harness.taskRouter.tasks(harness.workspace.voiceWorkflowSid(), List.of()).stream()
                .filter(task -> TaskAttributesJson.read(task.attributesJson()).object("lifelineTransfer")
                        .string("conferenceSid").filter(conference::equals).isPresent())
                .map(task -> Map.<String, Object>of("sid", task.sid(), "assignmentStatus", task.assignmentStatus()))
                .toList();
    }

    private long requests(Predicate<RestCallLog.Call> which) {
        return harness.restCalls.calls().stream().filter(which).count();
    }

    /** What bob's desktop does with the offer: the accept route, on a surviving member. */
    private void bobAccepts(String transferTask) {
        Reservation offer = harness.agents.awaitPendingReservation("bob", t -> t.sid().equals(transferTask));
        int survivor = harness.cluster.members.indexOf(harness.cluster.liveMember());
        transfersOn(survivor, harness.voice, harness.taskRouter).accept(new OutboundAgent("bob", worker("bob"), "Bob Agent",
                        TestSoftphone.addressOf("bob")), transferTask, harness.workspace.voiceWorkflowSid(), offer.getSid(),
                TaskAttributesJson.read(harness.taskRouter.fetchTask(transferTask).attributesJson()));
    }

    private String worker(String identity) {
        return harness.agents.worker(identity);
    }
}
