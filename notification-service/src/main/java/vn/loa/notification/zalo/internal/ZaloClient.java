package vn.loa.notification.zalo.internal;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import tools.jackson.databind.JsonNode;

/**
 * Sends a text message to one follower of the Official Account: {@code POST {base}/v2.0/oa/message} with the header
 * {@code access_token} and {@code {"recipient":{"user_id":…},"message":{"text":…}}}; Zalo answers
 * {@code {"error":0,"message":"Success","data":{…}}}, any other {@code error} is a refusal.
 */
@Component
class ZaloClient {

    /** Zalo refused the message: its error code and message. */
    static final class Refused extends RuntimeException {

        private final int code;

        Refused(int code, String message) {
            super("Zalo OA từ chối tin nhắn (mã lỗi " + code + "): " + message);
            this.code = code;
        }

        int code() {
            return code;
        }

        /** The access token is invalid or expired (-216, -124): only a new token helps, trying again does not. */
        boolean tokenProblem() {
            return code == -216 || code == -124;
        }
    }

    private final ZaloSettings settings;
    private final RestClient http;

    ZaloClient(ZaloSettings settings) {
        this.settings = settings;
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build());
        factory.setReadTimeout(Duration.ofSeconds(10));
        this.http = RestClient.builder().requestFactory(factory).build();
    }

    /** Sends; returns Zalo's message id. */
    String send(String userId, String text) {
        String base = settings.baseUrl().endsWith("/") ? settings.baseUrl().substring(0, settings.baseUrl().length() - 1)
                : settings.baseUrl();
        JsonNode answer;
        try {
            answer = http.post().uri(base + "/v2.0/oa/message")
                    .header("access_token", settings.accessToken() == null ? "" : settings.accessToken())
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("recipient", Map.of("user_id", userId), "message", Map.of("text", text)))
                    .retrieve().body(JsonNode.class);
        } catch (RestClientException e) {
            throw new IllegalStateException("Zalo OA did not answer: " + e.getMessage(), e);
        }
        int error = answer == null ? -1 : answer.path("error").asInt(-1);
        if (error != 0) {
            throw new Refused(error, answer == null ? "(không có nội dung)" : answer.path("message").asString(""));
        }
        return answer.path("data").path("message_id").asString("");
    }
}
