package vn.loa.platform.problem;

import java.util.List;

/** Input that breaks a domain rule, with the fields at fault (HTTP 400). Messages are Vietnamese. */
public class InvalidInput extends RuntimeException {

    private final List<FieldProblem> fields;

    public InvalidInput(String message, List<FieldProblem> fields) {
        super(message);
        this.fields = List.copyOf(fields);
    }

    public InvalidInput(String field, String message) {
        this(message, List.of(new FieldProblem(field, message)));
    }

    public List<FieldProblem> fields() {
        return fields;
    }

    /** One field and what is wrong with it. */
    public record FieldProblem(String field, String message) {
    }
}
