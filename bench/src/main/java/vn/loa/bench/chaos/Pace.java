package vn.loa.bench.chaos;

import java.util.concurrent.TimeUnit;

/** A steady rate kept by the clock: the n-th turn comes n / rate seconds after the start, however long turns take. */
final class Pace {

    private final long start = System.nanoTime();
    private final long every;

    Pace(double perSecond) {
        this.every = Math.round(1e9 / perSecond);
    }

    /** Waits for the n-th turn; false when interrupted. */
    boolean await(int n) {
        long wait = start + n * every - System.nanoTime();
        if (wait > 0) {
            try {
                TimeUnit.NANOSECONDS.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }
}
