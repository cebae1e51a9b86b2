package dev.lifeline.e2e;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/** On a failed test, prints every desktop process's stdout and stderr: the first place to look for why. */
final class PrintLogsOnFailure implements TestWatcher {

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        context.getTestInstance().filter(SimModeDesktopTest.class::isInstance).map(test -> ((SimModeDesktopTest) test).sim)
                .ifPresent(server -> System.out.println(server.describeDesktops()));
    }
}
