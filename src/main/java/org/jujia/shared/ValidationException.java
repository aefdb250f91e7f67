package org.jujia.shared;

import java.util.List;

/** Input broke one or more rules; every offending field is named. Rendered as an RFC 9457 problem (400). */
public class ValidationException extends RuntimeException {

    private final List<FieldViolation> violations;

    public ValidationException(List<FieldViolation> violations) {
        super(violations.isEmpty() ? "invalid input" : violations.get(0).field() + ": " + violations.get(0).message());
        this.violations = List.copyOf(violations);
    }

    public static ValidationException of(String field, String code, String message) {
        return new ValidationException(List.of(new FieldViolation(field, code, message)));
    }

    public List<FieldViolation> violations() {
        return violations;
    }
}
