package dev.lifeline.desktop.softphone.interop;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The independent SIP software the interop tests run (sip.md §4). CI installs the Debian packages in
 * {@code .ci/run}; a machine without them fails the test with the command that fixes it, never skips it.
 */
final class Binaries {

    private Binaries() {
    }

    static String require(String name, String debianPackage) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        for (String dir : new String[] {"/usr/sbin", "/usr/bin", "/sbin"}) {
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        throw new AssertionError(name + " is not installed; the SIP interop tests need it: apt-get install "
                + debianPackage + " (CI's .ci/run installs it)");
    }
}
