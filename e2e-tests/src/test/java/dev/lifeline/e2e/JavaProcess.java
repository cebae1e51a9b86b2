package dev.lifeline.e2e;

import dev.lifeline.e2e.testsupport.Await;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A server-side program in its own JVM on this test's classpath (the stand-alone twilio-sim, {@code lifeline-server run}
 * or {@code provision}), its stdout and stderr in files. {@link #kill()} is SIGKILL: no shutdown hook runs, no
 * goodbye to the Hazelcast cluster — what a crashed machine does.
 */
final class JavaProcess implements AutoCloseable {

    private final String name;
    private final Process process;
    private final Path out;
    private final Path err;

    private JavaProcess(String name, Process process, Path out, Path err) {
        this.name = name;
        this.process = process;
        this.out = out;
        this.err = err;
    }

    /** Starts {@code java -cp <this test's classpath> mainClass args} with {@code environment} (secrets stay out of ps). */
    static JavaProcess start(String name, Path logs, String mainClass, List<String> args, Map<String, String> environment) {
        try {
            Files.createDirectories(logs);
            Path out = logs.resolve(name + ".out.log");
            Path err = logs.resolve(name + ".err.log");
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", mainClass));
            command.addAll(args);
            ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
            builder.environment().keySet().removeIf(key -> key.startsWith("LIFELINE_") || key.startsWith("TWILIO_"));
            builder.environment().putAll(environment);
            return new JavaProcess(name, builder.start(), out, err);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + name, e);
        }
    }

    /** Waits for a line of its output matching {@code regex}; returns the match (its groups included). */
    Matcher awaitLine(String regex, Duration timeout) {
        Pattern pattern = Pattern.compile(regex);
        return Await.value(name + " printing /" + regex + "/", timeout, () -> {
            Optional<Matcher> found = output().lines().map(pattern::matcher).filter(Matcher::find).findFirst();
            if (found.isEmpty() && !process.isAlive()) {
                throw new AssertionError(name + " exited with " + process.exitValue() + " before printing /" + regex
                        + "/:\n" + output());
            }
            return found;
        });
    }

    /** Waits for the process to end by itself; returns its exit code. */
    int awaitExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError(name + " still running after " + timeout.toSeconds() + " s:\n" + output());
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted waiting for " + name);
        }
    }

    /** SIGKILL ({@link Process#destroyForcibly()} on Unix), then wait until the process is really gone. */
    void kill() {
        process.destroyForcibly();
        awaitExit(Duration.ofSeconds(30));
    }

    boolean isAlive() {
        return process.isAlive();
    }

    String name() {
        return name;
    }

    String output() {
        return ProcessOutput.read(out) + ProcessOutput.read(err);
    }

    String describe() {
        return ProcessOutput.describe(name, out, err);
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            kill();
        }
    }
}
