package org.jujia.shared;

/** The request is valid but clashes with the current state (duplicate, stale version, illegal transition). */
public class ConflictException extends RuntimeException {

    private final String field;

    public ConflictException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
