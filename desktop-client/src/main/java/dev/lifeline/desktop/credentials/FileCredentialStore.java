package dev.lifeline.desktop.credentials;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Set;

/**
 * The fallback where no OS credential store answers (a Linux machine without a Secret Service, a headless server): a
 * file only this user may read and write (POSIX {@code 600}, made so before the secret is written into it, and
 * replaced atomically so no reader ever sees half of one).
 */
final class FileCredentialStore implements CredentialStore {

    static final String FILE_NAME = "saved-sign-in.json";
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private final Path file;

    FileCredentialStore(Path directory) {
        this.file = directory.resolve(FILE_NAME);
    }

    Path file() {
        return file;
    }

    @Override
    public Optional<SavedSignIn> load() throws CredentialStoreException {
        String stored;
        try {
            stored = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException nothingSaved) {
            return Optional.empty();
        } catch (IOException e) {
            throw new CredentialStoreException(file + " could not be read", e);
        }
        return SavedSignIn.decode(stored);
    }

    @Override
    public void save(SavedSignIn signIn) throws CredentialStoreException {
        try {
            Files.createDirectories(file.getParent());
            Path written = ownerOnlyFile(file.resolveSibling(FILE_NAME + ".tmp"));
            Files.writeString(written, signIn.encode(), StandardCharsets.UTF_8);
            try {
                Files.move(written, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(written, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new CredentialStoreException(file + " could not be written", e);
        }
    }

    @Override
    public void clear() throws CredentialStoreException {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new CredentialStoreException(file + " could not be deleted", e);
        }
    }

    @Override
    public String description() {
        return "file " + file + " (readable by you only)";
    }

    /** A new, empty file with owner-only access from its first moment. */
    private static Path ownerOnlyFile(Path path) throws IOException {
        Files.deleteIfExists(path);
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return Files.createFile(path, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        }
        Path created = Files.createFile(path);
        java.io.File asFile = created.toFile();
        // Elsewhere (Windows without a Credential Manager): the closest the JDK offers to owner-only.
        asFile.setReadable(false, false);
        asFile.setWritable(false, false);
        asFile.setReadable(true, true);
        asFile.setWritable(true, true);
        return created;
    }
}
