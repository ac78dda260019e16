package vn.secondment.testing;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The proxy between a client and an echo server, in each of its modes. */
class FaultProxyTest {

    private ServerSocket echo;
    private FaultProxy proxy;

    @BeforeEach
    void echoServerBehindTheProxy() throws IOException {
        echo = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread server = new Thread(() -> {
            while (!echo.isClosed()) {
                try {
                    Socket connection = echo.accept();
                    Thread echoing = new Thread(() -> {
                        try (connection) {
                            connection.getInputStream().transferTo(connection.getOutputStream());
                        } catch (IOException ignored) {
                            // the client or the proxy went away
                        }
                    });
                    echoing.setDaemon(true);
                    echoing.start();
                } catch (IOException e) {
                    return;
                }
            }
        });
        server.setDaemon(true);
        server.start();
        proxy = FaultProxy.to("127.0.0.1", echo.getLocalPort());
    }

    @AfterEach
    void close() throws IOException {
        proxy.close();
        echo.close();
    }

    @Test
    void passesBytesBothWays() throws IOException {
        try (Socket client = connect()) {
            assertThat(roundTrip(client, "xin chào")).isEqualTo("xin chào");
        }
    }

    @Test
    void delaysEachChunk() throws IOException {
        proxy.delay(Duration.ofMillis(300));
        try (Socket client = connect()) {
            long start = System.nanoTime();
            assertThat(roundTrip(client, "chậm")).isEqualTo("chậm");
            // held once on the way there and once on the way back
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(600));
        }
    }

    @Test
    void aBlackholeAnswersNothingUntilItEndsAndThenDeliversWhatWasHeld() throws IOException {
        try (Socket before = connect()) {
            proxy.blackhole();
            write(before, "ping");
            assertThatThrownBy(() -> before.getInputStream().read()).isInstanceOf(SocketTimeoutException.class);
            try (Socket opened = connect()) {
                write(opened, "pong");
                assertThatThrownBy(() -> opened.getInputStream().read()).isInstanceOf(SocketTimeoutException.class);
                proxy.pass();
                // like TCP after a frozen network: what was sent meanwhile arrives now, on both connections
                assertThat(read(before, 4)).isEqualTo("ping");
                assertThat(read(opened, 4)).isEqualTo("pong");
            }
        }
    }

    @Test
    void aCutClosesOpenConnectionsAndLetsNewOnesThrough() throws IOException {
        try (Socket client = connect()) {
            assertThat(roundTrip(client, "một")).isEqualTo("một");
            proxy.cut();
            assertThat(client.getInputStream().read()).isEqualTo(-1);
        }
        try (Socket again = connect()) {
            assertThat(roundTrip(again, "hai")).isEqualTo("hai");
        }
    }

    private Socket connect() throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), proxy.port());
        socket.setSoTimeout(700);
        return socket;
    }

    private static String roundTrip(Socket socket, String text) throws IOException {
        write(socket, text);
        return read(socket, text.getBytes(StandardCharsets.UTF_8).length);
    }

    private static void write(Socket socket, String text) throws IOException {
        socket.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
        socket.getOutputStream().flush();
    }

    private static String read(Socket socket, int bytes) throws IOException {
        socket.setSoTimeout(5_000);
        InputStream in = socket.getInputStream();
        byte[] received = in.readNBytes(bytes);
        socket.setSoTimeout(700);
        return new String(received, StandardCharsets.UTF_8);
    }
}
