package vn.secondment.gateway.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;

/**
 * A local port where connection attempts hang, like a host behind a firewall that drops packets: a listening
 * socket that never accepts, whose accept queue is filled first (Linux then ignores further connection attempts).
 * Real unroutable addresses do not work here: the build machines' network answers them.
 */
final class UnansweredPort implements AutoCloseable {

    private static final int MAX_FILLERS = 64;

    private final ServerSocket listener;
    private final List<Socket> fillers = new ArrayList<>();

    UnansweredPort() {
        try {
            listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
            InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), listener.getLocalPort());
            while (fillers.size() < MAX_FILLERS) {
                Socket filler = new Socket();
                try {
                    filler.connect(address, 200);
                    fillers.add(filler);
                } catch (SocketTimeoutException queueIsFull) {
                    filler.close();
                    return;
                }
            }
            throw new IllegalStateException("Could not fill the accept queue of port " + listener.getLocalPort());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String url() {
        return "http://127.0.0.1:" + listener.getLocalPort();
    }

    @Override
    public void close() throws IOException {
        for (Socket filler : fillers) {
            filler.close();
        }
        listener.close();
    }
}
