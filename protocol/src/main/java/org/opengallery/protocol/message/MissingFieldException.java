package org.opengallery.protocol.message;

/** A mandatory field or parameter is absent or empty. The field path is always known. */
public final class MissingFieldException extends InvalidMessageException {

    public MissingFieldException(String field) {
        super(field, "missing mandatory field");
    }

    private MissingFieldException(String field, MissingFieldException cause) {
        super(field, "missing mandatory field", cause);
    }

    /** The missing field's path. */
    public String fieldName() {
        return field().orElseThrow();
    }

    @Override
    public MissingFieldException under(String path) {
        if (path == null || path.isEmpty()) {
            return this;
        }
        return new MissingFieldException(join(path, fieldName()), this);
    }
}
