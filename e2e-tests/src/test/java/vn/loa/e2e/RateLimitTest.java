package vn.loa.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.loa.client.GatewayClient.Reply;

/**
 * The gateway's rate limits on the real stack: a burst from one user (limit 50 a second by default) and a burst of
 * logins from one address (10 a second) get 429 with Retry-After and a Vietnamese problem. Users of its own (Kỳ Lạc's
 * editor; an unknown login name, so that Keycloak's brute-force protection locks nobody out).
 */
@DisplayName("Giới hạn tần suất yêu cầu")
class RateLimitTest {

    static final int BURST = 150;

    @BeforeAll
    static void stack() {
        Stack.requireRunning();
    }

    @Test
    @DisplayName("một người dùng gửi dồn dập: 429, Retry-After, thông báo tiếng Việt")
    void aBurstFromOneUserIsThrottled() {
        String token = Api.token("ky-lac.editor");
        // /api/auth/config is answered by the gateway itself: the limiter is measured, not a service's circuit
        // breaker (whose bulkhead refuses part of such a burst with 503, see README "Findings")
        List<Reply> answers = burst(i -> HttpRequest.newBuilder(URI.create(Stack.BASE + "/api/auth/config"))
                .header("Authorization", "Bearer " + token).GET().build());
        assertThrottled(answers, 200);
    }

    @Test
    @DisplayName("đăng nhập dồn dập từ một địa chỉ: 429")
    void aBurstOfLoginsIsThrottled() {
        String body = "{\"username\":\"khong-ton-tai.e2e\",\"password\":\"sai\"}";
        List<Reply> answers = burst(i -> HttpRequest.newBuilder(URI.create(Stack.BASE + "/api/auth/token"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build());
        assertThrottled(answers, 401);
    }

    private static List<Reply> burst(java.util.function.IntFunction<HttpRequest> request) {
        List<CompletableFuture<Reply>> all = IntStream.range(0, BURST)
                .mapToObj(i -> Api.GATEWAY.http().sendAsync(request.apply(i), HttpResponse.BodyHandlers.ofString())
                        .thenApply(Reply::of))
                .toList();
        return all.stream().map(CompletableFuture::join).toList();
    }

    /** Some pass, the rest get 429 with Retry-After and a Vietnamese problem; nothing else. */
    private static void assertThrottled(List<Reply> answers, int normal) {
        List<Reply> throttled = answers.stream().filter(r -> r.status() == 429).toList();
        assertThat(answers).as("answers other than %d or 429", normal)
                .allMatch(r -> r.status() == normal || r.status() == 429);
        assertThat(answers).as("some requests of the burst pass").anyMatch(r -> r.status() == normal);
        assertThat(throttled).as("%d requests at once: some are refused", BURST).isNotEmpty();
        Reply one = throttled.getFirst();
        Api.assertVietnameseProblem(one, 429);
        assertThat(one.header("Retry-After")).as("Retry-After of %s", one).hasValueSatisfying(
                v -> assertThat(Long.parseLong(v)).isPositive());
    }
}
