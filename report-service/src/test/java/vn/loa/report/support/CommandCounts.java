package vn.loa.report.support;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Counts the commands a client sends, by name ({@code find}, {@code insert}, {@code findAndModify}…). */
public final class CommandCounts implements CommandListener {

    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();

    @Override
    public void commandStarted(CommandStartedEvent event) {
        counts.computeIfAbsent(event.getCommandName(), c -> new AtomicInteger()).incrementAndGet();
    }

    /** How many commands of this name were sent since the last {@link #clear}. */
    public int of(String command) {
        AtomicInteger n = counts.get(command);
        return n == null ? 0 : n.get();
    }

    public void clear() {
        counts.clear();
    }
}
