package org.opengallery.protocol;

/**
 * A parameter the verification needs is missing or malformed (a timestamp that is not a number, an empty
 * nonce). Result code {@code 000002}.
 */
public class InvalidParameterException extends VerificationException {

    private final String parameterName;

    public InvalidParameterException(String parameterName, String reason) {
        super(parameterName + ": " + reason);
        this.parameterName = parameterName;
    }

    public String parameterName() {
        return parameterName;
    }

    @Override
    public String resultCode() {
        return "000002";
    }
}
