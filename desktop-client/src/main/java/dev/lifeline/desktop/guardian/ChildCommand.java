package dev.lifeline.desktop.guardian;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The command that starts this same program again, as the guardian's child. */
final class ChildCommand {

    /** Out of memory must end the desktop (exit 3) so the guardian can start a fresh one, not leave a frozen window. */
    static final String EXIT_ON_OOM = "-XX:+ExitOnOutOfMemoryError";

    private ChildCommand() {
    }

    /**
     * Started with {@code java}: the same JVM options, class path and main class. Started by a jpackage launcher
     * (the process's command is the launcher itself, which reads its own JVM options from its .cfg file): the
     * launcher again.
     */
    static List<String> forThisProgram(String mainClass, List<String> desktopArgs) {
        String command = ProcessHandle.current().info().command()
                .orElseThrow(() -> new IllegalStateException("the operating system does not tell this process's command"));
        List<String> line = new ArrayList<>();
        line.add(command);
        if (isJava(command)) {
            List<String> jvmOptions = ManagementFactory.getRuntimeMXBean().getInputArguments();
            line.addAll(jvmOptions);
            if (!jvmOptions.contains(EXIT_ON_OOM)) {
                line.add(EXIT_ON_OOM);
            }
            line.add("-cp");
            line.add(System.getProperty("java.class.path"));
            line.add(mainClass);
        }
        line.addAll(desktopArgs);
        return line;
    }

    /**
     * A jpackage launcher marks the JVM it starts with {@code _JPACKAGE_LAUNCHER…} in the environment; a launcher
     * that finds the mark believes it is its own second stage and hands its arguments to the JVM as JVM options
     * ("Unrecognized option: --server"). The guardian's child is a first start, so the mark must not reach it.
     */
    static ProcessBuilder withoutLauncherState(ProcessBuilder builder) {
        builder.environment().keySet().removeIf(name -> name.startsWith(JPACKAGE_LAUNCHER_MARK));
        return builder;
    }

    static final String JPACKAGE_LAUNCHER_MARK = "_JPACKAGE_";

    static boolean isJava(String command) {
        String name = Path.of(command).getFileName().toString();
        return name.equals("java") || name.equals("java.exe") || name.equals("javaw.exe");
    }
}
