package vn.loa.testsupport;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Counts the commands a client sends, by name ({@code find}, {@code insert}, {@code getMore}…). */
public final class CommandCounts implements CommandListener {

    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();

    /** A client of the server at {@code uri} whose commands are counted here (the caller closes it). */
    public MongoClient client(String uri) {
        return MongoClients.create(MongoClientSettings.builder().applyConnectionString(new ConnectionString(uri))
                .addCommandListener(this).build());
    }

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
