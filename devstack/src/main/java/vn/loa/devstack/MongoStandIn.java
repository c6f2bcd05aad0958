package vn.loa.devstack;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded default's database: {@code mongo-java-server}, a MongoDB wire-protocol server, with its H2 (MVStore)
 * backend so data survives restarts. Usage: {@code MongoStandIn <data-dir> <port>}. Loa's services know only the
 * MongoDB driver; pointing them at a real MongoDB is only configuration.
 */
public final class MongoStandIn {

    private static final Logger log = LoggerFactory.getLogger(MongoStandIn.class);

    private MongoStandIn() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        Path dir = Path.of(args.length > 0 ? args[0] : "data/mongo").toAbsolutePath();
        int port = args.length > 1 ? Integer.parseInt(args[1]) : 27027;
        Files.createDirectories(dir);
        H2Backend backend = new H2Backend(dir.resolve("loa.mv").toString());
        MongoServer server = new MongoServer(backend);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.shutdown();
            stopped.countDown();
        }, "mongo-shutdown"));
        try {
            server.bind("127.0.0.1", port);
        } catch (RuntimeException e) {
            server.shutdownNow();
            throw e;
        }
        log.info("mongo-java-server (H2 backend, {}) listening on 127.0.0.1:{}", dir, port);
        stopped.await();
    }
}
