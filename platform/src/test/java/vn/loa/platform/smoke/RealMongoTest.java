package vn.loa.platform.smoke;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import vn.loa.testsupport.LoaInfrastructure;
import vn.loa.testsupport.RequiresDocker;

/**
 * What only the real {@code mongo} image shows: the test database is a replica set (as production's must be), and
 * it answers {@code hello}, which the embedded stand-in does not. Skipped, with the reason, without Docker.
 */
@RequiresDocker(LoaInfrastructure.Part.MONGO)
class RealMongoTest {

    @Test
    void theContainerIsAReplicaSetThatAnswersHello() {
        try (MongoClient client = MongoClients.create(LoaInfrastructure.endpoints().mongoUri())) {
            Document hello = client.getDatabase("admin").runCommand(new Document("hello", 1));
            assertThat(hello.getString("setName")).isNotBlank();
            assertThat(hello.getBoolean("isWritablePrimary")).isTrue();
        }
    }
}
