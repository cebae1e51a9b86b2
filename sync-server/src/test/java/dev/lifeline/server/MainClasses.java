package dev.lifeline.server;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import dev.lifeline.server.app.LifelineServer;
import java.net.URISyntaxException;
import java.nio.file.Path;

/**
 * The module's production classes, imported from wherever they were compiled. ArchUnit's own "no tests" option
 * recognises test classes by a {@code target/test-classes} path, which a build with {@code -Dbuild.dir} does not
 * have, so the output folder is located from a known production class instead.
 */
final class MainClasses {

    private static JavaClasses imported;

    private MainClasses() {
    }

    static synchronized JavaClasses imported() {
        if (imported == null) {
            try {
                Path output = Path.of(LifelineServer.class.getProtectionDomain().getCodeSource().getLocation().toURI());
                imported = new ClassFileImporter().importPath(output);
            } catch (URISyntaxException e) {
                throw new IllegalStateException("cannot locate the compiled server classes", e);
            }
        }
        return imported;
    }
}
