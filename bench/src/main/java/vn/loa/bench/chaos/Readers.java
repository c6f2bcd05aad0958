package vn.loa.bench.chaos;

import java.time.Instant;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BooleanSupplier;

/**
 * The people reading while others publish: at a steady rate, a commune leader opens the dashboard or this year's
 * report (in turn, commune by commune), through the gateway, retried like every request of the suite. A read that gets
 * no answer within a minute is counted as given up.
 */
final class Readers {

    private final Api api;
    private final Timeline timeline;
    private final double perSecond;
    final LongAdder done = new LongAdder();
    final LongAdder gaveUp = new LongAdder();

    Readers(Api api, Timeline timeline, double perSecond) {
        this.api = api;
        this.timeline = timeline;
        this.perSecond = perSecond;
    }

    /** Reads while {@code going} says so; each read on its own virtual thread, so a stuck one holds nothing up. */
    void run(BooleanSupplier going) {
        if (perSecond <= 0) {
            return;
        }
        Pace pace = new Pace(perSecond);
        int year = GroundTruth.today().getYear();
        for (int n = 0; going.getAsBoolean(); n++) {
            if (!pace.await(n)) {
                return;
            }
            Commune c = Commune.DEMO.get(n % Commune.DEMO.size());
            String path = (n / Commune.DEMO.size()) % 2 == 0 ? "/api/dashboard" : "/api/reports/" + year;
            Thread.ofVirtual().name("chaos-read-" + n).start(() -> {
                try {
                    api.get(path, c.leader(), Instant.now().plusSeconds(60)).expect(path + " of " + c.code());
                    done.increment();
                    timeline.mark(Timeline.READS);
                } catch (RuntimeException e) {
                    gaveUp.increment();
                    Faults.log("read " + path + " of " + c.code() + " failed: " + e.getMessage());
                }
            });
        }
    }
}
