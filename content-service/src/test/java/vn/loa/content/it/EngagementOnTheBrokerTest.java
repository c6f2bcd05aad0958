package vn.loa.content.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import vn.loa.contracts.Topics;
import vn.loa.contracts.channel.EngagementBasis;
import vn.loa.contracts.channel.PublicationEngaged;
import vn.loa.contracts.channel.PublicationEngaged.Figures;
import vn.loa.testsupport.EventSchemas;
import vn.loa.testsupport.TestBroker;

/**
 * Engagement through content-service on the broker: an operator's reading leaves through the outbox as a valid
 * running total and comes back as the item's figures; channel windows sent twice and out of order count once.
 */
class EngagementOnTheBrokerTest extends IntegrationTest {

    @Test
    void anOperatorsReadingTravelsAndTheItemShowsItsFiguresPerChannel() throws Exception {
        String id = approved(COMMUNE, List.of());
        http.perform(as(json(post("/api/contents/" + id + "/publications"),
                        "{\"channel\": \"facebook\", \"url\": \"https://facebook.com/ubnd/posts/7\","
                                + " \"publishedAt\": \"02/09/2025 08:15\"}"), COMMUNE, "w", "EDITOR"))
                .andExpect(status().isCreated());

        String answer = http.perform(as(json(post("/api/contents/" + id + "/engagement"),
                        "{\"channel\": \"facebook\", \"reach\": 1250, \"reactions\": 86, \"shares\": 14,"
                                + " \"asOf\": \"04/09/2025\"}"), COMMUNE, "u-van-hoa", "EDITOR"))
                .andExpect(status().isAccepted()).andReturn().getResponse().getContentAsString();
        String eventId = JsonPath.read(answer, "$.eventId");
        // the same reading sent again (a double click) is the same event, sent once
        http.perform(as(json(post("/api/contents/" + id + "/engagement"),
                        "{\"channel\": \"facebook\", \"reach\": 1250, \"reactions\": 86, \"shares\": 14,"
                                + " \"asOf\": \"04/09/2025\"}"), COMMUNE, "u-van-hoa", "EDITOR"))
                .andExpect(status().isAccepted());

        ConsumerRecord<String, byte[]> sent = eventually().until(() -> broker.readAll(Topics.ENGAGEMENT_EVENTS)
                .stream().filter(r -> id.equals(r.key())).toList(), l -> !l.isEmpty()).getFirst();
        assertThat(EventSchemas.violations(TestBroker.type(sent), sent.value())).isEmpty();
        assertThat(TestBroker.header(sent, "ce_id")).isEqualTo(eventId);
        PublicationEngaged reading = (PublicationEngaged) broker.decode(sent);
        assertThat(reading.basis()).isEqualTo(EngagementBasis.RUNNING_TOTAL);
        assertThat(reading.counter()).isEqualTo("manual:u-van-hoa");

        eventually().until(() -> JsonPath.<List<Integer>>read(item(id, COMMUNE),
                "$.engagement[?(@.channel == 'facebook')].reach"), r -> r.equals(List.of(1250)));
        assertThat(broker.readAll(Topics.ENGAGEMENT_EVENTS).stream().filter(r -> id.equals(r.key())))
                .as("one event for two identical readings").hasSize(1);
        Map<String, Object> facebook = JsonPath.<List<Map<String, Object>>>read(item(id, COMMUNE),
                "$.engagement[?(@.channel == 'facebook')]").getFirst();
        assertThat(facebook).containsEntry("reactions", 86).containsEntry("shares", 14)
                .containsEntry("asOf", "2025-09-04T23:59:59+07:00");
    }

    @Test
    void windowsSentTwiceAndOutOfOrderCountOnceAndStayWithTheirTenant() throws Exception {
        String id = approved(COMMUNE, List.of());
        Instant nine = Instant.parse("2025-09-02T02:00:00Z");
        PublicationEngaged first = new PublicationEngaged(COMMUNE, id, "portal", null, "portal-a",
                EngagementBasis.COUNTED_IN_WINDOW, nine, nine.plusSeconds(10), new Figures(3, 0, 0, 0, 0, 0, 0));
        PublicationEngaged second = new PublicationEngaged(COMMUNE, id, "portal", null, "portal-a",
                EngagementBasis.COUNTED_IN_WINDOW, nine.plusSeconds(10), nine.plusSeconds(20),
                new Figures(4, 0, 0, 0, 0, 0, 0));
        PublicationEngaged elsewhere = new PublicationEngaged(NEIGHBOUR, id, "portal", null, "portal-a",
                EngagementBasis.COUNTED_IN_WINDOW, nine, nine.plusSeconds(10), new Figures(40, 0, 0, 0, 0, 0, 0));
        broker.send(second);
        broker.send(first);
        broker.send(second);
        broker.send(elsewhere);
        broker.send(first);

        eventually().until(() -> broker.caughtUp(GROUP, Topics.ENGAGEMENT_EVENTS));
        List<Integer> views = JsonPath.read(item(id, COMMUNE), "$.engagement[?(@.channel == 'portal')].views");
        assertThat(views).containsExactly(7);
    }
}
