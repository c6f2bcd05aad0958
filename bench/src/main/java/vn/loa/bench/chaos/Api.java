package vn.loa.bench.chaos;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.loa.client.GatewayClient;
import vn.loa.client.GatewayClient.Reply;

/**
 * The fault suite's HTTP, through the gateway with real Keycloak tokens (fetched from Keycloak directly: the gateway's
 * token endpoint is rate-limited per address). A request is sent again, until its deadline, when it could not have
 * been answered by the application: a connection error or timeout, 429 (after Retry-After), 500, 502, 503, 504, or 401
 * (with a fresh token). The answer it returns is therefore one the application gave; a POST whose first answer was
 * lost may have been applied already — every caller decides from the item's observed state (a repeated transition
 * answers 409), never from having sent the request.
 */
final class Api {

    static final JsonMapper JSON = GatewayClient.JSON;
    static final String PASSWORD = "demo";

    private final GatewayClient client;
    private final String keycloak;
    private final Map<String, String> tokens = new ConcurrentHashMap<>();
    private final Map<String, ReentrantLock> fetching = new ConcurrentHashMap<>();
    private final AtomicInteger tokenRefusalsLogged = new AtomicInteger();
    private final Duration timeout;

    final LongAdder requests = new LongAdder();
    final LongAdder retried = new LongAdder();
    /** Retries by reason: "connection", "429", "503"… */
    final Map<String, AtomicLong> retriesByReason = new ConcurrentSkipListMap<>();
    /** Requests sent and not answered yet (retries of one request count once). */
    final AtomicInteger inFlight = new AtomicInteger();
    /** The first answers of 500 (a 500 is a fault of Loa, not of the part killed): method, path and body. */
    final List<String> serverErrors = new CopyOnWriteArrayList<>();
    private final Timeline timeline;

    Api(String gateway, String keycloak, Duration timeout, Timeline timeline) {
        this.client = new GatewayClient(gateway, Duration.ofSeconds(3));
        this.keycloak = keycloak.replaceAll("/+$", "");
        this.timeout = timeout;
        this.timeline = timeline;
    }

    GatewayClient client() {
        return client;
    }

    /** The request could not be answered before its deadline. */
    static final class GaveUp extends RuntimeException {
        GaveUp(String message) {
            super(message);
        }
    }

    Reply get(String path, String user, Instant deadline) {
        return send("GET", path, user, null, deadline);
    }

    Reply post(String path, String user, Object body, Instant deadline) {
        return send("POST", path, user, body, deadline);
    }

    /** Sends until the application answers (2xx, or a 4xx other than 401/429) or the deadline passes. */
    Reply send(String method, String path, String user, Object body, Instant deadline) {
        inFlight.incrementAndGet();
        try {
            Reply r = sendUntilAnswered(method, path, user, body, deadline);
            timeline.mark(Timeline.ANSWERED);
            return r;
        } catch (GaveUp e) {
            timeline.mark(Timeline.GAVE_UP);
            throw e;
        } finally {
            inFlight.decrementAndGet();
        }
    }

    private Reply sendUntilAnswered(String method, String path, String user, Object body, Instant deadline) {
        long backoff = 200;
        String last = "nothing";
        while (Instant.now().isBefore(deadline)) {
            String token = token(user, deadline);
            HttpRequest request = client.request(method, path, token, body, Map.of("Accept", "application/json"),
                    timeout);
            requests.increment();
            long sleep;
            try {
                Reply r = client.send(request);
                int s = r.status();
                if (s == 401) {
                    tokens.remove(user, token);
                    retry("401");
                    last = "401";
                    continue;
                }
                if (s == 429) {
                    retry("429");
                    last = "429";
                    sleep = Math.min(2000, 1000L * r.retryAfterSeconds());
                } else if (s == 500 || s == 502 || s == 503 || s == 504) {
                    retry(Integer.toString(s));
                    if (s == 500 && serverErrors.size() < 20) {
                        serverErrors.add(String.format("%.0f s: %s %s: %s", timeline.now(), method, path,
                                GatewayClient.abbreviate(r.body())));
                    }
                    last = s + " " + GatewayClient.abbreviate(r.body());
                    sleep = backoff;
                } else {
                    return r;
                }
            } catch (IOException e) {
                retry("connection");
                last = e.toString();
                sleep = backoff;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new GaveUp("interrupted");
            }
            backoff = Math.min(2000, backoff * 2);
            pause(sleep);
        }
        throw new GaveUp(method + " " + path + " as " + user + ": no answer before the deadline (last: " + last + ")");
    }

    /**
     * A token for a demo user (password grant on Keycloak, client loa-web), kept until a 401. One fetch per user at a
     * time: the workers that need the same user's token wait for it instead of all asking Keycloak at once.
     */
    String token(String user, Instant deadline) {
        String t = tokens.get(user);
        if (t != null) {
            return t;
        }
        ReentrantLock lock = fetching.computeIfAbsent(user, k -> new ReentrantLock());
        lock.lock();
        try {
            t = tokens.get(user);
            return t != null ? t : fetchToken(user, deadline);
        } finally {
            lock.unlock();
        }
    }

    private String fetchToken(String user, Instant deadline) {
        String t;
        GatewayClient.Form form = new GatewayClient.Form(Map.of("grant_type", "password", "client_id", "loa-web",
                "username", user, "password", PASSWORD));
        String last = "nothing";
        while (Instant.now().isBefore(deadline)) {
            try {
                requests.increment();
                Reply r = client.send(client.request("POST", keycloak + "/realms/loa/protocol/openid-connect/token",
                        null, form, Map.of(), timeout));
                if (r.status() == 200) {
                    t = r.json().path("access_token").asString();
                    tokens.put(user, t);
                    return t;
                }
                last = r.toString();
            } catch (IOException e) {
                last = e.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new GaveUp("interrupted");
            }
            retry("token");
            if (tokenRefusalsLogged.incrementAndGet() <= 10) {
                Faults.log("no token for " + user + " yet: " + GatewayClient.abbreviate(last));
            }
            pause(500);
        }
        throw new GaveUp("no token for " + user + " (last: " + last + ")");
    }

    /** Forgets a user's token that was refused (the next request fetches a new one). */
    void forget(String user, String token) {
        tokens.remove(user, token);
    }

    private void retry(String reason) {
        timeline.mark(Timeline.RETRIED);
        timeline.mark(Timeline.RETRIED + " " + reason);
        retried.increment();
        retriesByReason.computeIfAbsent(reason, k -> new AtomicLong()).incrementAndGet();
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GaveUp("interrupted");
        }
    }

    /** An instant as the services write it: ISO with offset or Z, or epoch seconds (with fraction). */
    static Instant instant(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isNumber()) {
            double seconds = node.asDouble();
            return Instant.ofEpochSecond((long) Math.floor(seconds), Math.round((seconds % 1) * 1e9));
        }
        String text = node.asString();
        return text.endsWith("Z") ? Instant.parse(text) : OffsetDateTime.parse(text).toInstant();
    }

    static String query(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
