package org.jujia.shared;

/** The thing asked for does not exist, or is outside the caller's jurisdiction (existence is not revealed). */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String what, Object id) {
        super(what + " " + id + " not found");
    }
}
