package org.opengallery.marketplace.secrets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Secrets at rest: AES-256-GCM under the marketplace's master key ({@code opengallery.marketplace.master-key},
 * base64). Without one configured, a key is generated on first use and kept in {@code <data-dir>/master.key} next
 * to the embedded database, so restarts can still read what was sealed. The key is loaded lazily: an application
 * that never seals anything never creates the file. Sealed form: base64(iv || ciphertext+tag).
 */
@Component
public class SealedSecrets {

    private static final Logger log = LoggerFactory.getLogger(SealedSecrets.class);
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecureRandom random = new SecureRandom();
    /** Cipher.getInstance looks the provider up every time: one AES/GCM instance per thread, re-initialised per use. */
    private static final ThreadLocal<Cipher> CIPHER = ThreadLocal.withInitial(() -> {
        try {
            return Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("no AES/GCM: " + e.getClass().getSimpleName());
        }
    });
    private final String configuredKey;
    private final Path dataDir;
    private volatile SecretKeySpec key;

    public SealedSecrets(@Value("${opengallery.marketplace.master-key:}") String configuredKey,
            @Value("${opengallery.marketplace.data-dir:./data}") String dataDir) {
        this.configuredKey = configuredKey;
        this.dataDir = Path.of(dataDir);
    }

    public String seal(String plain) {
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = CIPHER.get();
            cipher.init(Cipher.ENCRYPT_MODE, key(), new GCMParameterSpec(TAG_BITS, iv));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[iv.length + sealed.length];
            System.arraycopy(iv, 0, out, 0, iv.length);
            System.arraycopy(sealed, 0, out, iv.length, sealed.length);
            return Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot seal a secret: " + e.getClass().getSimpleName());
        }
    }

    public String unseal(String sealed) {
        try {
            byte[] in = Base64.getDecoder().decode(sealed);
            Cipher cipher = CIPHER.get();
            cipher.init(Cipher.DECRYPT_MODE, key(), new GCMParameterSpec(TAG_BITS, in, 0, IV_BYTES));
            return new String(cipher.doFinal(in, IV_BYTES, in.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            // never the secret nor the key in the message: only that this master key cannot open it
            throw new IllegalStateException("a sealed secret cannot be opened with this master key ("
                    + e.getClass().getSimpleName() + ")");
        }
    }

    private SecretKeySpec key() {
        SecretKeySpec k = key;
        if (k == null) {
            synchronized (this) {
                if (key == null) {
                    key = new SecretKeySpec(loadOrGenerate(), "AES");
                }
                k = key;
            }
        }
        return k;
    }

    private byte[] loadOrGenerate() {
        if (configuredKey != null && !configuredKey.isBlank()) {
            return checked(decode(configuredKey.trim(), "opengallery.marketplace.master-key"), "opengallery.marketplace.master-key");
        }
        Path file = dataDir.resolve("master.key");
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(dataDir);
                byte[] fresh = new byte[32];
                random.nextBytes(fresh);
                try {
                    Files.writeString(file, Base64.getEncoder().encodeToString(fresh), StandardOpenOption.CREATE_NEW);
                    restrict(file);
                    log.info("generated a new master key in {} (keep it: sealed secrets need it)", file.toAbsolutePath());
                } catch (FileAlreadyExistsException anotherNodeWroteIt) {
                    // read the one that won below
                }
            }
            return checked(decode(Files.readString(file).trim(), file.toString()), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the master key file " + file, e);
        }
    }

    private static byte[] decode(String base64, String source) {
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("the master key in " + source + " is not base64");
        }
    }

    private static byte[] checked(byte[] raw, String source) {
        if (raw.length != 16 && raw.length != 24 && raw.length != 32) {
            throw new IllegalStateException("the master key in " + source + " must be 16, 24 or 32 bytes, got " + raw.length);
        }
        return raw;
    }

    private static void restrict(Path file) {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException | IOException notPosix) {
            // best effort on non-POSIX file systems
        }
    }
}
