package vn.loa.platform.database;

import com.mongodb.MongoException;
import com.mongodb.MongoNodeIsRecoveringException;
import com.mongodb.MongoNotPrimaryException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import java.util.Set;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;

/**
 * Which database failures pass by themselves: the database unreachable or restarting, a primary stepping down, the
 * disk full. A request that meets one gets a 503 to send again ({@code ProblemAdvice}); an event that meets one is
 * tried again until the database is back, never sent to the dead letters ({@code ConsumerRetry}). Spring Data
 * translates some of them ({@link DataAccessResourceFailureException}); code that uses the driver directly sees the
 * driver's own, so both are recognised, anywhere in the chain of causes.
 */
public final class DatabaseFailures {

    /** MongoDB's {@code OutOfDiskSpace}: writes refused while the disk is (nearly) full. */
    public static final int OUT_OF_DISK_SPACE = 14031;

    /**
     * MongoDB error codes that mean "not now": host unreachable or not found (6, 7), network timeout (89), shutdown
     * in progress (91, 11600), interrupted at shutdown (11602), not primary (10107, 13435), node recovering (13436),
     * primary stepped down (189), exceeded time limit (262) and out of disk space.
     */
    private static final Set<Integer> PASSING_CODES = Set.of(6, 7, 89, 91, 189, 262, 10107, 11600, 11602, 13435, 13436,
            OUT_OF_DISK_SPACE);

    private DatabaseFailures() {
    }

    /** True when {@code failure} or one of its causes is a database failure that passes by itself. */
    public static boolean isPassing(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DataAccessResourceFailureException || t instanceof TransientDataAccessException
                    || t instanceof MongoSocketException || t instanceof MongoTimeoutException
                    || t instanceof MongoNotPrimaryException || t instanceof MongoNodeIsRecoveringException) {
                return true;
            }
            if (t instanceof MongoException m && PASSING_CODES.contains(m.getCode())) {
                return true;
            }
        }
        return false;
    }

    /** True when {@code failure} or one of its causes is the database refusing a write because its disk is full. */
    public static boolean isDiskFull(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof MongoException m && m.getCode() == OUT_OF_DISK_SPACE) {
                return true;
            }
        }
        return false;
    }
}
