package org.opengallery.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** A request or response body given inline or as a file; a file's bytes are used exactly as stored. */
final class BodyInput {

    @Option(names = "--body", paramLabel = "TEXT", description = "The body, as UTF-8 text.")
    String text;

    @Option(names = "--body-file", paramLabel = "FILE", description = "A file holding the exact body bytes.")
    Path file;

    byte[] bytes() {
        if (text != null) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read body file " + file + ": " + e.getMessage(), e);
        }
    }

    /** The body's bytes, or none when no body option was given. */
    static byte[] bytesOrEmpty(BodyInput body) {
        return body == null ? new byte[0] : body.bytes();
    }
}
