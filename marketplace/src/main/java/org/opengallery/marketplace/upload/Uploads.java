package org.opengallery.marketplace.upload;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.opengallery.marketplace.access.Role;
import org.opengallery.marketplace.web.ApiException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.web.multipart.MultipartFile;

/**
 * Accepts uploads that pass their {@link FileRule} — checked by content and size, so a renamed executable or an
 * oversized scan is refused with a message saying which limit it broke — and keeps them in the database (so every
 * marketplace node sharing it serves them). Capabilities keep the returned id; pages serve the bytes after their
 * own access check, or {@code /files/{id}} serves public ones (logos, product images).
 */
@Service
public class Uploads {

    private final JdbcClient jdbc;
    private final Clock clock;

    public Uploads(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Stores {@code file} when it passes {@code rule}; refuses an empty, oversized or wrong-typed file. */
    public StoredFile store(Role ownerRole, long ownerId, String purpose, FileRule rule, boolean publicFile,
            MultipartFile file) {
        if (file == null || file.isEmpty()) {
            throw ApiException.badRequest("upload_missing", purpose + ": choose a file to upload");
        }
        if (file.getSize() > rule.maxBytes()) {
            throw ApiException.badRequest("upload_too_large", purpose + ": the file is " + megabytes(file.getSize())
                    + " MB; at most " + megabytes(rule.maxBytes()) + " MB is accepted");
        }
        byte[] bytes;
        try (InputStream in = file.getInputStream()) {
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw ApiException.badRequest("upload_unreadable", purpose + ": the upload could not be read; try again");
        }
        return store(ownerRole, ownerId, purpose, rule, publicFile, file.getOriginalFilename(), bytes);
    }

    /** Stores these bytes when they pass {@code rule} (the type is sniffed from the content). */
    public StoredFile store(Role ownerRole, long ownerId, String purpose, FileRule rule, boolean publicFile,
            String fileName, byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            throw ApiException.badRequest("upload_missing", purpose + ": choose a file to upload");
        }
        if (bytes.length > rule.maxBytes()) {
            throw ApiException.badRequest("upload_too_large", purpose + ": the file is " + megabytes(bytes.length)
                    + " MB; at most " + megabytes(rule.maxBytes()) + " MB is accepted");
        }
        FileRule.FileType type = FileRule.FileType.sniff(bytes);
        if (type == null || !rule.types().contains(type)) {
            throw ApiException.badRequest("upload_wrong_type", purpose + ": the file's content is not "
                    + String.join(" or ", rule.types().stream().map(Enum::name).sorted().toList()));
        }
        String name = safeName(fileName, type);
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO upload (owner_role, owner_id, purpose, file_name, content_type, size_bytes, content,
                                    public_file, created_at)
                VALUES (:role, :owner, :purpose, :name, :type, :size, :content, :public, :now)""")
                .param("role", ownerRole.name()).param("owner", ownerId).param("purpose", purpose)
                .param("name", name).param("type", type.contentType()).param("size", (long) bytes.length)
                .param("content", bytes).param("public", publicFile)
                .param("now", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                .update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        return new StoredFile(id, ownerRole, ownerId, purpose, name, type.contentType(), bytes.length, publicFile);
    }

    public Optional<StoredFile> file(long id) {
        return jdbc.sql("""
                SELECT id, owner_role, owner_id, purpose, file_name, content_type, size_bytes, public_file
                FROM upload WHERE id = :id""")
                .param("id", id)
                .query((rs, n) -> new StoredFile(rs.getLong(1), Role.valueOf(rs.getString(2)), rs.getLong(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getLong(7), rs.getBoolean(8)))
                .optional();
    }

    public byte[] content(long id) {
        return jdbc.sql("SELECT content FROM upload WHERE id = :id").param("id", id)
                .query((rs, n) -> rs.getBytes(1)).optional()
                .orElseThrow(() -> ApiException.notFound("file", Long.toString(id)));
    }

    private static String megabytes(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.1f", bytes / (1024.0 * 1024.0));
    }

    /** The name kept for display: no path, no control characters, at most 255 characters, never empty. */
    private static String safeName(String fileName, FileRule.FileType type) {
        String name = fileName == null ? "" : fileName.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}\"]", "").strip();
        if (name.isEmpty()) {
            name = "upload." + type.name().toLowerCase(java.util.Locale.ROOT);
        }
        return name.length() > 255 ? name.substring(name.length() - 255) : name;
    }
}
