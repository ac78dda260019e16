package vn.secondment.testing;

import org.jboss.logmanager.ExtLogRecord;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** The log records written while it is installed on the root logger, each with its MDC as it was then. */
public final class LogCapture extends Handler implements AutoCloseable {

    private final List<ExtLogRecord> records = new CopyOnWriteArrayList<>();

    private LogCapture() {
    }

    public static LogCapture install() {
        LogCapture capture = new LogCapture();
        Logger.getLogger("").addHandler(capture);
        return capture;
    }

    @Override
    public void publish(LogRecord record) {
        if (record instanceof ExtLogRecord ext) {
            // the MDC and the message as they are now, on the thread that logs
            ext.copyAll();
            records.add(ext);
        }
    }

    public List<ExtLogRecord> records() {
        return List.copyOf(records);
    }

    /** The records whose MDC names this request id. */
    public List<ExtLogRecord> ofRequest(String requestId) {
        return records.stream().filter(r -> requestId.equals(r.getMdc("requestId"))).toList();
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        Logger.getLogger("").removeHandler(this);
    }
}
