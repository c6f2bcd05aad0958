package vn.loa.gateway.identity;

import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import vn.loa.gateway.problem.Problems;

/**
 * The only place where the identity headers the services trust are set. Runs after the token was validated:
 * drops whatever {@code X-Loa-*} the client sent, sets tenant, user and roles from the token, and keeps a province
 * reviewer to reading (plus accepting or returning a commune's report).
 */
public class IdentityHeaders implements WebFilter {

    public static final String TENANT = "X-Loa-Tenant";
    public static final String USER = "X-Loa-User";
    public static final String ROLES = "X-Loa-Roles";

    /** What a province reviewer may change: the decision on a commune's report. */
    private static final Pattern REVIEW = Pattern.compile("/api/reports/[^/]+/(?:accept|return)(?:/.*)?");

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        return exchange.getPrincipal().map(Optional::of).defaultIfEmpty(Optional.empty()).flatMap(principal -> {
            if (principal.isEmpty() || !(principal.get() instanceof JwtAuthenticationToken token)) {
                return chain.filter(withoutClaims(exchange));
            }
            Identity identity = Identity.of(token.getToken());
            if (identity == null) {
                return Problems.write(exchange, HttpStatus.FORBIDDEN, "Tài khoản chưa được gán đơn vị",
                        "Tài khoản của bạn chưa được gán cho xã, phường hoặc tỉnh nào. "
                                + "Vui lòng liên hệ quản trị hệ thống.");
            }
            return forward(exchange, chain, identity);
        });
    }

    private Mono<Void> forward(ServerWebExchange exchange, WebFilterChain chain, Identity identity) {
        ServerHttpRequest request = exchange.getRequest();
        if (identity.isProvinceReviewer() && !reads(request.getMethod())
                && !REVIEW.matcher(request.getPath().value()).matches()) {
            return Problems.write(exchange, HttpStatus.FORBIDDEN, "Không có quyền",
                    "Tài khoản cấp tỉnh chỉ được xem số liệu của các xã, phường và tiếp nhận hoặc trả lại báo cáo; "
                            + "không được thay đổi dữ liệu của xã, phường.");
        }
        ServerHttpRequest mutated = request.mutate().headers(h -> {
            h.remove(TENANT);
            h.remove(USER);
            h.remove(ROLES);
            h.set(TENANT, identity.tenant());
            h.set(USER, identity.user());
            h.set(ROLES, identity.rolesHeader());
        }).build();
        return chain.filter(exchange.mutate().request(mutated).build());
    }

    private static ServerWebExchange withoutClaims(ServerWebExchange exchange) {
        ServerHttpRequest request = exchange.getRequest().mutate().headers(h -> {
            h.remove(TENANT);
            h.remove(USER);
            h.remove(ROLES);
        }).build();
        return exchange.mutate().request(request).build();
    }

    private static boolean reads(HttpMethod method) {
        return HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method) || HttpMethod.OPTIONS.equals(method);
    }
}
