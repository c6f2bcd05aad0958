package vn.loa.contracts;

/**
 * Every event Loa sends between services. Each bounded context has its own sealed sub-interface ({@code PlanEvent},
 * {@code TaskEvent}, {@code ContentEvent}, {@code ChannelEvent}), so a consumer dispatches with an exhaustive
 * {@code switch}. (This root cannot itself be sealed across packages outside a named module.)
 *
 * <p>Every event names its tenant (the commune code, or {@link Tenants#PLATFORM} for platform-wide facts such as a
 * channel registering) and its subject, the id of the aggregate it is about. Both also travel as CloudEvents
 * headers ({@code ce_tenantid}, {@code ce_subject}).
 */
public interface LoaEvent {

    /** The commune code (tenant) the event belongs to. */
    String tenantId();

    /** The id of the aggregate the event is about; the CloudEvents {@code subject}. */
    String subject();
}
