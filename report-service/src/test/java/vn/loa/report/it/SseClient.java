package vn.loa.report.it;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import vn.loa.testsupport.ServerSentEvents;

/** Reads a Server-Sent Events stream line by line, noting when each event arrived (System.nanoTime). */
final class SseClient implements AutoCloseable {

    record Event(String id, String name, String data, long receivedAt) {
    }

    private final List<Event> events = new CopyOnWriteArrayList<>();
    private final CompletableFuture<HttpResponse<Stream<String>>> response;
    private volatile Stream<String> lines;
    volatile int status;

    SseClient(HttpClient http, HttpRequest request) {
        response = http.sendAsync(request, HttpResponse.BodyHandlers.ofLines());
        response.thenAccept(r -> {
            status = r.statusCode();
            lines = r.body();
            Thread.ofVirtual().start(() -> read(r.body()));
        });
    }

    void awaitOpen() throws Exception {
        status = response.get(30, TimeUnit.SECONDS).statusCode();
    }

    private void read(Stream<String> body) {
        try {
            ServerSentEvents.read(body.iterator(), () -> true,
                    e -> events.add(new Event(e.id(), e.name(), e.data(), System.nanoTime())));
        } catch (RuntimeException closed) {
            // the stream was closed by the test
        }
    }

    List<Event> events() {
        return new ArrayList<>(events);
    }

    /** The change events about a subject. */
    List<Event> about(String subject) {
        return events().stream().filter(e -> "change".equals(e.name()) && e.data().contains("\"" + subject + "\""))
                .toList();
    }

    @Override
    public void close() {
        response.cancel(true);
        Stream<String> l = lines;
        if (l != null) {
            l.close();
        }
    }
}
