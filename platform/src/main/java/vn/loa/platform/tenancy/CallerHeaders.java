package vn.loa.platform.tenancy;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The headers the gateway sets on every request it forwards, after validating the caller's token; the gateway
 * drops any client-sent copy. A service behind the gateway reads them here and nowhere else.
 */
public final class CallerHeaders {

    public static final String TENANT = "X-Loa-Tenant";
    public static final String USER = "X-Loa-User";
    public static final String ROLES = "X-Loa-Roles";

    /** Commune codes have 5 digits, province codes 2; a system administrator belongs to {@code platform}. */
    private static final Pattern TENANT_ID = Pattern.compile("[0-9]{2}|[0-9]{5}|platform");

    private CallerHeaders() {
    }

    public static Caller read(HttpServletRequest request) {
        String tenant = request.getHeader(TENANT);
        String user = request.getHeader(USER);
        if (tenant == null || user == null || user.isBlank()) {
            throw new Unauthenticated("Bạn cần đăng nhập để thực hiện thao tác này.");
        }
        if (!TENANT_ID.matcher(tenant).matches()) {
            throw new Unauthenticated("Mã đơn vị hành chính của phiên đăng nhập không hợp lệ.");
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        String header = request.getHeader(ROLES);
        if (header != null) {
            Arrays.stream(header.split(","))
                    .map(String::trim)
                    .filter(r -> !r.isEmpty())
                    .forEach(r -> {
                        try {
                            roles.add(Role.valueOf(r));
                        } catch (IllegalArgumentException unknown) {
                            // a role this service does not know grants nothing
                        }
                    });
        }
        return new Caller(tenant, user, roles);
    }
}
