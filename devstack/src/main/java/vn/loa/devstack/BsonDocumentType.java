package vn.loa.devstack;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

/**
 * How the stand-in writes a stored document into its MVStore file: as BSON, the bytes MongoDB itself stores and the
 * wire carries, with mongo-java-server's own encoder and decoder. MVStore's default for an object value is Java
 * serialisation, which cost about half of the stand-in's processor time under load (every commit serialises the
 * pages it changed, every page read from the file deserialises all of its documents). BSON is a fraction of that
 * and keeps every value's BSON type, which is all a document can hold.
 */
final class BsonDocumentType extends BasicDataType<Document> {

    static final BsonDocumentType INSTANCE = new BsonDocumentType();

    private BsonDocumentType() {
    }

    @Override
    public int getMemory(Document document) {
        // MVStore asks for a sample of values only (isMemoryEstimationAllowed): the encoded size is near enough
        ByteBuf bson = encode(document);
        try {
            return 64 + bson.readableBytes() * 2;
        } finally {
            bson.release();
        }
    }

    @Override
    public void write(WriteBuffer buffer, Document document) {
        ByteBuf bson = encode(document);
        try {
            buffer.put(bson.nioBuffer());
        } finally {
            bson.release();
        }
    }

    @Override
    public Document read(ByteBuffer buffer) {
        // a BSON document starts with its own length (int32, little-endian), the length included
        int length = Integer.reverseBytes(buffer.getInt(buffer.position()));
        ByteBuf bson = Unpooled.wrappedBuffer(buffer.slice(buffer.position(), length));
        buffer.position(buffer.position() + length);
        return BsonDecoder.decodeBson(bson);
    }

    @Override
    public Document[] createStorage(int size) {
        return new Document[size];
    }

    /** A document as BSON (also the journal's records, {@link Journal}); the caller releases the buffer. */
    static ByteBuf encode(Document document) {
        ByteBuf bson = Unpooled.buffer(256);
        BsonEncoder.encodeDocument(document, bson);
        return bson;
    }
}
