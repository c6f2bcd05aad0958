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
 * backend so data survives restarts: documents as BSON in {@code <data-dir>/loa-bson.mv} ({@link StandInStore}). Usage: {@code MongoStandIn <data-dir> <port>}. Loa's services know only the
 * MongoDB driver; pointing them at a real MongoDB is only configuration.
 *
 * <p>Writes are durable like a journaled {@code mongod}'s: each is committed to the file before it is acknowledged
 * ({@link DurableH2Backend}), so a stand-in killed with SIGKILL loses nothing it acknowledged (the fault suite,
 * {@code ./loa chaos}, kills it). {@code -Dloa.mongo.durable=false} leaves commits to MVStore (in the
 * background every second); {@code -Dloa.mongo.fsync=true} also forces each commit to the disk.
 *
 * <p>It listens on loopback; {@code -Dloa.mongo.bind=0.0.0.0} listens on every address (the stand-in's container image
 * for docker compose on hosts without a registry, deploy/images/mongo-standin).
 */
public final class MongoStandIn {

    private static final Logger log = LoggerFactory.getLogger(MongoStandIn.class);

    private MongoStandIn() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        Path dir = Path.of(args.length > 0 ? args[0] : "data/mongo").toAbsolutePath();
        int port = args.length > 1 ? Integer.parseInt(args[1]) : 27027;
        Files.createDirectories(dir);
        boolean durable = !"false".equalsIgnoreCase(System.getProperty("loa.mongo.durable", "true"));
        boolean fsync = Boolean.getBoolean("loa.mongo.fsync");
        String address = System.getProperty("loa.mongo.bind", "127.0.0.1");
        H2Backend backend = new DurableH2Backend(StandInStore.open(dir), durable, fsync);
        MongoServer server = new MongoServer(backend);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.shutdown();
            stopped.countDown();
        }, "mongo-shutdown"));
        try {
            server.bind(address, port);
        } catch (RuntimeException e) {
            server.shutdownNow();
            throw e;
        }
        log.info("mongo-java-server (H2 backend, {}, {}) listening on {}:{}", dir,
                durable ? fsync ? "durable: commit + fsync before each acknowledgement"
                        : "durable: commit before each acknowledgement" : "commits every second", address, port);
        stopped.await();
    }
}
