package dev.lifeline.server.cluster;

import com.hazelcast.config.JavaSerializationFilterConfig;

/**
 * The classes a member agrees to rebuild from Java serialization. The maps hold Java-serialized records
 * (incidents, conferences, their entry processors and results), so without a list any member-protocol peer could
 * send a gadget chain from any class on the classpath. Hazelcast's own default list allows every {@code java*}
 * class; this one allows Lifeline's packages, Hazelcast's own classes, and only the JDK packages the records are
 * made of (strings, boxed numbers and enums, immutable and plain collections, {@code java.time}, {@code java.math}).
 */
public final class MemberSerializationFilter {

    private MemberSerializationFilter() {
    }

    public static JavaSerializationFilterConfig allowList() {
        JavaSerializationFilterConfig filter = new JavaSerializationFilterConfig().setDefaultsDisabled(true);
        filter.getWhitelist()
                // "[": arrays (immutable collections' element arrays, an exception's stack trace); an array is
                // never more than its elements, and each element's class is checked against this list on its own.
                .addPrefixes("dev.lifeline.", "com.hazelcast.", "[")
                // Exact packages, not prefixes: java.lang.reflect, java.lang.invoke and java.util.concurrent stay out.
                .addPackages("java.lang", "java.util", "java.time", "java.math");
        return filter;
    }
}
