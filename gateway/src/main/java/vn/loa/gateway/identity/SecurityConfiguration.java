package vn.loa.gateway.identity;

import java.util.List;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import reactor.core.publisher.Mono;
import vn.loa.gateway.problem.Problems;

/**
 * The gateway is an OAuth2 resource server: {@code /api/**} needs a bearer token signed by the issuer, with the
 * right issuer and audience, not expired. Public: the login endpoint, health, the commune portal pages, radio
 * files and the web app's static files. Refusals are Vietnamese problems.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AuthProperties.class)
public class SecurityConfiguration {

    @Bean
    static vn.loa.gateway.problem.RejectedRequests rejectedRequests() {
        return new vn.loa.gateway.problem.RejectedRequests();
    }

    @Bean
    ReactiveJwtDecoder jwtDecoder(AuthProperties auth) {
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withJwkSetUri(auth.jwkSetUri()).build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(auth.issuer()),
                new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
                        aud -> aud != null && aud.contains(auth.audience()))));
        return decoder;
    }

    @Bean
    SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http, CorsConfigurationSource cors) {
        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable) // bearer tokens only, no cookie session to ride on
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .cors(c -> c.configurationSource(cors))
                .authorizeExchange(ex -> ex
                        .pathMatchers(HttpMethod.POST, "/api/auth/token").permitAll()
                        .pathMatchers("/api/auth/config").permitAll()
                        .pathMatchers("/actuator/health/**", "/actuator/info", "/actuator/prometheus").permitAll()
                        .pathMatchers("/actuator/**").hasAuthority("SYSADMIN")
                        .pathMatchers("/api/**", "/v3/api-docs/**").authenticated()
                        .anyExchange().permitAll())
                .oauth2ResourceServer(rs -> rs
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(authentication()))
                        .authenticationEntryPoint((exchange, e) -> unauthenticated(exchange, e))
                        .accessDeniedHandler((exchange, e) -> Problems.write(exchange, HttpStatus.FORBIDDEN,
                                "Không có quyền", "Bạn không có quyền truy cập tài nguyên này.")))
                .exceptionHandling(eh -> eh
                        .authenticationEntryPoint((exchange, e) -> unauthenticated(exchange, e)))
                .headers(h -> h
                        .cache(ServerHttpSecurity.HeaderSpec.CacheSpec::disable) // protection/CachePolicy decides
                        .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'self'; "
                                + "img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; "
                                + "media-src 'self' blob:; connect-src 'self'; frame-ancestors 'none'; "
                                + "form-action 'self'; base-uri 'self'"))
                        .referrerPolicy(r -> r.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN)))
                .addFilterAfter(new IdentityHeaders(), SecurityWebFiltersOrder.AUTHORIZATION)
                .build();
    }

    private static Converter<Jwt, Mono<AbstractAuthenticationToken>> authentication() {
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setPrincipalClaimName("preferred_username");
        converter.setJwtGrantedAuthoritiesConverter(jwt -> Identity.rolesIn(jwt).stream()
                .map(role -> (org.springframework.security.core.GrantedAuthority) new SimpleGrantedAuthority(role))
                .toList());
        return new ReactiveJwtAuthenticationConverterAdapter(converter);
    }

    private static Mono<Void> unauthenticated(org.springframework.web.server.ServerWebExchange exchange,
            Exception e) {
        exchange.getResponse().getHeaders().set("WWW-Authenticate", "Bearer");
        String detail = "Bạn cần đăng nhập để thực hiện thao tác này.";
        if (e instanceof OAuth2AuthenticationException oauth) {
            String description = String.valueOf(oauth.getError().getDescription());
            exchange.getResponse().getHeaders().set("WWW-Authenticate", "Bearer error=\"invalid_token\"");
            detail = description.contains("expired")
                    ? "Phiên đăng nhập đã hết hạn. Vui lòng đăng nhập lại."
                    : "Mã truy cập không hợp lệ. Vui lòng đăng nhập lại.";
        }
        return Problems.write(exchange, HttpStatus.UNAUTHORIZED, "Chưa đăng nhập", detail);
    }
}
