package vn.loa.platform.tenancy;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.data.mongodb.core.query.Criteria;

/**
 * The communes whose data a caller may read, written once for every service: a commune's staff read their own
 * commune; a province reviewer ({@link Role#VIEWER} with a province code) every commune of that province; a system
 * administrator every commune. The same rule as {@link Caller#canRead(String)}, as a query condition for lists
 * ({@link #criteria()}), as a predicate for one commune ({@link #permits(String)}) and for a province's summary of
 * all its communes ({@link #wholeProvince(String)}). Anything outside the scope is answered 404, never 403: a caller
 * does not learn that a commune it may not read has data.
 */
public final class TenantScope {

    /** The field that carries the tenant on every Loa document. */
    public static final String FIELD = "tenantId";

    /** The caller's own tenant (a commune code, a province code, or the platform). */
    private final String tenant;
    /** The communes that may be read; null means every one. */
    private final Set<String> communes;
    /** The province the caller reviews (a VIEWER whose tenant is a province), else null. */
    private final String province;

    private TenantScope(String tenant, Set<String> communes, String province) {
        this.tenant = tenant;
        this.communes = communes;
        this.province = province;
    }

    public static TenantScope readableBy(Caller caller) {
        CommuneDirectory directory = CommuneDirectory.instance();
        String reviewed = caller.has(Role.VIEWER) && directory.isProvince(caller.tenantId()) ? caller.tenantId() : null;
        if (caller.has(Role.SYSADMIN)) {
            return new TenantScope(caller.tenantId(), null, reviewed);
        }
        if (reviewed != null) {
            return new TenantScope(caller.tenantId(), communesOf(reviewed), reviewed);
        }
        return new TenantScope(caller.tenantId(), Set.of(caller.tenantId()), null);
    }

    /** The codes of a province's communes; empty for a code that is no province. */
    public static Set<String> communesOf(String provinceCode) {
        return CommuneDirectory.instance().province(provinceCode)
                .map(p -> Set.copyOf(p.communes().stream().map(CommuneDirectory.Commune::code).toList()))
                .orElse(Set.of());
    }

    /** Whether every commune is in scope (a system administrator). */
    public boolean everything() {
        return communes == null;
    }

    public boolean includes(String commune) {
        return communes == null || (commune != null && communes.contains(commune));
    }

    /**
     * Whether the caller may read this commune's data: a commune of the directory, inside the scope. What a controller
     * asks before serving one commune's data; anything else is a 404.
     */
    public boolean permits(String commune) {
        return commune != null && CommuneDirectory.instance().isCommune(commune) && includes(commune);
    }

    /**
     * Whether the caller may read no commune at all: an account that is neither a commune's staff, a province
     * reviewer, nor a system administrator (a province account without {@link Role#VIEWER}, an unknown tenant).
     */
    public boolean isEmpty() {
        return communes != null && province == null
                && communes.stream().noneMatch(CommuneDirectory.instance()::isCommune);
    }

    /**
     * The province the caller reviews: its tenant, when it is a {@link Role#VIEWER} of a province. The one province
     * whose communes' reports it accepts or returns; a system administrator reviews none (unless it is also a
     * province's VIEWER).
     */
    public Optional<String> province() {
        return Optional.ofNullable(province);
    }

    /**
     * The province whose summary (every one of its communes) the caller reads: a province reviewer its own, whatever
     * is asked; a system administrator the one asked, or its own tenant when none is; empty when that is not a
     * province or the caller is neither.
     */
    public Optional<CommuneDirectory.Province> wholeProvince(String requested) {
        if (everything()) {
            return CommuneDirectory.instance().province(requested != null ? requested : tenant);
        }
        return province == null ? Optional.empty() : CommuneDirectory.instance().province(province);
    }

    /** The condition on {@value #FIELD} that keeps a query inside the scope. */
    public Criteria criteria() {
        return criteria(FIELD);
    }

    /** The condition on a field holding a commune code that keeps a query inside the scope. */
    public Criteria criteria(String field) {
        if (communes == null) {
            return Criteria.where(field).exists(true);
        }
        if (communes.size() == 1) {
            return Criteria.where(field).is(communes.iterator().next());
        }
        return Criteria.where(field).in(List.copyOf(communes));
    }
}
