package vn.loa.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import de.bwaldvogel.mongo.bson.Document;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The journal's group commit: many writers recording and flushing at once, each flush returning once its own records
 * are written (by itself or by a write under way), leave every record in the journal exactly once and each writer's
 * records in the order it made them, across a new segment started meanwhile.
 */
class JournalGroupCommitTest {

    private static final int WRITERS = 8;
    private static final int CHANGES = 500;

    @TempDir
    Path dir;

    @Test
    void everyRecordOfManyWritersIsWrittenOnceAndInEachWritersOrder() throws Exception {
        Journal journal = new Journal(dir, false, 1);
        ExecutorService threads = Executors.newFixedThreadPool(WRITERS + 1);
        List<Future<?>> writers = new ArrayList<>();
        AtomicInteger flushed = new AtomicInteger();
        for (int w = 0; w < WRITERS; w++) {
            int writer = w;
            writers.add(threads.submit(() -> {
                for (int n = 0; n < CHANGES; n++) {
                    journal.put("loa", "items", new Document("_id", writer + "-" + n).append("writer", writer)
                            .append("n", n));
                    journal.flush();
                    flushed.incrementAndGet();
                }
            }));
        }
        Future<?> segments = threads.submit(() -> {
            for (int i = 1; i <= 5; i++) {
                // as the checkpoints do, beside the writers: a new segment after each sixth of their records
                int written = i * WRITERS * CHANGES / 6;
                await().atMost(Duration.ofSeconds(30)).until(() -> flushed.get() >= written);
                journal.startSegment();
            }
            return null;
        });
        for (Future<?> f : writers) {
            f.get();
        }
        segments.get();
        threads.shutdown();
        journal.close();

        assertThat(Journal.segments(dir)).as("the first segment and the five started beside the writers").hasSize(6);
        Map<Integer, List<Integer>> byWriter = new HashMap<>();
        long records = Journal.read(Journal.segments(dir), c -> byWriter
                .computeIfAbsent(((Number) c.document().get("writer")).intValue(), w -> new ArrayList<>())
                .add(((Number) c.document().get("n")).intValue()));
        assertThat(records).isEqualTo((long) WRITERS * CHANGES);
        assertThat(byWriter).hasSize(WRITERS);
        for (List<Integer> changes : byWriter.values()) {
            assertThat(changes).hasSize(CHANGES).isSorted();
        }
    }
}
