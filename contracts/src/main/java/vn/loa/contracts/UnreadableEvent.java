package vn.loa.contracts;

/**
 * A message that can never be processed as it is (missing CloudEvents headers, unknown type, data that does not
 * fit the schema). Consumers do not retry it: it goes to the dead-letter topic with this reason.
 */
public class UnreadableEvent extends RuntimeException {

    public UnreadableEvent(String reason) {
        super(reason);
    }

    public UnreadableEvent(String reason, Throwable cause) {
        super(reason, cause);
    }
}
