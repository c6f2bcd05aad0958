package vn.loa.devstack;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * A real, single-node Apache Kafka broker in KRaft mode (broker and controller in one process), for the embedded
 * default. Usage: {@code KafkaBroker <data-dir> <port> <controller-port>}. Formats the storage on first start,
 * keeps its data across restarts.
 */
public final class KafkaBroker {

    private KafkaBroker() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "data/kafka").toAbsolutePath();
        int port = args.length > 1 ? Integer.parseInt(args[1]) : 19092;
        int controllerPort = args.length > 2 ? Integer.parseInt(args[2]) : 19093;
        Path logs = dir.resolve("logs");
        Files.createDirectories(logs);

        Properties p = new Properties();
        p.setProperty("process.roles", "broker,controller");
        p.setProperty("node.id", "1");
        p.setProperty("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        p.setProperty("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.setProperty("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        p.setProperty("controller.listener.names", "CONTROLLER");
        p.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.setProperty("inter.broker.listener.name", "PLAINTEXT");
        p.setProperty("log.dirs", logs.toString());
        p.setProperty("num.partitions", "6");
        p.setProperty("offsets.topic.replication.factor", "1");
        p.setProperty("offsets.topic.num.partitions", "6");
        p.setProperty("transaction.state.log.replication.factor", "1");
        p.setProperty("transaction.state.log.min.isr", "1");
        p.setProperty("share.coordinator.state.topic.replication.factor", "1");
        p.setProperty("share.coordinator.state.topic.min.isr", "1");
        p.setProperty("group.initial.rebalance.delay.ms", "0");
        p.setProperty("auto.create.topics.enable", "true");
        // Keep a week of events: dashboards can be rebuilt by replaying (see docs/operations.md).
        p.setProperty("log.retention.hours", "168");
        Path config = dir.resolve("server.properties");
        try (OutputStream out = Files.newOutputStream(config)) {
            p.store(out, "Written by Loa's devstack at each start");
        }

        if (!Files.exists(logs.resolve("meta.properties"))) {
            format(config, org.apache.kafka.common.Uuid.randomUuid().toString());
        }
        kafka.Kafka.main(new String[] {config.toString()});
    }

    private static void format(Path config, String clusterId) {
        int status = kafka.tools.StorageTool.execute(
                new String[] {"format", "-t", clusterId, "-c", config.toString(), "--ignore-formatted"},
                System.out);
        if (status != 0) {
            throw new IllegalStateException("kafka-storage format failed with status " + status);
        }
    }
}
