package vn.loa.channel.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import vn.loa.contracts.Topics;

/**
 * Turns {@code loa.channel.ids} (the ids of the app's {@link vn.loa.channel.Channel} beans, e.g. {@code portal}) into
 * the two Spring Cloud Stream bindings of the library, before the binder reads its configuration:
 * <ul>
 *   <li>{@code loaChannelRequests-in-0}: one consumer on every {@code channel.<id>.requests} topic (a comma-separated
 *       destination list), group = the application name, from the earliest offset (a request sent before the
 *       channel's first start is not lost);</li>
 *   <li>{@code loaChannelRetractions-in-0}: {@code content.item.events}, same group, for {@code ContentRetracted}.</li>
 * </ul>
 * The requests binding runs three consumers ({@code loa.consumers.hot-path-concurrency}) over the topics' partitions;
 * each takes at most 10 records per poll and may go 15 minutes between polls (a publication can take seconds; a
 * redelivery may wait for a lease). The function names are appended to any {@code spring.cloud.function.definition} the app has, and the library's
 * collection to {@code loa.outbox.collections}. Runs after the application's own configuration is loaded, so the
 * ids may come from application.yml, the command line or the environment ({@code LOA_CHANNEL_IDS}).
 */
public class ChannelBindings implements EnvironmentPostProcessor, Ordered {

    public static final String IDS = "loa.channel.ids";
    public static final String REQUESTS = "loaChannelRequests";
    public static final String RETRACTIONS = "loaChannelRetractions";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
        List<String> ids = ids(env);
        if (ids.isEmpty()) {
            return; // not a channel app (or a misconfigured one: ChannelAutoConfiguration says so at start-up)
        }
        Map<String, Object> p = new LinkedHashMap<>();
        String group = env.getProperty("spring.application.name", "channel");
        p.put("spring.cloud.function.definition", merge(env.getProperty("spring.cloud.function.definition"), ";",
                REQUESTS, RETRACTIONS));
        String requests = "spring.cloud.stream.bindings." + REQUESTS + "-in-0.";
        p.put(requests + "destination", String.join(",", ids.stream().map(Topics::channelRequests).toList()));
        p.put(requests + "group", group);
        p.put(requests + "content-type", "application/octet-stream");
        String retractions = "spring.cloud.stream.bindings." + RETRACTIONS + "-in-0.";
        p.put(retractions + "destination", Topics.CONTENT_EVENTS);
        p.put(retractions + "group", group);
        p.put(retractions + "content-type", "application/octet-stream");
        p.put("spring.cloud.stream.kafka.bindings." + REQUESTS + "-in-0.consumer.start-offset", "earliest");
        p.put("spring.cloud.stream.kafka.bindings." + RETRACTIONS + "-in-0.consumer.start-offset", "earliest");
        // a publication may take seconds (speech, uploads) and a redelivery may wait for a claim's lease: take few
        // records per poll and allow a long gap between polls, so the group does not evict a busy consumer
        String kafka = "spring.cloud.stream.kafka.bindings." + REQUESTS + "-in-0.consumer.configuration.";
        p.put(kafka + "max.poll.records", env.getProperty("loa.channel.max-poll-records", "10"));
        p.put(kafka + "max.poll.interval.ms", env.getProperty("loa.channel.max-poll-interval-ms", "900000"));
        // the hot path: three consumers of the six partitions, so one slow publication does not hold up the others
        // (a request is claimed in the ledger before it is published: at most one publish per request id)
        p.put(requests + "consumer.concurrency", env.getProperty("loa.consumers.hot-path-concurrency", "3"));
        p.put("loa.outbox.collections", merge(env.getProperty("loa.outbox.collections"), ",", RequestLedger.COLLECTION,
                EngagementOutbox.COLLECTION));
        env.getPropertySources().addFirst(new MapPropertySource("loa-channel-bindings", p));
    }

    static List<String> ids(ConfigurableEnvironment env) {
        String raw = env.getProperty(IDS, "");
        return Arrays.stream(raw.split(",")).map(String::trim).filter(s -> !s.isEmpty()).distinct().toList();
    }

    private static String merge(String existing, String separator, String... added) {
        Set<String> all = new LinkedHashSet<>();
        if (existing != null) {
            Arrays.stream(existing.split(separator)).map(String::trim).filter(s -> !s.isEmpty()).forEach(all::add);
        }
        all.addAll(new ArrayList<>(List.of(added)));
        return String.join(separator, all);
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
