package org.opengallery.protocol;

/** The signature is present but does not match the signed material. Result code {@code 000001}. */
public final class InvalidSignatureException extends VerificationException {

    private final String signatureName;

    public InvalidSignatureException(String signatureName) {
        super("invalid " + signatureName);
        this.signatureName = signatureName;
    }

    /** Which signature failed: {@code authToken}, {@code signature}, {@code x-sign}, {@code Authorization}, … */
    public String signatureName() {
        return signatureName;
    }

    @Override
    public String resultCode() {
        return "000001";
    }
}
