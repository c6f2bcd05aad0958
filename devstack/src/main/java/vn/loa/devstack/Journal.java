package vn.loa.devstack;

import de.bwaldvogel.mongo.bson.Document;
import io.netty.buffer.ByteBuf;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The stand-in's journal, as a journaled {@code mongod} keeps one: every document a write command leaves behind — its
 * whole new state, or its removal — is appended here, and the command is acknowledged once the journal holds it
 * ({@link #flush()}: a write to the file, which outlives the process; with {@code fsync} also forced to the disk). The
 * store itself is committed only at checkpoints, about once a second, instead of after every write: a commit writes
 * every page a write touched (a page of a collection holds many documents), which made each acknowledged write cost
 * pages of serialisation and grew the file by a chunk per write.
 *
 * <p>The journal is a row of segments, {@code journal-<n>.log} beside the store. A checkpoint starts a new segment,
 * then commits the store — which now holds every change recorded in the older segments, since a change is recorded
 * right after it is made, under its collection's lock — then deletes the older segments. At start, what the segments
 * still hold is put back in order: each record sets one document to its recorded state (or removes it), so putting
 * back a change the store already had changes nothing.
 *
 * <p>Records: {@code int length, byte kind, short+bytes database, short+bytes collection, BSON document} ({@code PUT}:
 * the document; {@code REMOVE}: {@code {_id}}). A record cut short by a kill mid-write ends the segment.
 */
final class Journal implements AutoCloseable {

    static final byte PUT = 1;
    static final byte REMOVE = 2;

    /** One recorded change. */
    record Change(byte kind, String database, String collection, Document document) {
    }

    private final Path dir;
    private final boolean fsync;
    /**
     * Held only to add records to {@link #pending} or take them: never during a write to the file, so a write command,
     * which records its change under its collection's lock, does not wait for another command's file write.
     */
    private final Object appending = new Object();
    /** Held to write to the segment ({@link #flush}, {@link #startSegment}, {@link #close}): one writer at a time. */
    private final Object writing = new Object();
    /** Records appended since they were last taken to be written (under {@link #appending}). */
    private ByteArrayOutputStream pending = new ByteArrayOutputStream(64 * 1024);
    /** Records taken but not written, because the write failed: written first next time (under {@link #writing}). */
    private byte[] unwritten = new byte[0];
    /** How many bytes of records were ever appended (under {@link #appending}). */
    private long appended;
    /** How many of them are written to the file (written under {@link #writing}). */
    private volatile long written;
    private FileChannel segment;
    private long number;

    /** A journal that starts writing at segment {@code first} (after what is there was put back and checkpointed). */
    Journal(Path dir, boolean fsync, long first) {
        this.dir = dir;
        this.fsync = fsync;
        this.number = first;
        this.segment = open(first);
    }

    void put(String database, String collection, Document document) {
        append(PUT, database, collection, document);
    }

    void remove(String database, String collection, Object id) {
        append(REMOVE, database, collection, new Document("_id", id));
    }

    private void append(byte kind, String database, String collection, Document document) {
        ByteBuf bson = BsonDocumentType.encode(document);
        try {
            byte[] db = database.getBytes(StandardCharsets.UTF_8);
            byte[] coll = collection.getBytes(StandardCharsets.UTF_8);
            int length = 1 + 2 + db.length + 2 + coll.length + bson.readableBytes();
            byte[] body = new byte[4 + length];
            ByteBuffer b = ByteBuffer.wrap(body).putInt(length).put(kind).putShort((short) db.length).put(db)
                    .putShort((short) coll.length).put(coll);
            bson.readBytes(body, b.position(), bson.readableBytes());
            synchronized (appending) {
                pending.writeBytes(body);
                appended += body.length;
            }
        } finally {
            bson.release();
        }
    }

    /**
     * Writes every record appended so far to the current segment: a write is acknowledged after this. A group commit:
     * whoever finds a write under way waits for it, and returns at once if that write took its records; else it writes
     * everything appended until then — its own records and those of everyone who waited with it, in one write.
     */
    void flush() {
        long mine;
        synchronized (appending) {
            mine = appended;
        }
        if (written >= mine) {
            return;
        }
        synchronized (writing) {
            if (written < mine) {
                writeOut();
            }
        }
    }

    /**
     * Writes the records taken from {@link #pending}, after any a failed write left. When the write fails (a full
     * disk), the segment is cut back to where it was, so no record is left half written with good ones to follow, and
     * the records are kept to be written first next time: the changes they record are in the store's memory already,
     * so the next flush writes them — none of them was acknowledged. If the segment cannot be cut back, the journal
     * goes on in a new segment (a record cut short ends its segment).
     */
    private void writeOut() {
        byte[] taken;
        long upTo;
        synchronized (appending) {
            if (pending.size() == 0 && unwritten.length == 0) {
                return;
            }
            taken = pending.toByteArray();
            pending = new ByteArrayOutputStream(64 * 1024);
            upTo = appended;
        }
        byte[] records = taken;
        if (unwritten.length > 0) {
            records = new byte[unwritten.length + taken.length];
            System.arraycopy(unwritten, 0, records, 0, unwritten.length);
            System.arraycopy(taken, 0, records, unwritten.length, taken.length);
        }
        long at = -1;
        try {
            at = segment.size();
            ByteBuffer bytes = ByteBuffer.wrap(records);
            while (bytes.hasRemaining()) {
                segment.write(bytes);
            }
            if (fsync) {
                segment.force(false);
            }
            unwritten = new byte[0];
            written = upTo;
        } catch (IOException e) {
            unwritten = records;
            cutBack(at);
            throw new UncheckedIOException("the stand-in could not write its journal", e);
        }
    }

    private void cutBack(long at) {
        try {
            if (at >= 0) {
                segment.truncate(at);
                return;
            }
        } catch (IOException e) {
            // fall through: start afresh
        }
        try {
            segment.close();
        } catch (IOException ignored) {
            // the segment ends where it ends; a cut-short record ends it when read
        }
        number++;
        segment = open(number);
    }

    /**
     * Closes the current segment and starts the next; returns the new segment's number. A store commit started after
     * this holds every change recorded in the segments before it.
     */
    long startSegment() {
        synchronized (writing) {
            closeSegment();
            number++;
            segment = open(number);
            return number;
        }
    }

    /** Deletes the segments before {@code number} (the store was committed after they were closed). */
    void deleteBefore(long number) {
        for (Path file : segments(dir)) {
            if (numberOf(file) < number) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
    }

    @Override
    public void close() {
        synchronized (writing) {
            closeSegment();
        }
    }

    private void closeSegment() {
        writeOut(); // a failure leaves the segment open and the records pending
        try {
            segment.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private FileChannel open(long n) {
        try {
            return FileChannel.open(file(dir, n), StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("the stand-in could not open its journal in " + dir, e);
        }
    }

    static Path file(Path dir, long n) {
        return dir.resolve(String.format(Locale.ROOT, "journal-%012d.log", n));
    }

    static long numberOf(Path file) {
        String name = file.getFileName().toString();
        return Long.parseLong(name.substring("journal-".length(), name.length() - ".log".length()));
    }

    /** The journal's segments in the directory, oldest first. */
    static List<Path> segments(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().matches("journal-\\d{12}\\.log"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads every complete record of the segments, oldest first; returns how many were read. */
    static long read(List<Path> segments, Consumer<Change> apply) {
        long n = 0;
        for (Path file : segments) {
            try (InputStream raw = Files.newInputStream(file);
                    DataInputStream in = new DataInputStream(new BufferedInputStream(raw, 1 << 16))) {
                while (true) {
                    byte[] body;
                    try {
                        int length = in.readInt();
                        body = new byte[length];
                        in.readFully(body);
                    } catch (EOFException end) {
                        break; // the end, or a record cut short by a kill: never acknowledged
                    }
                    ByteBuffer b = ByteBuffer.wrap(body);
                    byte kind = b.get();
                    String database = string(b);
                    String collection = string(b);
                    Document document = BsonDocumentType.INSTANCE.read(b);
                    apply.accept(new Change(kind, database, collection, document));
                    n++;
                }
            } catch (IOException e) {
                throw new UncheckedIOException("the stand-in could not read its journal " + file, e);
            }
        }
        return n;
    }

    private static String string(ByteBuffer b) {
        byte[] bytes = new byte[b.getShort()];
        b.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
