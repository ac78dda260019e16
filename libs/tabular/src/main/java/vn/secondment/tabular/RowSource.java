package vn.secondment.tabular;

import java.util.Iterator;

/** The rows of one file in order, each with its real row number; failures are {@link TableFormatException}s. */
interface RowSource extends Iterator<Row>, AutoCloseable {

    @Override
    void close();
}
