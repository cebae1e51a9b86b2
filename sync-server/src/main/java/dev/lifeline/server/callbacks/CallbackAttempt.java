package dev.lifeline.server.callbacks;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/**
 * One try at reaching the customer: when it started, the call that was made (null until dialled) and how it ended
 * ({@code answered}, {@code busy}, {@code no-answer}, {@code failed}, {@code machine}; null while it runs).
 */
public record CallbackAttempt(int number, Instant startedAt, String callSid, String outcome) implements Serializable {

    public CallbackAttempt {
        Objects.requireNonNull(startedAt, "startedAt");
        if (number < 1) {
            throw new IllegalArgumentException("number: attempts count from 1, got " + number);
        }
    }

    public CallbackAttempt endedWith(String result) {
        return new CallbackAttempt(number, startedAt, callSid, result);
    }
}
