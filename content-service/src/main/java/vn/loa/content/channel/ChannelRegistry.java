package vn.loa.content.channel;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import vn.loa.contracts.Topics;
import vn.loa.contracts.channel.ChannelRegistered;
import vn.loa.platform.problem.InvalidInput;

/**
 * The channels that announced themselves on {@code channel.registry}: the last word of each, and when it was heard.
 * A channel is offered when its last word says healthy and was heard less than {@code loa.content.channels.fresh}
 * (90 s; channels announce every 30 s) ago. No channel is compiled in.
 */
@Component
public class ChannelRegistry {

    public static final String COLLECTION = "channels";

    private final MongoTemplate mongo;
    private final Clock clock;
    private final Duration fresh;

    public ChannelRegistry(MongoTemplate mongo, Clock clock, RegistrySettings settings) {
        this.mongo = mongo;
        this.clock = clock;
        this.fresh = settings.fresh();
    }

    /**
     * Keeps the announcement unless a newer one of the same channel is stored already (a replay of the compacted
     * topic, or an out-of-order duplicate, changes nothing).
     */
    public void heard(ChannelRegistered word) {
        Instant now = clock.instant();
        Instant lastSeen = word.announcedAt().isBefore(now.minus(fresh)) ? word.announcedAt() : now;
        Query notNewer = Query.query(Criteria.where("_id").is(word.channelId()).orOperator(
                Criteria.where("announcedAt").lte(word.announcedAt()),
                Criteria.where("announcedAt").exists(false)));
        Update update = new Update()
                .set("displayName", word.displayName())
                .set("acceptedKinds", word.acceptedKinds())
                .set("needsUrl", word.needsUrl())
                .set("healthy", word.healthy())
                .set("announcedAt", word.announcedAt())
                .set("lastSeen", lastSeen);
        if (mongo.updateFirst(notNewer, update, COLLECTION).getMatchedCount() == 0
                && find(word.channelId()).isEmpty()) {
            try {
                mongo.insert(new RegisteredChannel(word.channelId(), word.displayName(), word.acceptedKinds(),
                        word.needsUrl(), word.healthy(), word.announcedAt(), lastSeen), COLLECTION);
            } catch (org.springframework.dao.DuplicateKeyException raced) {
                heard(word);
            }
        }
    }

    public Optional<RegisteredChannel> find(String channelId) {
        return Optional.ofNullable(mongo.findById(channelId, RegisteredChannel.class, COLLECTION));
    }

    /** Registered channels whose last word is healthy and fresh, by id. */
    public List<RegisteredChannel> offered() {
        Instant since = clock.instant().minus(fresh);
        return mongo.find(Query.query(Criteria.where("healthy").is(true).and("lastSeen").gte(since)),
                RegisteredChannel.class, COLLECTION).stream()
                .sorted(Comparator.comparing(RegisteredChannel::id)).toList();
    }

    public boolean offered(RegisteredChannel channel) {
        return channel.healthy() && !channel.lastSeen().isBefore(clock.instant().minus(fresh));
    }

    /**
     * Checks channels chosen for an item of kind {@code kindCode}: each must be registered, healthy and accept the
     * kind; otherwise a Vietnamese 400 naming the channel.
     */
    public void requireUsable(List<String> channels, String kindCode, String kindLabel, String field) {
        for (String id : channels) {
            if (!Topics.isChannelId(id)) {
                throw new InvalidInput(field, "Mã kênh '" + id + "' không hợp lệ.");
            }
            RegisteredChannel channel = find(id).orElseThrow(() -> new InvalidInput(field,
                    "Kênh '" + id + "' chưa đăng ký với hệ thống, không thể chọn."));
            if (!offered(channel)) {
                throw new InvalidInput(field, "Kênh '" + channel.displayName() + "' (" + id
                        + ") hiện không hoạt động, chưa thể đăng. Vui lòng thử lại sau.");
            }
            if (!channel.accepts(kindCode)) {
                throw new InvalidInput(field, "Kênh '" + channel.displayName() + "' (" + id
                        + ") không nhận loại nội dung '" + kindLabel + "'.");
            }
        }
    }
}
