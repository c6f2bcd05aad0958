package vn.loa.testsupport;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.bson.BsonDocument;

/** Counts the commands a client sends, by name ({@code find}, {@code insert}, {@code getMore}…), and keeps them. */
public final class CommandCounts implements CommandListener {

    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
    private final List<BsonDocument> sent = new CopyOnWriteArrayList<>();

    /** A client of the server at {@code uri} whose commands are counted here (the caller closes it). */
    public MongoClient client(String uri) {
        return MongoClients.create(MongoClientSettings.builder().applyConnectionString(new ConnectionString(uri))
                .addCommandListener(this).build());
    }

    @Override
    public void commandStarted(CommandStartedEvent event) {
        counts.computeIfAbsent(event.getCommandName(), c -> new AtomicInteger()).incrementAndGet();
        sent.add(event.getCommand().clone());
    }

    /** The commands of this name sent since the last {@link #clear}, as sent (a find's {@code filter}…). */
    public List<BsonDocument> sent(String command) {
        return sent.stream().filter(c -> c.getFirstKey().equals(command)).toList();
    }

    /** How many commands of this name were sent since the last {@link #clear}. */
    public int of(String command) {
        AtomicInteger n = counts.get(command);
        return n == null ? 0 : n.get();
    }

    public void clear() {
        counts.clear();
        sent.clear();
    }
}
