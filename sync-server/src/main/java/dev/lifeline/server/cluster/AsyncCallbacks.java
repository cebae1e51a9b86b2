package dev.lifeline.server.cluster;

import com.hazelcast.internal.util.ConcurrencyUtil;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Where Hazelcast runs what follows a map call's asynchronous answer ({@code getAsync}, {@code setAsync} and the
 * stages chained on them): a pool of this server's own, installed before a member starts.
 *
 * <p>Hazelcast's default is the JDK's common pool, or, when that pool has a parallelism below 2 (a machine with 2
 * cores or fewer: the common pool keeps one core free), a new thread for every single callback, as
 * {@code CompletableFuture} does. A conference callback then waited for two or three asynchronous answers, so on the
 * 2-core machine every webhook started about four threads: 60,000 thread starts in a 30 s run of
 * {@code bench/run.sh webhooks}, most of the server's system time. The callbacks are small (a deserialization, a
 * {@code thenApply}), so a pool of one thread per core serves them. Hazelcast's own internal calls already use
 * executors of their own (hazelcast#18190); only the answers to the public API's async calls come here.
 */
public final class AsyncCallbacks {

    private static final String THREAD_PREFIX = "hz-async-callback-";
    private static final ForkJoinPool POOL = new ForkJoinPool(Math.max(2, Runtime.getRuntime().availableProcessors()),
            new NamedThreads(), null, true);

    private AsyncCallbacks() {
    }

    /** Makes {@link #POOL} Hazelcast's default async executor for this JVM; calling it again changes nothing. */
    public static void install() {
        if (ConcurrencyUtil.getDefaultAsyncExecutor() != POOL) {
            ConcurrencyUtil.setDefaultAsyncExecutor(POOL);
        }
    }

    /** Whether a thread is one of this pool's (for tests and thread dumps). */
    public static boolean isCallbackThread(Thread thread) {
        return thread.getName().startsWith(THREAD_PREFIX);
    }

    private static final class NamedThreads implements ForkJoinPool.ForkJoinWorkerThreadFactory {

        private final AtomicInteger next = new AtomicInteger();

        @Override
        public ForkJoinWorkerThread newThread(ForkJoinPool pool) {
            ForkJoinWorkerThread thread = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(pool);
            thread.setName(THREAD_PREFIX + next.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }
    }
}
