package org.opengallery.app;

import java.util.concurrent.Callable;
import org.opengallery.protocol.cipher.CredentialCipher;
import org.opengallery.protocol.cipher.EncryptType;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Encrypts a credential the way a V1 seller returns userName and password. */
@Command(name = "encrypt",
        mixinStandardHelpOptions = true,
        description = {"Encrypt a value with the V1 credential cipher and print IV + Base64(ciphertext).",
            "AES/CBC/PKCS5Padding; the key is derived from the seller Key through SHA1PRNG as the JDK's"
                    + " KeyGenerator does; 256-bit for encrypt type 1, 128-bit for 2.",
            "The result must fit KooGallery's 128-character credential field unless --no-limit is given."})
final class EncryptCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--key", required = true, description = "The seller's V1 Key.")
    String key;

    @Option(names = "--encrypt-type", required = true, paramLabel = "1|2",
            description = "1 = AES-256 (the default of the protocol), 2 = AES-128.")
    String encryptType;

    @Option(names = "--iv", paramLabel = "IV16", description = "16 letters or digits; random when not given.")
    String iv;

    @Option(names = "--no-limit", description = "Do not enforce the 128-character field limit.")
    boolean noLimit;

    @Parameters(paramLabel = "TEXT", description = "The plaintext.")
    String text;

    @Override
    public Integer call() {
        CredentialCipher cipher = CredentialCipher.forSellerKey(key, EncryptType.fromCode(encryptType));
        String chosenIv = iv == null ? CredentialCipher.randomIv() : iv;
        String value = noLimit ? cipher.encrypt(text, chosenIv) : cipher.encryptCredential(text, chosenIv);
        return SignCommand.print(spec, value);
    }
}
