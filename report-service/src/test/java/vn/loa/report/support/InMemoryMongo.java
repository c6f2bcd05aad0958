package vn.loa.report.support;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import java.net.InetSocketAddress;
import org.springframework.data.mongodb.core.MongoTemplate;
import vn.loa.testsupport.CommandCounts;

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

    /** Another client of the same server, whose commands {@code counts} counts (the caller closes it). */
    public MongoClient client(CommandCounts counts) {
        return counts.client("mongodb://127.0.0.1:" + server.getLocalAddress().getPort());
    }

    @Override
    public void close() {
        client.close();
        server.shutdownNow();
    }
}
