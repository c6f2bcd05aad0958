package vn.loa.contracts;

/**
 * CloudEvents 1.0 Kafka protocol binding, binary content mode: the attributes travel as {@code ce_} headers, the
 * data as the record value with its {@code content-type}. We write and read these headers ourselves (the binder
 * does not add them).
 */
public final class CloudEventHeaders {

    public static final String SPEC_VERSION = "ce_specversion";
    /** A UUID; also the idempotency key of every consumer. */
    public static final String ID = "ce_id";
    /** {@code /loa/<service>}. */
    public static final String SOURCE = "ce_source";
    /** {@code vn.loa.<context>.<Event>.v1}, see {@link EventType}. */
    public static final String TYPE = "ce_type";
    /** RFC 3339 instant. */
    public static final String TIME = "ce_time";
    /** The aggregate id. */
    public static final String SUBJECT = "ce_subject";
    /** Extension: the tenant (commune code). Extension names are lowercase letters and digits only. */
    public static final String TENANT_ID = "ce_tenantid";
    /** The data's media type (CloudEvents {@code datacontenttype}). */
    public static final String CONTENT_TYPE = "content-type";

    public static final String SPEC_VERSION_VALUE = "1.0";
    public static final String JSON = "application/json";

    private CloudEventHeaders() {
    }
}
