package dev.lifeline.server.routing;

import java.util.List;

/**
 * Routing as configuration (issue 19 item 3): the queues callers are routed to, by the workers' skill expressions, and
 * the voice workflow's steps, read from the versioned file named by {@code routing.file} ({@link RoutingFile}) and
 * applied by {@code provision} (and by every sim-mode start).
 *
 * <p>Priority aging and overflow are steps: a step's {@code timeout} moves a caller nobody took to the next step, whose
 * {@code priority} is higher (aging) and whose queue may be a backup queue (overflow). A requeued caller of a recovery
 * keeps its own (top) priority: each filter has a twin without priorities, placed before it, for tasks that carry
 * {@code lifelineIncident}.
 *
 * @param version the file's format version; only {@link #VERSION} is read
 */
public record RoutingPlan(int version, List<Queue> queues, List<Filter> filters) {

    public static final int VERSION = 1;

    public RoutingPlan {
        queues = List.copyOf(queues);
        filters = List.copyOf(filters);
    }

    /** No file: one {@code Everyone} queue, every caller to it (what Lifeline did before issue 19). */
    public static RoutingPlan none() {
        return new RoutingPlan(VERSION, List.of(), List.of());
    }

    public boolean isEmpty() {
        return queues.isEmpty() && filters.isEmpty();
    }

    /** A TaskQueue: found by its name, created with {@code targetWorkers} when missing (an existing one is kept as is). */
    public record Queue(String name, String targetWorkers) {
    }

    /**
     * A workflow filter: tasks matching {@code expression} (e.g. {@code skill == 'sales'}) go through {@code steps} in
     * order.
     */
    public record Filter(String name, String expression, List<Step> steps) {
        public Filter {
            steps = List.copyOf(steps);
        }
    }

    /**
     * One target: the queue (by name), the priority the task takes there (null = unchanged), how long it waits there
     * before the next step (null = until taken; only the last step may have none).
     */
    public record Step(String queue, Integer priority, Integer timeoutSeconds) {
    }
}
