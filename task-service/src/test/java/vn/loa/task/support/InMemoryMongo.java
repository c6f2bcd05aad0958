package vn.loa.task.support;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import java.net.InetSocketAddress;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * One in-process mongo-java-server per test JVM for the tests that exercise crediting without a broker; each test
 * takes a database of its own.
 */
public final class InMemoryMongo {

    private static MongoClient client;

    private InMemoryMongo() {
    }

    public static synchronized MongoTemplate database(String name) {
        if (client == null) {
            MongoServer server = new MongoServer(new vn.loa.testsupport.CopyingMemoryBackend());
            InetSocketAddress address = server.bind();
            client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
            Runtime.getRuntime().addShutdownHook(new Thread(server::shutdownNow));
        }
        return new MongoTemplate(client, name);
    }
}
