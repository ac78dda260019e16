package vn.secondment.gateway.proxy;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.ReadStream;

/**
 * A request body of unknown length (sent in chunks) on its way to a service, cut off once it passes the gateway's
 * limit: the stream then fails, the forwarded request is reset, and the caller is told 413 instead of waiting for
 * the service to refuse it, or seeing the service's refusal turn into a "service unavailable".
 */
final class CountedBody implements ReadStream<Buffer> {

    /** Why the forwarded body stopped. */
    static final class TooLarge extends RuntimeException {
        TooLarge(long max) {
            super("The body is larger than " + max + " bytes", null, false, false);
        }
    }

    private final ReadStream<Buffer> source;
    private final long max;
    private final Runnable onTooLarge;
    private long received;
    private boolean tooLarge;
    private Handler<Throwable> exceptionHandler;

    CountedBody(ReadStream<Buffer> source, long max, Runnable onTooLarge) {
        this.source = source;
        this.max = max;
        this.onTooLarge = onTooLarge;
    }

    @Override
    public ReadStream<Buffer> exceptionHandler(Handler<Throwable> handler) {
        exceptionHandler = handler;
        source.exceptionHandler(handler);
        return this;
    }

    @Override
    public ReadStream<Buffer> handler(Handler<Buffer> handler) {
        if (handler == null) {
            source.handler(null);
            return this;
        }
        source.handler(chunk -> {
            if (tooLarge) {
                return;
            }
            received += chunk.length();
            if (received > max) {
                tooLarge = true;
                onTooLarge.run();
                if (exceptionHandler != null) {
                    exceptionHandler.handle(new TooLarge(max));
                }
                return;
            }
            handler.handle(chunk);
        });
        return this;
    }

    @Override
    public ReadStream<Buffer> pause() {
        source.pause();
        return this;
    }

    @Override
    public ReadStream<Buffer> resume() {
        source.resume();
        return this;
    }

    @Override
    public ReadStream<Buffer> fetch(long amount) {
        source.fetch(amount);
        return this;
    }

    @Override
    public ReadStream<Buffer> endHandler(Handler<Void> handler) {
        source.endHandler(ended -> {
            if (!tooLarge && handler != null) {
                handler.handle(ended);
            }
        });
        return this;
    }
}
