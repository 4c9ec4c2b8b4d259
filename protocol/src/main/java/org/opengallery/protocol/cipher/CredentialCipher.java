package org.opengallery.protocol.cipher;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.BadPaddingException;
import javax.crypto.Cipher;
import javax.crypto.IllegalBlockSizeException;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.opengallery.protocol.cipher.CredentialCipherException.Reason;

/**
 * KooGallery V1's AES cipher for credentials: the {@code userName}/{@code password} a seller returns and the
 * {@code mobilePhone}/{@code email} KooGallery sends. An encrypted value is a 16-character IV of letters and
 * digits followed by the Base64 of the AES/CBC/PKCS5Padding ciphertext of the UTF-8 text, with the IV's 16 bytes
 * as the CBC IV.
 *
 * <p>The key is not the seller key's bytes: it is what the JDK's {@code KeyGenerator("AES")} produces from a
 * {@code SHA1PRNG} seeded with the UTF-8 seller key, i.e. the first 32 (AES-256) or 16 (AES-128) bytes of that
 * generator's stream ({@link Sha1Prng}). Deriving it explicitly keeps the result identical on every JVM. The
 * instance holds only those derived bytes, is immutable and thread-safe.
 *
 * <p>{@link #encrypt(String)} has no length limit; {@link #encryptCredential(String)} also enforces the
 * 128-character limit of KooGallery's {@code userName}/{@code password} fields, which in practice allows at most
 * {@value #MAX_CREDENTIAL_PLAINTEXT_BYTES} bytes of UTF-8 plaintext.
 */
public final class CredentialCipher {

    /** Characters in the IV prefix. */
    public static final int IV_LENGTH = 16;

    /** Longest encrypted value KooGallery's {@code userName}/{@code password} fields accept. */
    public static final int CREDENTIAL_FIELD_LIMIT = 128;

    /**
     * Longest UTF-8 plaintext whose encryption fits {@link #CREDENTIAL_FIELD_LIMIT}: 79 bytes pad to 5 blocks (80
     * bytes, 108 Base64 characters, 124 in all); 80 bytes pad to 6 blocks and 144 characters.
     */
    public static final int MAX_CREDENTIAL_PLAINTEXT_BYTES = 79;

    private static final String TRANSFORMATION = "AES/CBC/PKCS5Padding";
    private static final int BLOCK_SIZE = 16;
    private static final char[] IV_ALPHABET =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
    private static final SecureRandom IV_RANDOM = new SecureRandom();

    private final EncryptType type;
    private final byte[] key;

    private CredentialCipher(EncryptType type, byte[] key) {
        this.type = type;
        this.key = key;
    }

    /**
     * A cipher for the seller key shown in KooGallery's seller console and the product's encryptType.
     *
     * @throws CredentialCipherException with {@link Reason#BLANK_KEY} if the key is null, empty or whitespace
     */
    public static CredentialCipher forSellerKey(String sellerKey, EncryptType type) {
        Objects.requireNonNull(type, "type");
        return new CredentialCipher(type, deriveKey(sellerKey, type));
    }

    /** The AES key KooGallery's sample code derives; package-private so tests can compare it with the JDK's. */
    static byte[] deriveKey(String sellerKey, EncryptType type) {
        if (sellerKey == null || sellerKey.isBlank()) {
            throw new CredentialCipherException(Reason.BLANK_KEY, "the seller key is "
                    + (sellerKey == null ? "missing" : "blank") + "; the credential cipher needs the seller's Key");
        }
        // getBytes, not a strict encoder: the sample seeds with String.getBytes("UTF-8"), so must we.
        Sha1Prng prng = new Sha1Prng(sellerKey.getBytes(StandardCharsets.UTF_8));
        try {
            return prng.nextBytes(type.keySizeBits() / 8);
        } finally {
            prng.erase();
        }
    }

    public EncryptType type() {
        return type;
    }

    /**
     * Encrypts with a fresh random IV. No length limit: use {@link #encryptCredential(String)} for values bound
     * for {@code userName}/{@code password}.
     *
     * @throws CredentialCipherException with {@link Reason#NOT_UTF8} if the text has an unpaired surrogate
     */
    public String encrypt(String plaintext) {
        return encrypt(plaintext, randomIv());
    }

    /**
     * Encrypts with the given IV, for reproducible output (tests, the CLI's {@code --iv}). Reusing an IV with the
     * same key reveals when two plaintexts share a prefix, so production code should use {@link #encrypt(String)}.
     *
     * @throws CredentialCipherException with {@link Reason#BAD_IV} unless the IV is exactly 16 letters or digits,
     *     or {@link Reason#NOT_UTF8} if the text has an unpaired surrogate
     */
    public String encrypt(String plaintext, String iv) {
        Objects.requireNonNull(plaintext, "plaintext");
        requireValidIv(iv);
        byte[] data = encodeUtf8(plaintext);
        try {
            byte[] ciphertext = cipher(Cipher.ENCRYPT_MODE, iv).doFinal(data);
            return iv + Base64.getEncoder().encodeToString(ciphertext);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/CBC/PKCS5Padding failed to encrypt", e);
        } finally {
            Arrays.fill(data, (byte) 0);
        }
    }

    /**
     * Encrypts a {@code userName} or {@code password} with a fresh random IV and checks it fits the field.
     *
     * @throws CredentialCipherException with {@link Reason#TOO_LONG} if the result exceeds
     *     {@value #CREDENTIAL_FIELD_LIMIT} characters
     */
    public String encryptCredential(String plaintext) {
        return requireFitsCredentialField(encrypt(plaintext));
    }

    /** {@link #encryptCredential(String)} with the given IV; see {@link #encrypt(String, String)}. */
    public String encryptCredential(String plaintext, String iv) {
        return requireFitsCredentialField(encrypt(plaintext, iv));
    }

    /**
     * Returns the value if it fits KooGallery's 128-character {@code userName}/{@code password} field. A longer
     * value is accepted by the platform but leaves the buyer's order page at "开通中" (provisioning) forever.
     *
     * @throws CredentialCipherException with {@link Reason#TOO_LONG} otherwise
     */
    public static String requireFitsCredentialField(String encrypted) {
        Objects.requireNonNull(encrypted, "encrypted");
        if (encrypted.length() > CREDENTIAL_FIELD_LIMIT) {
            throw new CredentialCipherException(Reason.TOO_LONG, "the encrypted credential is "
                    + encrypted.length() + " characters, over KooGallery's limit of " + CREDENTIAL_FIELD_LIMIT
                    + " (the plaintext may be at most " + MAX_CREDENTIAL_PLAINTEXT_BYTES + " bytes of UTF-8)");
        }
        return encrypted;
    }

    /**
     * Decrypts a value: the first 16 characters are the IV, the rest is Base64 ciphertext. Spaces in the
     * ciphertext part are read as {@code +}: Base64 has no space, so a space there can only be a {@code +} that a
     * form decoder or a second URL-decoding turned into one.
     *
     * @throws CredentialCipherException with {@link Reason#TOO_SHORT}, {@link Reason#BAD_IV},
     *     {@link Reason#BAD_BASE64}, {@link Reason#BAD_LENGTH}, {@link Reason#BAD_PADDING} or
     *     {@link Reason#NOT_UTF8}; see {@link Reason}
     */
    public String decrypt(String value) {
        Objects.requireNonNull(value, "value");
        if (value.length() <= IV_LENGTH) {
            throw new CredentialCipherException(Reason.TOO_SHORT, "an encrypted value is " + IV_LENGTH
                    + " IV characters followed by Base64 ciphertext; got only " + value.length() + " characters");
        }
        String iv = ivOf(value);
        byte[] ciphertext = ciphertextOf(value);
        byte[] plain;
        try {
            plain = cipher(Cipher.DECRYPT_MODE, iv).doFinal(ciphertext);
        } catch (BadPaddingException e) {
            throw new CredentialCipherException(Reason.BAD_PADDING, "the value does not decrypt with this seller key"
                    + " and " + type.label() + " (bad padding): wrong key, wrong encryptType or a corrupted value", e);
        } catch (IllegalBlockSizeException e) {
            throw new IllegalStateException("the block size was checked above", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/CBC/PKCS5Padding failed to decrypt", e);
        }
        try {
            return decodeUtf8(plain);
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
    }

    /** A fresh IV: 16 characters drawn uniformly from letters and digits by a {@link SecureRandom}. */
    public static String randomIv() {
        char[] iv = new char[IV_LENGTH];
        for (int i = 0; i < IV_LENGTH; i++) {
            iv[i] = IV_ALPHABET[IV_RANDOM.nextInt(IV_ALPHABET.length)];
        }
        return new String(iv);
    }

    /** Names the key size only; the key never appears. */
    @Override
    public String toString() {
        return "CredentialCipher[" + type.label() + "]";
    }

    private Cipher cipher(int mode, String iv) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance(TRANSFORMATION);
        cipher.init(mode, new SecretKeySpec(key, "AES"),
                new IvParameterSpec(iv.getBytes(StandardCharsets.US_ASCII)));
        return cipher;
    }

    private static void requireValidIv(String iv) {
        Objects.requireNonNull(iv, "iv");
        if (iv.length() != IV_LENGTH) {
            throw new CredentialCipherException(Reason.BAD_IV,
                    "the IV must be exactly " + IV_LENGTH + " letters or digits, got " + iv.length() + " characters");
        }
        for (int i = 0; i < IV_LENGTH; i++) {
            char c = iv.charAt(i);
            boolean alnum = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
            if (!alnum) {
                throw new CredentialCipherException(Reason.BAD_IV, "the IV must be exactly " + IV_LENGTH
                        + " letters or digits (A-Z, a-z, 0-9); character " + (i + 1) + " is not");
            }
        }
    }

    /** The first 16 characters, which become the IV's bytes: tolerant of any single-byte character. */
    private static String ivOf(String value) {
        String iv = value.substring(0, IV_LENGTH);
        for (int i = 0; i < IV_LENGTH; i++) {
            if (iv.charAt(i) > 0x7F) {
                throw new CredentialCipherException(Reason.BAD_IV, "the IV (the first " + IV_LENGTH
                        + " characters) must be single-byte characters; character " + (i + 1) + " is not");
            }
        }
        return iv;
    }

    /** The Base64 after the IV, decoded and checked to be whole AES blocks. */
    private static byte[] ciphertextOf(String value) {
        byte[] ciphertext;
        try {
            ciphertext = Base64.getDecoder().decode(value.substring(IV_LENGTH).replace(' ', '+'));
        } catch (IllegalArgumentException e) {
            throw new CredentialCipherException(Reason.BAD_BASE64,
                    "the ciphertext after the " + IV_LENGTH + "-character IV is not Base64", e);
        }
        if (ciphertext.length == 0) { // not reached with the JDK's decoder, which never yields nothing from something
            throw new CredentialCipherException(Reason.TOO_SHORT,
                    "the ciphertext after the " + IV_LENGTH + "-character IV is empty");
        }
        if (ciphertext.length % BLOCK_SIZE != 0) {
            throw new CredentialCipherException(Reason.BAD_LENGTH, "the ciphertext is " + ciphertext.length
                    + " bytes, not a multiple of the " + BLOCK_SIZE + "-byte AES block; it is truncated or corrupted");
        }
        return ciphertext;
    }

    private static String decodeUtf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new CredentialCipherException(Reason.NOT_UTF8, "the value decrypts to bytes that are not UTF-8 text;"
                    + " most likely a wrong seller key or encryptType whose padding happened to check out", e);
        }
    }

    private static byte[] encodeUtf8(String text) {
        try {
            ByteBuffer buffer = StandardCharsets.UTF_8.newEncoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .encode(CharBuffer.wrap(text));
            byte[] bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            if (buffer.hasArray()) {
                Arrays.fill(buffer.array(), (byte) 0);
            }
            return bytes;
        } catch (CharacterCodingException e) {
            throw new CredentialCipherException(Reason.NOT_UTF8,
                    "the text contains an unpaired surrogate and has no UTF-8 form", e);
        }
    }
}
