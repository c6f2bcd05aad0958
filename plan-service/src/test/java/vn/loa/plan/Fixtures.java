package vn.loa.plan;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The committed .docx fixtures built from the seed plans ({@code importing.DocxFixtures}). */
public final class Fixtures {

    private Fixtures() {
    }

    public static byte[] docx(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/docx/" + name)) {
            if (in == null) {
                throw new IllegalStateException("no fixture /docx/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
