package dev.lifeline.server.config;

/** A configuration problem, phrased as the one line an operator needs: where, which key, what is wrong. */
public final class ConfigException extends RuntimeException {

    public ConfigException(String message) {
        super(message);
    }
}
