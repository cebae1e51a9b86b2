package dev.lifeline.e2e;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/** On a failed test, prints every process's stdout and stderr (desktops, servers): the first place to look for why. */
final class PrintLogsOnFailure implements TestWatcher {

    /** A test whose processes' output is worth reading when it fails. */
    interface ProcessLogs {
        String describeProcesses();
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        context.getTestInstance().filter(ProcessLogs.class::isInstance).map(test -> ((ProcessLogs) test).describeProcesses())
                .ifPresent(System.out::println);
    }
}
