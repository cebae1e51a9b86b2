package dev.lifeline.server.hostile;

import net.jqwik.api.lifecycle.LifecycleContext;
import net.jqwik.api.lifecycle.SkipExecutionHook;

/**
 * Skips a property unless {@code -Dhostile.long=true}: the many-tries variants are for nightly or manual runs
 * ({@code mvn ... -Dhostile.long=true}), CI runs the small variant with a fixed seed.
 */
public final class LongRunOnly implements SkipExecutionHook {

    public static final String PROPERTY = "hostile.long";

    @Override
    public SkipResult shouldBeSkipped(LifecycleContext context) {
        return Boolean.getBoolean(PROPERTY) ? SkipResult.doNotSkip()
                : SkipResult.skip("long run: set -D" + PROPERTY + "=true");
    }
}
