package dev.lifeline.desktop.app;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The desktop's version, stamped into {@code version.properties} by the build. */
public final class Version {

    private Version() {
    }

    public static String current() {
        try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
