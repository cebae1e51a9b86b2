package dev.lifeline.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** A child process's stdout and stderr files, read while it runs and printed when a test fails. */
final class ProcessOutput {

    private ProcessOutput() {
    }

    static String describe(String name, Path out, Path err) {
        return "----- " + name + " stdout (" + out + ") -----\n" + read(out)
                + "----- " + name + " stderr (" + err + ") -----\n" + read(err);
    }

    static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "(unreadable: " + e + ")\n";
        }
    }
}
