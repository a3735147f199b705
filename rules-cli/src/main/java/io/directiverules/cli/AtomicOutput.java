package io.directiverules.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a file whole or not at all: the text goes to a temporary file beside the target, which then
 * replaces the target in one move. A reader never sees a half-written file.
 */
final class AtomicOutput {
    private AtomicOutput() {
    }

    /**
     * A temporary file is private (rw-------); the report should read like any file the user writes: the
     * replaced file's permissions, or rw-r--r--.
     */
    private static void keepUsualPermissions(Path temporary, Path target) throws IOException {
        if (!Files.getFileStore(temporary).supportsFileAttributeView("posix")) {
            return;
        }
        java.util.Set<java.nio.file.attribute.PosixFilePermission> permissions = Files.exists(target)
                ? Files.getPosixFilePermissions(target)
                : java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--");
        Files.setPosixFilePermissions(temporary, permissions);
    }

    /** Writes {@code text} (UTF-8) to {@code target}, whole or not at all. */
    static void write(Path target, String text) throws IOException {
        write(target, temporary -> Files.writeString(temporary, text, StandardCharsets.UTF_8));
    }

    /** What fills the temporary file; it may stream a file of any size. */
    @FunctionalInterface
    interface Content {
        /** Writes the whole content to {@code file}. */
        void writeTo(Path file) throws IOException;
    }

    /** Has {@code content} write a temporary file beside {@code target}, which then replaces the target. */
    static void write(Path target, Content content) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path folder = absolute.getParent();
        Files.createDirectories(folder);
        Path temporary = Files.createTempFile(folder, "." + absolute.getFileName(), ".tmp");
        try {
            content.writeTo(temporary);
            keepUsualPermissions(temporary, absolute);
            try {
                Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
