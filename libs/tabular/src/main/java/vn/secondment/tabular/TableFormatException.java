package vn.secondment.tabular;

/**
 * A file that cannot be imported as a table. The message is meant for the user who uploaded the file (it says
 * what is wrong and, where it helps, how to fix it in Excel), so a service can put it in its 400 response as is.
 */
public class TableFormatException extends RuntimeException {

    private final Integer row;

    public TableFormatException(String message, Integer row) {
        super(message);
        this.row = row;
    }

    public TableFormatException(String message, Integer row, Throwable cause) {
        super(message, cause);
        this.row = row;
    }

    /** The 1-based row (CSV: line) the problem is on, or null when it is about the whole file. */
    public Integer row() {
        return row;
    }
}
