package vn.loa.platform.tenancy;

/** The caller is known but may not do this (HTTP 403). The message is Vietnamese, for the user. */
public class Forbidden extends RuntimeException {

    public Forbidden(String message) {
        super(message);
    }
}
