package dev.lifeline.desktop.softphone.interop;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** A fresh {@link InteropRig} (kamailio started) around each test, stopped with everything it started. */
abstract class InteropTest {

    @TempDir
    Path dir;

    InteropRig rig;

    @BeforeEach
    void startRig() throws IOException {
        rig = new InteropRig(dir);
    }

    @AfterEach
    void stopRig() {
        rig.close();
    }
}
