package vn.loa.channel.it;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import vn.loa.channel.Channel;
import vn.loa.channel.ChannelInfo;
import vn.loa.channel.ChannelUnavailable;
import vn.loa.channel.Outcome;
import vn.loa.channel.PublicationPending;
import vn.loa.channel.PublicationRefused;
import vn.loa.contracts.channel.PublicationRequested;

/** A channel app as docs/new-channel.md describes it: a main class and one bean. */
@SpringBootApplication
public class EchoChannelApp {

    @Bean
    EchoChannel echoChannel() {
        return new EchoChannel();
    }

    /** Publishes by remembering; the title steers failures. Counts every call, per request and per item. */
    public static class EchoChannel implements Channel {

        final Map<String, AtomicInteger> publishes = new ConcurrentHashMap<>();
        final Map<String, AtomicInteger> retracts = new ConcurrentHashMap<>();
        final AtomicBoolean healthy = new AtomicBoolean(true);

        @Override
        public ChannelInfo info() {
            return new ChannelInfo("echo", "Kênh thử nghiệm", List.of("news", "Article"), false);
        }

        @Override
        public Outcome publish(PublicationRequested r) {
            publishes.computeIfAbsent(r.requestId(), k -> new AtomicInteger()).incrementAndGet();
            return switch (r.title()) {
                case "refuse" -> throw new PublicationRefused("Bài không có nội dung để đăng.");
                case "later" -> throw new ChannelUnavailable("Máy chủ kênh đang bảo trì, hãy thử lại sau.");
                case "boom" -> throw new IllegalStateException("bug");
                case "wait" -> throw new PublicationPending("Chờ cán bộ xác nhận đường dẫn bài đã đăng.");
                default -> Outcome.at("https://echo.example/" + r.tenantId() + "/" + r.itemId())
                        .withExternalId("ext-" + r.itemId());
            };
        }

        @Override
        public void retract(String tenantId, String itemId) {
            retracts.computeIfAbsent(tenantId + "/" + itemId, k -> new AtomicInteger()).incrementAndGet();
        }

        @Override
        public boolean healthy() {
            return healthy.get();
        }

        int publishCount(String requestId) {
            AtomicInteger n = publishes.get(requestId);
            return n == null ? 0 : n.get();
        }

        int retractCount(String tenant, String item) {
            AtomicInteger n = retracts.get(tenant + "/" + item);
            return n == null ? 0 : n.get();
        }
    }
}
