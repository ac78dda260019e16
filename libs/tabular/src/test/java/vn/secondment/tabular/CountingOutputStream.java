package vn.secondment.tabular;

import java.io.OutputStream;

/** Counts what reaches it and keeps nothing, like a slow client we never buffer for. */
final class CountingOutputStream extends OutputStream {

    private long count;
    private boolean closed;

    @Override
    public void write(int b) {
        count++;
    }

    @Override
    public void write(byte[] b, int off, int len) {
        count += len;
    }

    @Override
    public void close() {
        closed = true;
    }

    long count() {
        return count;
    }

    boolean closed() {
        return closed;
    }
}
