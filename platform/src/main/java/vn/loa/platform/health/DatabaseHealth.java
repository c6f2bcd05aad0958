package vn.loa.platform.health;

import org.bson.Document;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The database's health by {@code ping}, which every MongoDB-compatible server answers. Boot's own Mongo indicator
 * sends {@code hello}, which mongo-java-server (the embedded default) does not know, and would report the service
 * DOWN while it works. The platform registers it under Boot's bean name, so it shows as "mongo".
 */
public class DatabaseHealth extends AbstractHealthIndicator {

    private final MongoTemplate mongo;

    public DatabaseHealth(MongoTemplate mongo) {
        super("MongoDB không trả lời lệnh ping");
        this.mongo = mongo;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        Document answer = mongo.executeCommand(new Document("ping", 1));
        builder.up().withDetail("database", mongo.getDb().getName()).withDetail("ok", answer.get("ok"));
    }
}
