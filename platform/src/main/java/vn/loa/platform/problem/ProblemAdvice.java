package vn.loa.platform.problem;

import java.net.URI;
import java.util.List;
import java.util.Map;
import com.mongodb.MongoException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.data.mongodb.UncategorizedMongoDbException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import vn.loa.platform.database.DatabaseFailures;
import vn.loa.platform.problem.InvalidInput.FieldProblem;
import vn.loa.platform.tenancy.Forbidden;
import vn.loa.platform.tenancy.Unauthenticated;

/**
 * Every error leaves a Loa service as RFC 9457 {@code application/problem+json} with a Vietnamese title and detail
 * fit for the user, and field errors under {@code errors}. Never a stack trace, never an English framework message.
 */
@RestControllerAdvice
public class ProblemAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);

    /** Vietnamese words for the statuses the framework raises by itself. */
    private static final Map<Integer, String[]> MESSAGES = Map.of(
            400, new String[] {"Yêu cầu không hợp lệ", "Dữ liệu gửi lên không hợp lệ. Vui lòng kiểm tra lại."},
            401, new String[] {"Chưa đăng nhập", "Bạn cần đăng nhập để thực hiện thao tác này."},
            403, new String[] {"Không có quyền", "Bạn không có quyền thực hiện thao tác này."},
            404, new String[] {"Không tìm thấy", "Không tìm thấy nội dung được yêu cầu."},
            405, new String[] {"Phương thức không được hỗ trợ", "Thao tác này không được hỗ trợ tại địa chỉ này."},
            406, new String[] {"Định dạng không được hỗ trợ", "Không thể trả về dữ liệu theo định dạng được yêu cầu."},
            409, new String[] {"Xung đột trạng thái", "Thao tác không phù hợp với trạng thái hiện tại."},
            413, new String[] {"Dữ liệu quá lớn", "Tệp hoặc dữ liệu gửi lên vượt quá dung lượng cho phép."},
            415, new String[] {"Định dạng dữ liệu không được hỗ trợ",
                "Định dạng dữ liệu gửi lên không được hỗ trợ (cần application/json)."},
            500, new String[] {"Lỗi hệ thống", "Đã có lỗi hệ thống. Vui lòng thử lại sau hoặc liên hệ quản trị viên."});

    /** Seconds a client is asked to wait when the database does not answer (a restart takes a few). */
    static final String RETRY_AFTER_SECONDS = "5";

    @ExceptionHandler(NotFound.class)
    ProblemDetail notFound(NotFound e) {
        return problem(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler(Conflict.class)
    ProblemDetail conflict(Conflict e) {
        return problem(HttpStatus.CONFLICT, e.getMessage());
    }

    @ExceptionHandler(InvalidInput.class)
    ProblemDetail invalid(InvalidInput e) {
        ProblemDetail p = problem(HttpStatus.BAD_REQUEST, e.getMessage());
        p.setProperty("errors", e.fields());
        return p;
    }

    @ExceptionHandler(Forbidden.class)
    ProblemDetail forbidden(Forbidden e) {
        return problem(HttpStatus.FORBIDDEN, e.getMessage());
    }

    @ExceptionHandler(Unauthenticated.class)
    ProblemDetail unauthenticated(Unauthenticated e) {
        return problem(HttpStatus.UNAUTHORIZED, e.getMessage());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
        ProblemDetail p = problem(HttpStatus.BAD_REQUEST, "Giá trị của tham số '" + e.getName() + "' không hợp lệ.");
        p.setProperty("errors", List.of(new FieldProblem(e.getName(), "Giá trị không hợp lệ.")));
        return p;
    }

    /** An upload the server cannot read at all (a NUL in the file name, a broken multipart body). */
    @ExceptionHandler(org.springframework.web.multipart.MultipartException.class)
    ProblemDetail unreadableUpload(org.springframework.web.multipart.MultipartException e) {
        log.debug("Unreadable upload", e);
        return problem(HttpStatus.BAD_REQUEST, "Không đọc được tệp tải lên: tên tệp hoặc dữ liệu gửi lên không hợp lệ."
                + " Vui lòng đổi tên tệp (không dùng ký tự đặc biệt) và thử lại.");
    }

    /**
     * The database does not answer (restarting, unreachable, timed out) or refuses writes for a while (its disk is
     * full): the request may succeed when sent again, so a 503 with Retry-After rather than a 500. Spring Data
     * translates some of these ({@link DataAccessResourceFailureException}); code that uses the driver directly sees
     * the driver's own ({@link DatabaseFailures}). Any other database error is unexpected.
     */
    @ExceptionHandler({DataAccessResourceFailureException.class, TransientDataAccessException.class,
            UncategorizedMongoDbException.class, MongoException.class})
    ResponseEntity<ProblemDetail> databaseUnavailable(RuntimeException e) {
        if (!DatabaseFailures.isPassing(e)) {
            return ResponseEntity.internalServerError().body(unexpected(e));
        }
        log.warn("Database unavailable, answered 503: {}", e.toString());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                .body(databaseUnavailable(DatabaseFailures.isDiskFull(e)));
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        log.error("Unexpected error", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, MESSAGES.get(500)[1]);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> fields = ex.getBindingResult().getFieldErrors().stream()
                .map(ProblemAdvice::fieldProblem)
                .toList();
        ProblemDetail p = problem(HttpStatus.BAD_REQUEST, fields.isEmpty()
                ? MESSAGES.get(400)[1]
                : "Dữ liệu chưa hợp lệ ở " + fields.size() + " trường. Vui lòng kiểm tra lại.");
        p.setProperty("errors", fields);
        return ResponseEntity.badRequest().body(p);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> fields = ex.getParameterValidationResults().stream()
                .flatMap(r -> r.getResolvableErrors().stream()
                        .map(err -> new FieldProblem(r.getMethodParameter().getParameterName(),
                                err.getDefaultMessage())))
                .toList();
        ProblemDetail p = problem(HttpStatus.BAD_REQUEST, MESSAGES.get(400)[1]);
        p.setProperty("errors", fields);
        return ResponseEntity.badRequest().body(p);
    }

    /** Every other framework exception: keep its status, give Vietnamese words. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        if (body instanceof ProblemDetail p && p.getProperties() != null && p.getProperties().containsKey("errors")) {
            return super.handleExceptionInternal(ex, body, headers, statusCode, request);
        }
        ProblemDetail p = problem(statusCode, null);
        if (ex instanceof org.springframework.http.converter.HttpMessageNotReadableException) {
            p.setDetail("Dữ liệu gửi lên không đúng định dạng JSON hoặc có trường sai kiểu dữ liệu.");
        }
        return super.handleExceptionInternal(ex, p, headers, statusCode, request);
    }

    private static FieldProblem fieldProblem(FieldError e) {
        return new FieldProblem(e.getField(), e.getDefaultMessage());
    }

    private static ProblemDetail databaseUnavailable(boolean diskFull) {
        ProblemDetail p = problem(HttpStatus.SERVICE_UNAVAILABLE, diskFull
                ? "Máy chủ đã hết dung lượng lưu trữ nên tạm thời chưa lưu được dữ liệu. Vui lòng báo cán bộ quản trị"
                        + " hệ thống và thử lại sau."
                : "Hệ thống tạm thời không kết nối được cơ sở dữ liệu. Vui lòng thử lại sau ít phút.");
        p.setTitle("Dịch vụ tạm thời gián đoạn");
        return p;
    }

    static ProblemDetail problem(HttpStatusCode status, String detail) {
        String[] words = MESSAGES.getOrDefault(status.value(),
                status.is4xxClientError() ? MESSAGES.get(400) : MESSAGES.get(500));
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail != null ? detail : words[1]);
        p.setTitle(words[0]);
        p.setType(URI.create("https://loa.vn/problems/" + status.value()));
        return p;
    }
}
