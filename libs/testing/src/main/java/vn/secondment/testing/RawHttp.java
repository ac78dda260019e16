package vn.secondment.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 written byte for byte, for what HTTP clients refuse to send or rewrite: a URI with {@code {}, a body
 * sent in chunks past the size limit, headers beyond the limits. The body is written on its own thread, so an
 * answer that comes before the upload ends (a 413) is read as the server sent it.
 */
public final class RawHttp {

    private RawHttp() {
    }

    /** The status, the headers (names in lower case) and the body of an answer. */
    public record Answer(int status, Map<String, String> headers, String body) {

        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    /** Sends {@code head} (request line and headers, without the blank line) and no body. */
    public static Answer send(int port, String head) {
        return exchange(port, head + "\r\n\r\n", 0);
    }

    /** Sends {@code head} with {@code Transfer-Encoding: chunked} and {@code bytes} of JSON-looking body. */
    public static Answer sendChunked(int port, String head, long bytes) {
        return exchange(port, head + "\r\nTransfer-Encoding: chunked\r\n\r\n", bytes);
    }

    private static Answer exchange(int port, String head, long chunkedBytes) {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.UTF_8));
            out.flush();
            Thread writer = null;
            if (chunkedBytes > 0) {
                writer = new Thread(() -> writeChunks(out, chunkedBytes), "raw-http-body");
                writer.setDaemon(true);
                writer.start();
            }
            Answer answer = read(socket.getInputStream());
            if (writer != null) {
                writer.interrupt();
            }
            return answer;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeChunks(OutputStream out, long bytes) {
        byte[] chunk = new byte[64 * 1024];
        Arrays.fill(chunk, (byte) ' ');
        chunk[0] = '[';
        try {
            for (long sent = 0; sent < bytes; sent += chunk.length) {
                out.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(chunk);
                out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                chunk[0] = ' ';
            }
            out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
        } catch (IOException refused) {
            // the server answered and closed before the end of the upload: that is what is being tested
        }
    }

    private static Answer read(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int previous = -1;
        int crlfs = 0;
        for (int b = in.read(); b >= 0; b = in.read()) {
            head.write(b);
            if (b == '\n' && previous == '\r') {
                if (++crlfs == 2) {
                    break;
                }
            } else if (b != '\r') {
                crlfs = 0;
            }
            previous = b;
        }
        String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
        if (lines.length == 0 || lines[0].isEmpty()) {
            throw new IOException("No answer");
        }
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.put(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
                        lines[i].substring(colon + 1).strip());
            }
        }
        byte[] body;
        String length = headers.get("content-length");
        if (length != null) {
            body = in.readNBytes(Integer.parseInt(length));
        } else if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = readChunks(in);
        } else {
            body = new byte[0];
        }
        return new Answer(status, headers, new String(body, StandardCharsets.UTF_8));
    }

    private static byte[] readChunks(InputStream in) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            StringBuilder size = new StringBuilder();
            for (int b = in.read(); b >= 0 && b != '\n'; b = in.read()) {
                if (b != '\r') {
                    size.append((char) b);
                }
            }
            int length = Integer.parseInt(size.toString().split(";")[0].strip(), 16);
            if (length == 0) {
                return body.toByteArray();
            }
            body.write(in.readNBytes(length));
            in.readNBytes(2);
        }
    }
}
