package vn.loa.report.support;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.event.CommandListener;
import de.bwaldvogel.mongo.MongoServer;
import java.net.InetSocketAddress;
import org.springframework.data.mongodb.core.MongoTemplate;

/** mongo-java-server in this JVM, for projection tests without Spring and for the benchmark. */
public final class InMemoryMongo implements AutoCloseable {

    private final MongoServer server = new MongoServer(new vn.loa.testsupport.CopyingMemoryBackend());
    private final MongoClient client;

    public InMemoryMongo() {
        server.bind("127.0.0.1", 0);
        InetSocketAddress address = server.getLocalAddress();
        client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort());
    }

    public MongoTemplate template(String database) {
        return new MongoTemplate(client, database);
    }

    public MongoClient client() {
        return client;
    }

    /** Another client of the same server, telling {@code listener} each command it sends (the caller closes it). */
    public MongoClient client(CommandListener listener) {
        InetSocketAddress address = server.getLocalAddress();
        return MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString("mongodb://127.0.0.1:" + address.getPort()))
                .addCommandListener(listener).build());
    }

    @Override
    public void close() {
        client.close();
        server.shutdownNow();
    }
}
