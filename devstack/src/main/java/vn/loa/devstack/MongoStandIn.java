package vn.loa.devstack;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded default's database: {@code mongo-java-server}, a MongoDB wire-protocol server, with its H2 (MVStore)
 * backend so data survives restarts: documents as BSON in {@code <data-dir>/loa-bson.mv} ({@link StandInStore}). Usage: {@code MongoStandIn <data-dir> <port>}. Loa's services know only the
 * MongoDB driver; pointing them at a real MongoDB is only configuration.
 *
 * <p>Writes are durable like a journaled {@code mongod}'s: each is in the journal file before it is acknowledged and
 * the store is committed at checkpoints ({@link DurableH2Backend}, {@link Journal}; {@code -Dloa.mongo.checkpoint=1s}),
 * so a stand-in killed with SIGKILL loses nothing it acknowledged (the fault suite, {@code ./loa chaos}, kills it).
 * {@code -Dloa.mongo.durable=false} leaves commits to MVStore (in the background every second) with no journal;
 * {@code -Dloa.mongo.fsync=true} also forces each journal write to the disk.
 *
 * <p>It listens on loopback; {@code -Dloa.mongo.bind=0.0.0.0} listens on every address (the stand-in's container image
 * for docker compose on hosts without a registry, deploy/images/mongo-standin).
 */
public final class MongoStandIn {

    private static final Logger log = LoggerFactory.getLogger(MongoStandIn.class);

    /** Threads that serve connections ({@code -Dloa.mongo.threads}). */
    static final int WORKERS = Integer.getInteger("loa.mongo.threads", 16);

    private MongoStandIn() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        Path dir = Path.of(args.length > 0 ? args[0] : "data/mongo").toAbsolutePath();
        int port = args.length > 1 ? Integer.parseInt(args[1]) : 27027;
        Files.createDirectories(dir);
        boolean durable = !"false".equalsIgnoreCase(System.getProperty("loa.mongo.durable", "true"));
        boolean fsync = Boolean.getBoolean("loa.mongo.fsync");
        String address = System.getProperty("loa.mongo.bind", "127.0.0.1");
        Duration checkpoint = Duration.parse("PT" + System.getProperty("loa.mongo.checkpoint", "1s"));
        H2Backend backend = new DurableH2Backend(StandInStore.open(dir), durable, fsync, checkpoint);
        MongoServer server = new MongoServer(backend);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.shutdown();
            stopped.countDown();
        }, "mongo-shutdown"));
        try {
            // one event-loop thread serves a connection's commands from start to reply, commit included: with
            // netty's default (two per core) a command waiting for a collection or the store's commit held up every
            // other connection of its thread, in a stack of a dozen services with a pool each
            server.bind(new InetSocketAddress(address, port), 1, WORKERS);
        } catch (RuntimeException e) {
            server.shutdownNow();
            throw e;
        }
        log.info("mongo-java-server (H2 backend, {}, {}) listening on {}:{}", dir,
                durable ? (fsync ? "durable: journal + fsync" : "durable: journal") + " before each acknowledgement, "
                        + "checkpoint every " + checkpoint.toMillis() + " ms" : "commits every second", address, port);
        stopped.await();
    }
}
