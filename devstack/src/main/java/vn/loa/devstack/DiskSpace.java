package vn.loa.devstack;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.UncheckedIOException;
import java.util.function.LongSupplier;

/**
 * The free space under the stand-in's files, as MongoDB's disk space monitor watches it: below {@code minFree} bytes
 * the stand-in refuses writes ({@code OutOfDiskSpace}) and holds its checkpoints, so a full disk never leaves a
 * write half done. Asked before every write, so the answer is kept for {@link #RECHECK_NANOS}.
 */
final class DiskSpace {

    /** How long an answer is kept: a filesystem query per write would cost more than the write. */
    static final long RECHECK_NANOS = 200_000_000L;

    private final LongSupplier usableBytes;
    private final long minFree;
    private volatile long checkedAt;
    private volatile long usable = Long.MAX_VALUE;

    DiskSpace(Path dir, long minFree) {
        this(usableSpace(dir), minFree);
    }

    /** Free space as {@code usableBytes} tells it (the tests). */
    DiskSpace(LongSupplier usableBytes, long minFree) {
        this.usableBytes = usableBytes;
        this.minFree = minFree;
        this.checkedAt = System.nanoTime() - RECHECK_NANOS;
    }

    private static LongSupplier usableSpace(Path dir) {
        FileStore store;
        try {
            store = Files.getFileStore(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return () -> {
            try {
                return store.getUsableSpace();
            } catch (IOException e) {
                return 0; // a filesystem that cannot say is not one to write to
            }
        };
    }

    /** True when less than the minimum is free (as of at most {@link #RECHECK_NANOS} ago). */
    boolean low() {
        if (System.nanoTime() - checkedAt >= RECHECK_NANOS) {
            return lowNow();
        }
        return usable < minFree;
    }

    /** Asks the filesystem now. */
    boolean lowNow() {
        usable = usableBytes.getAsLong();
        checkedAt = System.nanoTime();
        return usable < minFree;
    }

    long usable() {
        return usable;
    }

    long minFree() {
        return minFree;
    }
}
