package org.jujia;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.jujia.shared.ConflictException;
import org.jujia.shared.FieldViolation;
import org.jujia.shared.NotFoundException;
import org.jujia.shared.ValidationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

/**
 * Every REST error is an RFC 9457 problem document; validation problems carry {@code "error":
 * "VALIDATION_ERROR"}, the first offending {@code field}, and every offending field in {@code errors[]}
 * ({@code field}, {@code code}, {@code message}).
 */
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
@org.springframework.core.annotation.Order(org.springframework.core.Ordered.HIGHEST_PRECEDENCE)
class ApiProblemHandler {

    static final String TYPE_BASE = "https://jujia.org/problems/";

    @ExceptionHandler(ValidationException.class)
    ProblemDetail validation(ValidationException e) {
        return invalid(e.violations());
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ProblemDetail beanValidation(MethodArgumentNotValidException e) {
        List<FieldViolation> list = e.getBindingResult().getFieldErrors().stream()
                .map(f -> new FieldViolation(f.getField(), f.getCode(), f.getDefaultMessage()))
                .toList();
        return invalid(list);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
        return invalid(List.of(new FieldViolation(e.getName(), "type",
                "value '" + e.getValue() + "' is not a valid " + (e.getRequiredType() == null ? "value" : e.getRequiredType().getSimpleName()))));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ProblemDetail missingParameter(MissingServletRequestParameterException e) {
        return invalid(List.of(new FieldViolation(e.getParameterName(), "required", "parameter is required")));
    }

    @ExceptionHandler(MissingServletRequestPartException.class)
    ProblemDetail missingPart(MissingServletRequestPartException e) {
        return invalid(List.of(new FieldViolation(e.getRequestPartName(), "required", "file part is required")));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException e) {
        String field = fieldOf(e);
        var problem = problem(HttpStatus.BAD_REQUEST, "malformed-request", "Malformed request body",
                "The request body is not valid JSON of the expected shape" + (field == null ? "" : " (field " + field + ")"));
        if (field != null) {
            problem.setProperty("errors", List.of(Map.of("field", field, "code", "malformed", "message", "value has the wrong type or format")));
        }
        return problem;
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "not-found", "Not found", e.getMessage());
    }

    @ExceptionHandler(ConflictException.class)
    ProblemDetail conflict(ConflictException e) {
        var problem = problem(HttpStatus.CONFLICT, "conflict", "Conflict", e.getMessage());
        if (e.field() != null) {
            problem.setProperty("errors", List.of(Map.of("field", e.field(), "code", "conflict", "message", e.getMessage())));
        }
        return problem;
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ProblemDetail stale(OptimisticLockingFailureException e) {
        return problem(HttpStatus.CONFLICT, "stale", "Changed by someone else", "The record was changed meanwhile; reload and try again");
    }

    private static ProblemDetail invalid(List<FieldViolation> violations) {
        String detail = violations.isEmpty() ? "Invalid input"
                : violations.get(0).field() + ": " + violations.get(0).message();
        var problem = problem(HttpStatus.BAD_REQUEST, "validation", "Invalid input", detail);
        problem.setProperty("error", "VALIDATION_ERROR");
        if (!violations.isEmpty()) {
            problem.setProperty("field", violations.get(0).field());
        }
        problem.setProperty("errors", violations.stream()
                .map(v -> Map.of("field", v.field(), "code", v.code() == null ? "invalid" : v.code(), "message", String.valueOf(v.message())))
                .toList());
        return problem;
    }

    static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
        var problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_BASE + type));
        problem.setTitle(title);
        return problem;
    }

    private static String fieldOf(HttpMessageNotReadableException e) {
        Throwable t = e.getCause();
        while (t != null) {
            if (t instanceof tools.jackson.databind.DatabindException de && !de.getPath().isEmpty()) {
                StringBuilder sb = new StringBuilder();
                for (var ref : de.getPath()) {
                    if (ref.getPropertyName() != null) {
                        if (!sb.isEmpty()) {
                            sb.append('.');
                        }
                        sb.append(ref.getPropertyName());
                    } else if (ref.getIndex() >= 0) {
                        sb.append('[').append(ref.getIndex()).append(']');
                    }
                }
                return sb.isEmpty() ? null : sb.toString();
            }
            t = t.getCause();
        }
        return null;
    }
}
