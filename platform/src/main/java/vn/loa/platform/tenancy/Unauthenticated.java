package vn.loa.platform.tenancy;

/** No trustworthy caller on the request (HTTP 401). */
public class Unauthenticated extends RuntimeException {

    public Unauthenticated(String message) {
        super(message);
    }
}
