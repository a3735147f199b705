package io.directiverules.core;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The text of one DRL file and where it came from.
 *
 * @param path where the file is, as diagnostics name it (a classpath resource or a file path as given)
 * @param content the DRL text
 */
public record RuleSource(String path, String content) {

    /** Requires both parts. */
    public RuleSource {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(content, "content");
    }

    /** The file name without folders: a bundled file is replaced by an analyst's file of the same name. */
    public String fileName() {
        int slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
        return path.substring(slash + 1);
    }

    /** Reads a classpath resource of {@code owner}'s class loader. */
    public static RuleSource classpath(Class<?> owner, String resource) {
        try (InputStream in = owner.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("rule resource not found: " + resource);
            }
            return new RuleSource(resource, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    /** Reads a file; diagnostics name it by {@code file} as given. */
    public static RuleSource file(Path file) {
        try {
            return new RuleSource(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
