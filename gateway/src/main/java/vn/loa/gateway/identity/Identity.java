package vn.loa.gateway.identity;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Who the token says the caller is: tenant (a commune code, a province code, or {@code platform} for a system
 * administrator), user name and Loa roles. Read from Keycloak's claims: {@code tenant} (a user attribute mapped into
 * the token), {@code preferred_username} and {@code realm_access.roles}.
 */
public record Identity(String tenant, String user, Set<String> roles) {

    public static final Set<String> LOA_ROLES = Set.of("EDITOR", "LEADER", "ADMIN", "VIEWER", "SYSADMIN",
            "PROVINCE_ADMIN");
    private static final Pattern TENANT = Pattern.compile("[0-9]{2}|[0-9]{5}|platform");
    private static final Set<String> COMMUNE_ROLES = Set.of("EDITOR", "LEADER", "ADMIN");

    public Identity {
        roles = Set.copyOf(roles);
    }

    /** The identity in a validated token, or null when the token does not name a valid tenant and user. */
    public static Identity of(Jwt jwt) {
        String tenant = jwt.getClaimAsString("tenant");
        String user = jwt.getClaimAsString("preferred_username");
        if (tenant == null || !TENANT.matcher(tenant).matches() || user == null || user.isBlank()) {
            return null;
        }
        return new Identity(tenant, user, rolesIn(jwt));
    }

    static Set<String> rolesIn(Jwt jwt) {
        Set<String> roles = new TreeSet<>();
        Object realmAccess = jwt.getClaims().get("realm_access");
        if (realmAccess instanceof Map<?, ?> map && map.get("roles") instanceof Collection<?> names) {
            for (Object name : names) {
                if (name instanceof String role && LOA_ROLES.contains(role)) {
                    roles.add(role);
                }
            }
        }
        return roles;
    }

    /**
     * A province reviewer: reads its communes, writes nothing of theirs but accepting or returning reports. A
     * province's administrator (PROVINCE_ADMIN) is not kept to reading: its writes go to /api/admin, which checks them.
     */
    public boolean isProvinceReviewer() {
        return roles.contains("VIEWER") && roles.stream().noneMatch(COMMUNE_ROLES::contains)
                && !roles.contains("SYSADMIN") && !roles.contains("PROVINCE_ADMIN");
    }

    public String rolesHeader() {
        return String.join(",", List.copyOf(new TreeSet<>(roles)));
    }
}
