package org.jujia.shared;

import java.util.ArrayList;
import java.util.List;

/** Collects field violations while validating an input, then throws them all at once. */
public final class Violations {

    private final List<FieldViolation> list = new ArrayList<>();

    public Violations add(String field, String code, String message) {
        list.add(new FieldViolation(field, code, message));
        return this;
    }

    public Violations require(boolean ok, String field, String code, String message) {
        if (!ok) {
            add(field, code, message);
        }
        return this;
    }

    public boolean isEmpty() {
        return list.isEmpty();
    }

    public List<FieldViolation> list() {
        return List.copyOf(list);
    }

    public void throwIfAny() {
        if (!list.isEmpty()) {
            throw new ValidationException(list);
        }
    }
}
