package vn.loa.testsupport;

import java.util.Iterator;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Reads a Server-Sent Events stream (the live dashboard's) line by line, the one reader for the tests and the
 * benchmarks: {@code id:}, {@code event:} and {@code data:} lines up to a blank line make one event; comments
 * ({@code :ping}) and an event without data are passed over, as a browser's {@code EventSource} does.
 */
public final class ServerSentEvents {

    /** One event of the stream: its id and name (null when the server sent none) and its data lines joined. */
    public record Event(String id, String name, String data) {
    }

    private ServerSentEvents() {
    }

    /** Reads until the stream ends or {@code running} turns false, handing over each event as it completes. */
    public static void read(Iterator<String> lines, BooleanSupplier running, Consumer<Event> onEvent) {
        String id = null;
        String name = null;
        StringBuilder data = new StringBuilder();
        while (running.getAsBoolean() && lines.hasNext()) {
            String line = lines.next();
            if (line.isEmpty()) {
                if (!data.isEmpty()) {
                    onEvent.accept(new Event(id, name, data.toString()));
                }
                id = null;
                name = null;
                data.setLength(0);
            } else if (line.startsWith("id:")) {
                id = line.substring(3).strip();
            } else if (line.startsWith("event:")) {
                name = line.substring(6).strip();
            } else if (line.startsWith("data:")) {
                data.append(line.substring(5).strip());
            }
        }
    }
}
