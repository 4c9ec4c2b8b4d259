package org.opengallery.protocol;

/** The request carries no signature at all. Result code {@code 000001}, like a wrong one. */
public final class MissingSignatureException extends VerificationException {

    private final String signatureName;

    public MissingSignatureException(String signatureName) {
        super("missing " + signatureName);
        this.signatureName = signatureName;
    }

    public String signatureName() {
        return signatureName;
    }

    @Override
    public String resultCode() {
        return "000001";
    }
}
