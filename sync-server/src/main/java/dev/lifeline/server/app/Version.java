package dev.lifeline.server.app;

/** The Maven project version, stamped into the jar manifest at build time. */
public final class Version {

    private Version() {
    }

    public static String current() {
        String version = Version.class.getPackage().getImplementationVersion();
        return version == null ? "development" : version;
    }
}
