package vn.secondment.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP proxy that puts a fault between an application and a dependency (PostgreSQL, Kafka), on demand and
 * deterministically: {@link #pass()} forwards bytes as they come, {@link #delay(Duration)} holds each chunk back,
 * {@link #blackhole()} accepts connections but lets nothing through, either way, until it ends (a frozen or
 * unreachable peer, as a firewall that drops packets makes it: like TCP, what was sent meanwhile arrives afterwards,
 * unless the connection was given up), {@link #cut()} closes every open connection at once (a crash or a cut).
 * The application is pointed at {@link #port()} instead of the dependency's port.
 */
public final class FaultProxy implements AutoCloseable {

    private enum Mode { PASS, DELAY, BLACKHOLE }

    private final InetSocketAddress target;
    private final ServerSocket server;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile Mode mode = Mode.PASS;
    private volatile Duration delay = Duration.ZERO;
    private volatile boolean closed;

    private FaultProxy(InetSocketAddress target) throws IOException {
        this.target = target;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "fault-proxy-" + server.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** A proxy on a free local port to {@code host:port}, passing everything until told otherwise. */
    public static FaultProxy to(String host, int port) {
        try {
            return new FaultProxy(new InetSocketAddress(host, port));
        } catch (IOException e) {
            throw new UncheckedIOException("Fault proxy could not listen", e);
        }
    }

    /** The local port to point the application at. */
    public int port() {
        return server.getLocalPort();
    }

    /** Forwards everything, from now on. */
    public void pass() {
        mode = Mode.PASS;
    }

    /** Holds each chunk of bytes, both ways, for {@code by} before forwarding it. */
    public void delay(Duration by) {
        delay = by;
        mode = Mode.DELAY;
    }

    /** Accepts and keeps connections, new and open, but forwards nothing either way; {@link #pass()} ends it. */
    public void blackhole() {
        mode = Mode.BLACKHOLE;
    }

    /** Closes every open connection now; new ones are handled by the current mode. */
    public void cut() {
        open.forEach(FaultProxy::closeQuietly);
        open.clear();
    }

    @Override
    public void close() {
        closed = true;
        closeQuietly(server);
        cut();
    }

    private void accept() {
        while (!closed) {
            try {
                Socket client = server.accept();
                open.add(client);
                daemon("fault-proxy-connect-" + port(), () -> connect(client));
            } catch (IOException e) {
                if (closed) {
                    return;
                }
            }
        }
    }

    /** Connects a client upstream once nothing holds it back, then pumps both ways. */
    private void connect(Socket client) {
        Socket upstream = new Socket();
        try {
            holdWhileBlackholed();
            upstream.connect(target, 5_000);
            open.add(upstream);
            pump(client.getInputStream(), upstream.getOutputStream(), client, upstream);
            pump(upstream.getInputStream(), client.getOutputStream(), upstream, client);
        } catch (IOException | InterruptedException e) {
            closeQuietly(client);
            closeQuietly(upstream);
        }
    }

    private void holdWhileBlackholed() throws InterruptedException {
        while (mode == Mode.BLACKHOLE && !closed) {
            Thread.sleep(10);
        }
    }

    /** Copies {@code from} to {@code to} on a thread of its own, obeying the mode for every chunk. */
    private void pump(InputStream from, OutputStream to, Socket source, Socket sink) {
        daemon("fault-proxy-pump-" + port(), () -> {
            byte[] buffer = new byte[16 * 1024];
            try {
                int read;
                while ((read = from.read(buffer)) >= 0) {
                    holdWhileBlackholed();
                    if (mode == Mode.DELAY) {
                        Thread.sleep(delay.toMillis());
                    }
                    to.write(buffer, 0, read);
                    to.flush();
                }
            } catch (IOException | InterruptedException e) {
                // the connection was cut or the peer went away: close both ends below
            } finally {
                open.remove(source);
                open.remove(sink);
                closeQuietly(source);
                closeQuietly(sink);
            }
        });
    }

    private static void daemon(String name, Runnable work) {
        Thread thread = new Thread(work, name);
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(java.io.Closeable closeable) {
        try {
            closeable.close();
        } catch (IOException ignored) {
            // already closed
        }
    }
}
