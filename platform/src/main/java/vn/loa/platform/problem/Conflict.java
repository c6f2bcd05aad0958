package vn.loa.platform.problem;

/** The request does not fit the current state, e.g. editing an issued plan (HTTP 409). */
public class Conflict extends RuntimeException {

    public Conflict(String message) {
        super(message);
    }
}
