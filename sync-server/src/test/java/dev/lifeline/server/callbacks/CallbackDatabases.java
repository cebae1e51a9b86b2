package dev.lifeline.server.callbacks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The two databases every callbacks test runs on: H2's file database (the default) and a real PostgreSQL server. */
enum CallbackDatabases {
    H2_FILE {
        @Override
        Handle open() {
            try {
                Path directory = Files.createTempDirectory("lifeline-h2-");
                return new Handle(() -> CallbackDatabase.h2File(directory.resolve("callbacks")), () -> PostgresServer.deleteTree(directory));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    },
    POSTGRESQL {
        @Override
        Handle open() {
            PostgresServer server = PostgresServer.start();
            return new Handle(() -> new CallbackDatabase(server.jdbcUrl(), server.user(), ""), server::close);
        }
    };

    /** A fresh, empty database of this kind. */
    abstract Handle open();

    /** A database for one test: {@link #connect()} as often as members start; {@link #close()} removes it. */
    record Handle(java.util.function.Supplier<CallbackDatabase> connector, Runnable remover) implements AutoCloseable {

        /** A new connection to the same database, as a member starting on it makes; migrated. */
        CallbackDatabase connect() {
            return connector.get().migrate();
        }

        @Override
        public void close() {
            remover.run();
        }
    }
}
