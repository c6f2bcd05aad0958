package vn.loa.platform.tenancy;

import java.util.List;
import java.util.Set;
import org.springframework.data.mongodb.core.query.Criteria;

/**
 * The communes whose data a caller may read, written once for every service: a commune's staff read their own
 * commune; a province reviewer ({@link Role#VIEWER} with a province code) every commune of that province; a system
 * administrator every commune. The same rule as {@link Caller#canRead(String)}, as a query condition for lists.
 */
public final class TenantScope {

    /** The field that carries the tenant on every Loa document. */
    public static final String FIELD = "tenantId";

    /** The communes that may be read; null means every one. */
    private final Set<String> communes;

    private TenantScope(Set<String> communes) {
        this.communes = communes;
    }

    public static TenantScope readableBy(Caller caller) {
        if (caller.has(Role.SYSADMIN)) {
            return new TenantScope(null);
        }
        CommuneDirectory directory = CommuneDirectory.instance();
        if (caller.has(Role.VIEWER) && directory.isProvince(caller.tenantId())) {
            return new TenantScope(Set.copyOf(directory.province(caller.tenantId()).orElseThrow().communes().stream()
                    .map(CommuneDirectory.Commune::code).toList()));
        }
        return new TenantScope(Set.of(caller.tenantId()));
    }

    /** Whether every commune is in scope (a system administrator). */
    public boolean everything() {
        return communes == null;
    }

    public boolean includes(String commune) {
        return communes == null || communes.contains(commune);
    }

    /** The condition on {@value #FIELD} that keeps a query inside the scope. */
    public Criteria criteria() {
        if (communes == null) {
            return Criteria.where(FIELD).exists(true);
        }
        if (communes.size() == 1) {
            return Criteria.where(FIELD).is(communes.iterator().next());
        }
        return Criteria.where(FIELD).in(List.copyOf(communes));
    }
}
