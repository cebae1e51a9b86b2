package dev.lifeline.server.config;

/**
 * The supervisor panel's queue figures (issue 19).
 *
 * @param serviceLevelSeconds a caller answered within this many seconds of entering the queue counts towards the
 *                            service level ({@code supervisor.service-level-seconds}, 20 by default: the usual 80/20
 *                            target's 20)
 */
public record SupervisorConfig(int serviceLevelSeconds) {

    public static final int DEFAULT_SERVICE_LEVEL_SECONDS = 20;

    static SupervisorConfig from(ConfigSource source) {
        return new SupervisorConfig(source.integer("supervisor.service-level-seconds", DEFAULT_SERVICE_LEVEL_SECONDS, 1, 3600));
    }
}
