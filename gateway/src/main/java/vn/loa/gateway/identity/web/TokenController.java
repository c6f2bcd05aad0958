package vn.loa.gateway.identity.web;

import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import vn.loa.gateway.identity.AuthProperties;
import vn.loa.gateway.problem.Problems;

/**
 * {@code POST /api/auth/token {username, password}} for scripts and tests: asks the issuer for a token with the
 * password grant of the public client and answers {@code {access_token, token_type, expires_in}}. Open only where
 * {@code loa.auth.password-grant=true} (the embedded default); browsers log in with the issuer's own login page.
 * No password is stored or checked here: the issuer does that.
 */
@RestController
public class TokenController {

    private final AuthProperties auth;
    private final WebClient issuer;

    public TokenController(AuthProperties auth) {
        this.auth = auth;
        this.issuer = WebClient.create();
    }

    /** Public facts the web app needs to send a user to the issuer's login page. */
    @GetMapping("/api/auth/config")
    Map<String, Object> config() {
        return Map.of("issuer", auth.issuer(), "clientId", auth.clientId(), "passwordGrant", auth.passwordGrant());
    }

    public record Credentials(String username, String password) {
    }

    @PostMapping(path = "/api/auth/token", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<Object>> token(@RequestBody(required = false) Credentials credentials,
            ServerWebExchange exchange) {
        if (!auth.passwordGrant()) {
            return Mono.just(Problems.entity(exchange, HttpStatus.NOT_FOUND, "Không tìm thấy",
                    "Máy chủ này không cấp mã truy cập bằng tên đăng nhập và mật khẩu; hãy đăng nhập qua trang "
                            + "đăng nhập."));
        }
        if (credentials == null || blank(credentials.username()) || blank(credentials.password())) {
            return Mono.just(Problems.entity(exchange, HttpStatus.BAD_REQUEST, "Thiếu thông tin đăng nhập",
                    "Vui lòng nhập tên đăng nhập và mật khẩu."));
        }
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("grant_type", "password");
        form.add("client_id", auth.clientId());
        form.add("username", credentials.username());
        form.add("password", credentials.password());
        form.add("scope", "openid");
        return issuer.post().uri(auth.tokenUri())
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData(form))
                .retrieve()
                .bodyToMono(Map.class)
                .map(body -> ResponseEntity.ok((Object) Map.<String, Object>of(
                        "access_token", body.get("access_token"),
                        "token_type", "Bearer",
                        "expires_in", body.get("expires_in"))))
                .onErrorResume(WebClientResponseException.class, e -> e.getStatusCode().is4xxClientError()
                        ? Mono.just(Problems.entity(exchange, HttpStatus.UNAUTHORIZED, "Đăng nhập không thành công",
                                "Tên đăng nhập hoặc mật khẩu không đúng."))
                        : unavailable(exchange))
                .onErrorResume(e -> !(e instanceof WebClientResponseException), e -> unavailable(exchange));
    }

    private static Mono<ResponseEntity<Object>> unavailable(ServerWebExchange exchange) {
        return Mono.just(Problems.entity(exchange, HttpStatus.SERVICE_UNAVAILABLE, "Máy chủ xác thực không phản hồi",
                "Hệ thống đăng nhập tạm thời không phản hồi. Vui lòng thử lại sau ít phút."));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
