package vn.loa.plan.plan.internal;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.MismatchedInputException;
import vn.loa.platform.problem.InvalidInput.FieldProblem;

/**
 * A body that does not bind (a date written "31/12/2025", an unknown product kind) answers 400 naming the field
 * and what it expects, in Vietnamese, where the platform's general answer could only say "not valid JSON". Runs
 * before the platform's {@code ProblemAdvice}; everything else is left to it.
 */
@RestControllerAdvice(basePackages = "vn.loa.plan")
@Order(Ordered.HIGHEST_PRECEDENCE)
class BindingProblems {

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException e) {
        ProblemDetail p = ProblemDetail.forStatus(HttpStatus.BAD_REQUEST);
        p.setTitle("Yêu cầu không hợp lệ");
        p.setType(java.net.URI.create("https://loa.vn/problems/400"));
        if (e.getCause() instanceof JacksonException j && !j.getPath().isEmpty()) {
            String field = path(j);
            String message = expected(j);
            p.setDetail("Giá trị của trường \"" + field + "\" không hợp lệ: " + message);
            p.setProperty("errors", List.of(new FieldProblem(field, message)));
        } else {
            p.setDetail("Dữ liệu gửi lên không đúng định dạng JSON hoặc có trường sai kiểu dữ liệu.");
        }
        return p;
    }

    private static String path(JacksonException e) {
        StringBuilder out = new StringBuilder();
        for (JacksonException.Reference r : e.getPath()) {
            if (r.getPropertyName() != null) {
                out.append(out.isEmpty() ? "" : ".").append(r.getPropertyName());
            } else if (r.getIndex() >= 0) {
                out.append('[').append(r.getIndex()).append(']');
            }
        }
        return out.toString();
    }

    private static String expected(JacksonException e) {
        Class<?> type = e instanceof MismatchedInputException m ? m.getTargetType() : null;
        if (type == null) {
            return "sai kiểu dữ liệu.";
        }
        if (type.isEnum()) {
            return "giá trị phải là một trong " + String.join(", ",
                    Arrays.stream(type.getEnumConstants()).map(Object::toString).toList()) + ".";
        }
        if (type == LocalDate.class) {
            return "cần ngày dạng YYYY-MM-DD, ví dụ 2025-12-31.";
        }
        if (type == YearMonth.class) {
            return "cần tháng dạng YYYY-MM, ví dụ 2025-08.";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "cần một số.";
        }
        if (type == String.class) {
            return "cần một chuỗi ký tự.";
        }
        if (List.class.isAssignableFrom(type)) {
            return "cần một danh sách.";
        }
        return "sai kiểu dữ liệu.";
    }
}
