package dev.lifeline.server.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.test.TestHazelcastInstanceFactory;
import dev.lifeline.server.cluster.HazelcastMembers;
import dev.lifeline.server.conference.ConferenceCallback;
import dev.lifeline.server.conference.ConferenceRecord;
import dev.lifeline.server.conference.LeaveReason;
import dev.lifeline.server.config.ServerConfig.ClusterSettings;
import dev.lifeline.server.observability.LifelineMetrics;
import dev.lifeline.server.taskrouter.TaskRouterEvent;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * How many map round trips a conference callback costs, counted through a wrapper around every map the engine opens:
 * a webhook thread should wait for one (the change itself), whatever the callback's kind, with a join's look-up of an
 * expected agent under way meanwhile; and none other is even started, since the record is its own redelivery check.
 */
class WebhookRoundTripsTest {

    /** Map operations that ask the partition thread and wait for its answer. */
    private static final Set<String> BLOCKING = Set.of("get", "getAll", "containsKey", "put", "set", "putIfAbsent",
            "remove", "delete", "executeOnKey", "executeOnKeys", "replace", "values", "keySet", "entrySet", "aggregate",
            "setTtl", "evict");

    private final TestHazelcastInstanceFactory factory = new TestHazelcastInstanceFactory();
    private final List<String> calls = Collections.synchronizedList(new ArrayList<>());
    private final List<ConferenceRecord> pushed = Collections.synchronizedList(new ArrayList<>());
    private final LifelineMetrics metrics = new LifelineMetrics();

    @AfterEach
    void stop() {
        factory.terminateAll();
    }

    @Test
    void eachKindOfCallbackWaitsForOneRoundTrip() {
        RecoveryEngine engine = engineOn(counting(factory.newHazelcastInstance(HazelcastMembers.config(
                new ClusterSettings("round-trips-" + UUID.randomUUID(), 5701, List.of("a"), 1)))));
        String conference = "CF" + "0".repeat(31) + "1";
        String customer = "CA" + "0".repeat(31) + "1";
        List<ConferenceCallback> callbacks = List.of(
                ConferenceCallback.join(conference, "WT1", customer, 1, "customer", false, false, false),
                ConferenceCallback.of(ConferenceCallback.Kind.PARTICIPANT_HOLD, conference, customer, 2),
                ConferenceCallback.of(ConferenceCallback.Kind.PARTICIPANT_UNHOLD, conference, customer, 3),
                ConferenceCallback.leave(conference, customer, 4, LeaveReason.PARTICIPANT_HUNG_UP));

        for (ConferenceCallback callback : callbacks) {
            calls.clear();
            engine.onConferenceCallback(callback);
            List<String> waited = calls.stream().filter(call -> BLOCKING.contains(call.substring(call.indexOf('.') + 1))).toList();
            System.out.printf("%s: waited for %s; all map calls %s%n", callback.kind().twilioName(), waited, List.copyOf(calls));
            assertThat(waited).as("round trips waited for on %s", callback.kind().twilioName())
                    .containsExactly(HazelcastMembers.CONFERENCES + ".executeOnKey");
            assertThat(calls).as("map calls of %s", callback.kind().twilioName()).noneMatch(call ->
                    call.startsWith(HazelcastMembers.SEEN_EVENTS + "."));
        }
        assertThat(pushed).as("every change reached the desktops once").hasSize(callbacks.size());
    }

    @Test
    void aRedeliveryOrALateOlderCallbackTellsNoDesktopAndChangesNothing() {
        RecoveryEngine engine = engineOn(counting(factory.newHazelcastInstance(HazelcastMembers.config(
                new ClusterSettings("redelivery-" + UUID.randomUUID(), 5701, List.of("a"), 1)))));
        String conference = "CF" + "0".repeat(31) + "2";
        String customer = "CA" + "0".repeat(31) + "2";
        ConferenceCallback join = ConferenceCallback.join(conference, "WT2", customer, 1, "customer", false, false, false);
        ConferenceCallback hold = ConferenceCallback.of(ConferenceCallback.Kind.PARTICIPANT_HOLD, conference, customer, 2);
        engine.onConferenceCallback(join);
        engine.onConferenceCallback(hold);
        ConferenceRecord afterFirst = engine.conference(conference).orElseThrow();
        pushed.clear();
        long skippedBefore = metrics.duplicatesSkipped("conference");

        engine.onConferenceCallback(hold);
        engine.onConferenceCallback(ConferenceCallback.of(ConferenceCallback.Kind.PARTICIPANT_UNHOLD, conference, customer, 1));

        assertThat(engine.conference(conference)).contains(afterFirst);
        assertThat(afterFirst.participant(customer).orElseThrow().hold()).isTrue();
        assertThat(pushed).as("a redelivery tells no desktop").isEmpty();
        assertThat(metrics.duplicatesSkipped("conference") - skippedBefore).as("both counted as skipped").isEqualTo(2);
    }


    private RecoveryEngine engineOn(HazelcastInstance member) {
        DesktopFeed desktops = new DesktopFeed() {
            @Override
            public void taskRouterEvent(TaskRouterEvent event) {
            }

            @Override
            public void conferenceChanged(ConferenceRecord conference) {
                pushed.add(conference);
            }
        };
        return new RecoveryEngine(new ConferenceStore(member), new IncidentStore(member), null, null,
                new SeenEvents(member), StoreRecords.POLICY, Clock.systemUTC(), metrics, null, desktops);
    }

    /** The member, every map of which counts its calls as {@code map.method}. */
    private HazelcastInstance counting(HazelcastInstance member) {
        return (HazelcastInstance) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {HazelcastInstance.class},
                (proxy, method, args) -> {
                    Object result = invoke(member, method, args);
                    if (method.getName().equals("getMap")) {
                        return countingMap((IMap<?, ?>) result);
                    }
                    return result;
                });
    }

    private IMap<?, ?> countingMap(IMap<?, ?> map) {
        return (IMap<?, ?>) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {IMap.class},
                (proxy, method, args) -> {
                    if (!method.getName().startsWith("getName") && !method.getName().equals("getLocalMapStats")) {
                        calls.add(map.getName() + "." + method.getName());
                    }
                    return invoke(map, method, args);
                });
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
