package org.opengallery.app;

import java.util.concurrent.Callable;
import org.opengallery.protocol.cipher.CredentialCipher;
import org.opengallery.protocol.cipher.EncryptType;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Decrypts what KooGallery sends encrypted (mobilePhone, email) or what a seller returned. */
@Command(name = "decrypt",
        mixinStandardHelpOptions = true,
        description = {"Decrypt a V1 credential-cipher value (16-character IV + Base64 ciphertext) and print the"
                + " plaintext.", "Malformed input (too short, bad Base64, bad padding or wrong key) exits 2."})
final class DecryptCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--key", required = true, description = "The seller's V1 Key.")
    String key;

    @Option(names = "--encrypt-type", required = true, paramLabel = "1|2",
            description = "1 = AES-256, 2 = AES-128: the product's setting.")
    String encryptType;

    @Parameters(paramLabel = "VALUE", description = "IV + Base64 ciphertext.")
    String value;

    @Override
    public Integer call() {
        return SignCommand.print(spec,
                CredentialCipher.forSellerKey(key, EncryptType.fromCode(encryptType)).decrypt(value));
    }
}
