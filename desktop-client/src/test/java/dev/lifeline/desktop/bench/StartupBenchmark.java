package dev.lifeline.desktop.bench;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How long the desktop takes from launch to its first rendered frame, with and without an AppCDS archive (issue
 * 14 item 3), measured on real JVMs: {@code Launcher --exit-after-first-frame} under headless JavaFX, spawn to exit.
 * The archive is made once by a training run ({@code -XX:ArchiveClassesAtExit}); rounds alternate the two modes so
 * a busy machine slows both alike. Prints figures, asserts nothing; run by {@code bench/run.sh desktop}.
 */
@Tag("bench")
class StartupBenchmark {

    private static final int ROUNDS = Integer.getInteger("bench.rounds", 10);

    @TempDir
    Path dir;

    private String classPath;

    @Test
    void launchToFirstFrameWithAndWithoutAppCds() throws Exception {
        classPath = jarsOnly(System.getProperty("java.class.path"));
        Path archive = dir.resolve("desktop.jsa");
        long training = run("-XX:ArchiveClassesAtExit=" + archive);
        if (!Files.isRegularFile(archive)) {
            throw new IllegalStateException("the training run made no archive at " + archive);
        }
        List<Long> plain = new ArrayList<>();
        List<Long> appCds = new ArrayList<>();
        run();
        run("-XX:SharedArchiveFile=" + archive);
        for (int round = 0; round < ROUNDS; round++) {
            plain.add(run());
            appCds.add(run("-XX:SharedArchiveFile=" + archive, "-Xshare:on"));
        }
        System.out.println("== desktop launch to first frame (" + ROUNDS + " rounds each, alternating; training run "
                + training + " ms, archive " + Files.size(archive) / 1024 + " KiB)");
        System.out.println("desktop_first_frame_plain_ms p50=" + percentile(plain, 50) + " p90=" + percentile(plain, 90));
        System.out.println("desktop_first_frame_appcds_ms p50=" + percentile(appCds, 50) + " p90=" + percentile(appCds, 90));
        System.out.printf("desktop_first_frame_appcds_over_plain p50=%.2f p90=%.2f%n",
                (double) percentile(appCds, 50) / percentile(plain, 50),
                (double) percentile(appCds, 90) / percentile(plain, 90));
    }

    /** Milliseconds from spawning {@code Launcher --exit-after-first-frame} to its exit 0. */
    private long run(String... jvmOptions) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(jvmOptions));
        command.addAll(List.of("-cp", classPath,
                "-Dglass.platform=Monocle", "-Dmonocle.platform=Headless", "-Dprism.order=sw",
                "dev.lifeline.desktop.app.Launcher", "--exit-after-first-frame"));
        Path log = dir.resolve("run.log");
        long started = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("the desktop did not reach its first frame in 120 s");
        }
        long elapsed = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        if (process.exitValue() != 0) {
            throw new IllegalStateException("exit " + process.exitValue() + ": " + Files.readString(log));
        }
        return elapsed;
    }

    /**
     * The class path as a packaged desktop has it: jars only (CDS refuses class directories), the module's and
     * shared-model's classes jarred here; the test classes stay out.
     */
    private String jarsOnly(String testClassPath) throws IOException {
        List<String> jars = new ArrayList<>();
        for (String entry : testClassPath.split(File.pathSeparator)) {
            Path path = Path.of(entry);
            if (!Files.isDirectory(path)) {
                jars.add(entry);
            } else if (!path.getFileName().toString().equals("test-classes")) {
                jars.add(jar(path, dir.resolve("classes-" + jars.size() + ".jar")).toString());
            }
        }
        return String.join(File.pathSeparator, jars);
    }

    private static Path jar(Path classes, Path jar) throws IOException {
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
             Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(file).toString().replace(File.separatorChar, '/')));
                Files.copy(file, out);
                out.closeEntry();
            }
        }
        return jar;
    }

    private static long percentile(List<Long> values, int percent) {
        List<Long> sorted = values.stream().sorted().toList();
        int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
    }
}
