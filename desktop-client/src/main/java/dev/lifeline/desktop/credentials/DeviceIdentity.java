package dev.lifeline.desktop.credentials;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * This computer as the server knows it: an id made once and kept in the config folder (not a secret: the resume
 * credential is bound to it, so a copied credential alone is refused), and a name for the supervisor's list.
 */
public record DeviceIdentity(String id, String name) {

    static final String FILE_NAME = "device-id";
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9_-]{8,64}");

    /** The kept id, or a new one written now; a folder that cannot be written gives an id for this run only. */
    public static DeviceIdentity of(Path configDirectory) {
        Path file = configDirectory.resolve(FILE_NAME);
        String id = null;
        try {
            if (Files.isRegularFile(file)) {
                String kept = Files.readString(file, StandardCharsets.UTF_8).strip();
                id = VALID.matcher(kept).matches() ? kept : null;
            }
            if (id == null) {
                id = UUID.randomUUID().toString();
                Files.createDirectories(configDirectory);
                Files.writeString(file, id + "\n", StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            id = id != null ? id : UUID.randomUUID().toString();
        }
        return new DeviceIdentity(id, hostName());
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException | SecurityException e) {
            return null;
        }
    }
}
