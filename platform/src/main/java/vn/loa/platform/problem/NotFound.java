package vn.loa.platform.problem;

/**
 * Nothing with this id for this tenant (HTTP 404). Another tenant's id is "not found" too: we never confirm that
 * it exists.
 */
public class NotFound extends RuntimeException {

    public NotFound(String message) {
        super(message);
    }
}
