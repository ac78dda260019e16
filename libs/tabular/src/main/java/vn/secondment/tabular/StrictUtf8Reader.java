package vn.secondment.tabular;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes UTF-8 and fails on the first byte that is not, naming its line. An {@code InputStreamReader} would put
 * U+FFFD in place of the bad bytes, and a CSV saved by Excel in the Windows Vietnamese code page would be imported
 * with every accented name silently garbled. A NUL character fails too: no text file has one, binary files do.
 */
final class StrictUtf8Reader extends Reader {

    /** The text is not UTF-8, or not text; {@link #line} is the 1-based line the bad input is on. */
    static final class NotTextException extends IOException {
        final int line;

        NotTextException(String message, int line) {
            super(message);
            this.line = line;
        }
    }

    /** Reading the underlying stream failed: an I/O problem, not the file's fault. */
    static final class SourceException extends IOException {
        SourceException(IOException cause) {
            super(cause.getMessage(), cause);
        }
    }

    private final InputStream in;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final ByteBuffer bytes = ByteBuffer.allocate(8192);
    private final CharBuffer chars = CharBuffer.allocate(8192);
    private int line = 1;
    /** How many characters of {@link #chars} {@link #scanDecoded} has looked at. */
    private int scanned;
    private boolean endOfInput;
    private boolean flushed;

    StrictUtf8Reader(InputStream in) {
        this.in = in;
        bytes.flip();
        chars.flip();
    }

    @Override
    public int read(char[] target, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (!chars.hasRemaining() && !decodeMore()) {
            return -1;
        }
        int n = Math.min(length, chars.remaining());
        chars.get(target, offset, n);
        return n;
    }

    /** Refills {@link #chars}; false at the end of the input. */
    private boolean decodeMore() throws IOException {
        if (flushed) {
            return false;
        }
        chars.clear();
        scanned = 0;
        while (true) {
            CoderResult result = decoder.decode(bytes, chars, endOfInput);
            if (endOfInput && result.isUnderflow()) {
                result = decoder.flush(chars);
                flushed = true;
            }
            scanDecoded();
            if (result.isError()) {
                throw new NotTextException("Line " + line + " is not UTF-8 text. In Excel use Save As \u2192 "
                        + "\u201cCSV UTF-8 (Comma delimited)\u201d, or upload the .xlsx file instead.", line);
            }
            if (chars.position() > 0 || flushed) {
                chars.flip();
                return chars.hasRemaining();
            }
            fill();
        }
    }

    /** Counts lines and looks for NUL in the characters decoded since the last scan. */
    private void scanDecoded() throws NotTextException {
        for (int i = scanned; i < chars.position(); i++) {
            char c = chars.get(i);
            if (c == '\n') {
                line++;
            } else if (c == '\u0000') {
                throw new NotTextException("Line " + line + " contains binary data: the file is not a CSV text file.",
                        line);
            }
        }
        scanned = chars.position();
    }

    private void fill() throws IOException {
        bytes.compact();
        int n;
        try {
            n = in.read(bytes.array(), bytes.position(), bytes.remaining());
        } catch (IOException e) {
            throw new SourceException(e);
        }
        if (n < 0) {
            endOfInput = true;
        } else {
            bytes.position(bytes.position() + n);
        }
        bytes.flip();
    }

    @Override
    public void close() {
        // the caller owns the stream
    }
}
