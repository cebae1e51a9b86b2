package dev.lifeline.server.softphone;

import dev.lifeline.server.config.ConfigException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agents' SIP passwords as the server keeps them (twilio mode): strong random passwords (24 letters and digits from
 * {@link SecureRandom}, about 140 bits) in one owner-only ({@code rw-------}) file, {@code identity:password} a line.
 *
 * <p>Why a file of its own and not the users file: the users file holds only salted hashes, is written by people
 * ({@code hash-password >> users}) and may be shared more widely; a SIP password must be kept in clear text (Twilio's
 * digest needs the desktop to have it, and the server hands it over at sign-in), so it lives where only the server's
 * account can read it, rewritten only by {@code provision} and {@code rotate-sip-password}. Why not Hazelcast: its
 * member port has neither authentication nor encryption. Every member of a cluster needs the same file, as it needs the
 * same users file and token secret.
 *
 * <p>The file is read again whenever it changes on disk, so a password rotated by the command is the one the running
 * server hands out next ({@code GET /api/me/softphone}). Writes replace the file atomically.
 */
public final class SipPasswordFile implements SipPasswordSource {

    private static final Logger log = LoggerFactory.getLogger(SipPasswordFile.class);
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final String HEADER = "# Lifeline agents' SIP passwords (identity:password). Written by 'lifeline-server "
            + "provision' and 'rotate-sip-password'; keep it readable by the server's account only.\n";

    private final Path file;
    private final SecureRandom random = new SecureRandom();
    private Map<String, String> passwords = Map.of();
    private Object loadedVersion;

    public SipPasswordFile(Path file) {
        this.file = Objects.requireNonNull(file);
    }

    public Path file() {
        return file;
    }

    @Override
    public synchronized Optional<String> keptPasswordOf(String domainName, String identity) {
        return Optional.ofNullable(current().get(identity));
    }

    @Override
    public synchronized String passwordOf(String domainName, String identity) {
        String kept = current().get(identity);
        return kept != null ? kept : rotate(identity);
    }

    /** A new random password for {@code identity}, kept in the file from now on; @return it */
    public synchronized String rotate(String identity) {
        return keep(identity, newPassword());
    }

    /** A new random password, not kept: the rotation sets it at Twilio first and keeps it once Twilio took it. */
    public String newPassword() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return SipPasswords.spell(bytes);
    }

    /** Keeps {@code password} for {@code identity}, replacing the file atomically; @return the password */
    public synchronized String keep(String identity, String password) {
        Map<String, String> next = new TreeMap<>(current());
        next.put(identity, password);
        write(next);
        passwords = Map.copyOf(next);
        loadedVersion = versionOnDisk();
        return password;
    }

    private Map<String, String> current() {
        Object version = versionOnDisk();
        if (version == null) {
            passwords = Map.of();
            loadedVersion = null;
        } else if (!version.equals(loadedVersion)) {
            passwords = read();
            loadedVersion = version;
        }
        return passwords;
    }

    /** What tells a rewritten file from the one read: a new file (atomic replace) has a new key, an edit a new time. */
    private Object versionOnDisk() {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            return java.util.List.of(String.valueOf(attributes.fileKey()), attributes.lastModifiedTime(), attributes.size());
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw new ConfigException("sip.passwords-file: cannot read " + file + ": " + e.getMessage());
        }
    }

    private Map<String, String> read() {
        warnIfOthersCanRead();
        Map<String, String> read = new TreeMap<>();
        try {
            int number = 0;
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                number++;
                String text = line.strip();
                if (text.isEmpty() || text.startsWith("#")) {
                    continue;
                }
                int colon = text.indexOf(':');
                if (colon <= 0 || colon == text.length() - 1) {
                    // The line number only: the line may hold a password.
                    throw new ConfigException("sip.passwords-file: " + file + ":" + number + " is not identity:password");
                }
                read.put(text.substring(0, colon), text.substring(colon + 1));
            }
        } catch (IOException e) {
            throw new ConfigException("sip.passwords-file: cannot read " + file + ": " + e.getMessage());
        }
        return Map.copyOf(read);
    }

    private void warnIfOthersCanRead() {
        if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return;
        }
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
            if (!OWNER_ONLY.containsAll(permissions)) {
                log.warn("{} can be read by others ({}): it holds the agents' SIP passwords; chmod 600 it", file,
                        PosixFilePermissions.toString(permissions));
            }
        } catch (IOException e) {
            log.debug("cannot read the permissions of {}", file, e);
        }
    }

    private void write(Map<String, String> entries) {
        StringBuilder text = new StringBuilder(HEADER);
        entries.forEach((identity, password) -> text.append(identity).append(':').append(password).append('\n'));
        try {
            Path directory = file.toAbsolutePath().getParent();
            Files.createDirectories(directory);
            Path temporary = Files.createTempFile(directory, ".sip-passwords", ".tmp");
            try {
                if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                    Files.setPosixFilePermissions(temporary, OWNER_ONLY);
                }
                Files.writeString(temporary, text, StandardCharsets.UTF_8);
                try {
                    Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            // One line for the operator: most often the command ran as another user than the server's.
            throw new ConfigException("sip.passwords-file: cannot write " + file + " (" + e.getMessage() + "); run "
                    + "provision and rotate-sip-password as the server's user");
        }
    }

    @Override
    public String toString() {
        return "SipPasswordFile[" + file + "]";
    }
}
