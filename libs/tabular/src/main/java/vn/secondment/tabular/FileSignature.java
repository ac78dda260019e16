package vn.secondment.tabular;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * What the first bytes of an upload say it really is. Users rename files and pick the wrong one; naming what they
 * uploaded ("a PDF", "a password-protected workbook") tells them what to do far better than "cannot read".
 */
enum FileSignature {
    EMPTY, ZIP, OLE2, PDF, OTHER;

    private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};
    private static final byte[] OLE2_MAGIC = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A,
            (byte) 0xE1};
    private static final byte[] PDF_MAGIC = {'%', 'P', 'D', 'F'};

    /** Looks at the first bytes of {@code in}, which must support mark/reset, and leaves it where it was. */
    static FileSignature of(InputStream in) {
        try {
            in.mark(OLE2_MAGIC.length);
            byte[] head = in.readNBytes(OLE2_MAGIC.length);
            in.reset();
            if (head.length == 0) {
                return EMPTY;
            }
            if (startsWith(head, ZIP_MAGIC)) {
                return ZIP;
            }
            if (startsWith(head, OLE2_MAGIC)) {
                return OLE2;
            }
            return startsWith(head, PDF_MAGIC) ? PDF : OTHER;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean startsWith(byte[] head, byte[] magic) {
        if (head.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (head[i] != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
