package vn.loa.bench.chaos;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import vn.loa.testsupport.ServerSentEvents;

/**
 * The open live dashboards through the faults: one Server-Sent Events stream per demo commune, opened as its leader
 * through the gateway the way the web app opens it. When the stream ends (report-service or the gateway killed), it
 * reconnects by itself with the {@code Last-Event-ID} it last received, as a browser does. Each change is counted once
 * by its number (a resume may repeat one); the credits and withdrawals each task received are compared at the end
 * with what the ground truth implies, so a change lost across a reconnect is a mismatch.
 */
final class LiveWatch implements AutoCloseable {

    static final String CREDITED = "TaskCredited";
    static final String WITHDRAWN = "TaskCreditWithdrawn";

    /** One commune's open dashboard: its stream and what it received. */
    static final class Dashboard {
        final Commune commune;
        final Set<Long> seen = ConcurrentHashMap.newKeySet();
        /** task → credits and withdrawals announced for it. */
        final Map<String, AtomicLong> credited = new ConcurrentHashMap<>();
        final Map<String, AtomicLong> withdrawn = new ConcurrentHashMap<>();
        final AtomicLong connections = new AtomicLong();
        final AtomicLong resets = new AtomicLong();
        /** Answers other than 200 to a (re)connection, by status (0: no connection). */
        final Map<Integer, AtomicLong> refusals = new ConcurrentHashMap<>();
        volatile String lastEventId;
        volatile boolean open;
        volatile double closedSince = -1;
        volatile double longestClosedSeconds;
        volatile String lastProblem = "";

        Dashboard(Commune commune) {
            this.commune = commune;
        }

        long net(String task) {
            return count(credited, task) - count(withdrawn, task);
        }

        private static long count(Map<String, AtomicLong> m, String task) {
            AtomicLong n = m.get(task);
            return n == null ? 0 : n.get();
        }
    }

    private final Api api;
    private final Timeline timeline;
    private final String gateway;
    final Map<String, Dashboard> streams = new TreeMap<>();
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running = true;

    LiveWatch(Api api, Timeline timeline, String gateway) {
        this.api = api;
        this.timeline = timeline;
        this.gateway = gateway.replaceAll("/+$", "");
    }

    /** Opens every commune's stream; returns once each has been answered once (or after 60 s). */
    void open(List<Commune> communes) {
        for (Commune c : communes) {
            Dashboard s = new Dashboard(c);
            streams.put(c.code(), s);
            threads.add(Thread.ofVirtual().name("sse-" + c.code()).start(() -> follow(s)));
        }
        long until = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < until && streams.values().stream().anyMatch(s -> s.connections.get() == 0)) {
            Api.pause(200);
        }
    }

    private void follow(Dashboard s) {
        long backoff = 250;
        while (running) {
            String user = s.commune.leader();
            String token = null;
            try {
                token = api.token(user, Instant.now().plusSeconds(30));
                HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(gateway + "/api/dashboard/stream"))
                        .header("Authorization", "Bearer " + token).header("Accept", "text/event-stream").GET();
                if (s.lastEventId != null) {
                    b.header("Last-Event-ID", s.lastEventId);
                }
                HttpResponse<Stream<String>> r = api.client().http().send(b.build(),
                        HttpResponse.BodyHandlers.ofLines());
                if (r.statusCode() == 200) {
                    s.connections.incrementAndGet();
                    opened(s);
                    backoff = 250;
                    try (Stream<String> lines = r.body()) {
                        read(s, lines);
                    }
                    s.lastProblem = "the stream ended";
                } else {
                    if (r.statusCode() == 401) {
                        api.forget(user, token);
                    }
                    s.lastProblem = "HTTP " + r.statusCode();
                    s.refusals.computeIfAbsent(r.statusCode(), k -> new AtomicLong()).incrementAndGet();
                    r.body().close(); // nothing to read from a refusal
                }
            } catch (IOException | RuntimeException e) {
                s.lastProblem = e.toString();
                if (!s.open) { // a stream that breaks while open is a reconnection, not a refusal
                    s.refusals.computeIfAbsent(0, k -> new AtomicLong()).incrementAndGet();
                }
            } catch (InterruptedException e) {
                return;
            }
            closed(s);
            if (running) {
                Api.pause(backoff);
                backoff = Math.min(2000, backoff * 2);
            }
        }
    }

    private void opened(Dashboard s) {
        if (s.closedSince >= 0) {
            s.longestClosedSeconds = Math.max(s.longestClosedSeconds, timeline.now() - s.closedSince);
        }
        s.closedSince = -1;
        s.open = true;
    }

    private void closed(Dashboard s) {
        if (s.open) {
            s.closedSince = timeline.now();
        }
        s.open = false;
    }

    /** Reads events (id, event, data, then a blank line) until the stream ends or the suite stops. */
    private void read(Dashboard s, Stream<String> lines) {
        ServerSentEvents.read(lines.iterator(), () -> running, e -> dispatch(s, e.id(), e.name(), e.data()));
    }

    private void dispatch(Dashboard s, String id, String name, String data) {
        if ("reset".equals(name)) {
            s.resets.incrementAndGet(); // the log no longer holds what was missed: a lost change for this suite
            return;
        }
        JsonNode change = Api.JSON.readTree(data);
        long seq = change.path("id").asLong(-1); // the change's number, also the event's id
        if (id != null) {
            s.lastEventId = id;
        }
        if (seq < 0 || !s.seen.add(seq) || !"task".equals(change.path("area").asString())) {
            return;
        }
        String task = change.path("subject").asString();
        switch (change.path("cause").asString()) {
            case CREDITED -> {
                s.credited.computeIfAbsent(task, k -> new AtomicLong()).incrementAndGet();
                timeline.mark(Timeline.DASHBOARD_CREDITS);
            }
            case WITHDRAWN -> s.withdrawn.computeIfAbsent(task, k -> new AtomicLong()).incrementAndGet();
            default -> {
            }
        }
    }

    /** Per commune: connections, reconnections, resets, changes, the longest time without a stream. */
    Map<String, Object> figures() {
        Map<String, Object> out = new TreeMap<>();
        streams.forEach((code, s) -> {
            Map<String, Object> f = new TreeMap<>();
            f.put("connections", s.connections.get());
            f.put("resets", s.resets.get());
            f.put("changes", s.seen.size());
            f.put("credits", s.credited.values().stream().mapToLong(AtomicLong::get).sum());
            f.put("withdrawals", s.withdrawn.values().stream().mapToLong(AtomicLong::get).sum());
            f.put("longestWithoutStreamSeconds", Math.round(s.longestClosedSeconds * 10) / 10.0);
            f.put("openAtTheEnd", s.open);
            Map<Integer, Long> refused = new TreeMap<>();
            s.refusals.forEach((status, n) -> refused.put(status, n.get()));
            f.put("refusedReconnections", refused);
            out.put(code, f);
        });
        return out;
    }

    @Override
    public void close() {
        running = false;
        threads.forEach(Thread::interrupt);
    }
}
