package io.freshet.streaming.api.functions.source;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Reads text from a TCP socket and emits the pieces between delimiters (lines, by default), as
 * {@code env.socketTextStream(...)} does. Not parallel: one connection per source.
 *
 * <p>When the server closes the connection, any text after the last delimiter is emitted as a last piece. With
 * {@code maxNumRetries} 0 the source then ends; otherwise it connects again after {@code delayBetweenRetries} ms,
 * as often as {@code maxNumRetries} allows in all (a negative number: without limit), and ends when a reconnection
 * fails for the last allowed time. A first connection that fails fails the job, naming the address: there is no
 * stream to retry yet. The text is read as UTF-8; with the delimiter {@code "\n"}, a {@code '\r'} ending a piece is
 * dropped too (Windows line ends).
 */
@Deprecated
public class SocketTextStreamFunction implements SourceFunction<String> {

    private static final long serialVersionUID = 1L;

    /** The wait before each reconnection, in milliseconds. */
    private static final long DEFAULT_CONNECTION_RETRY_SLEEP = 500;

    private final String hostname;
    private final int port;
    private final String delimiter;
    private final long maxNumRetries;
    private final long delayBetweenRetries;

    private volatile boolean running = true;
    private transient volatile Socket currentSocket;

    public SocketTextStreamFunction(String hostname, int port, String delimiter, long maxNumRetries) {
        this(hostname, port, delimiter, maxNumRetries, DEFAULT_CONNECTION_RETRY_SLEEP);
    }

    public SocketTextStreamFunction(String hostname, int port, String delimiter, long maxNumRetries,
            long delayBetweenRetries) {
        this.hostname = Objects.requireNonNull(hostname, "hostname");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("socketTextStream: the port must lie in 0..65535, not " + port + ".");
        }
        if (delimiter == null || delimiter.isEmpty()) {
            throw new IllegalArgumentException("socketTextStream needs a non-empty delimiter.");
        }
        if (delayBetweenRetries < 0) {
            throw new IllegalArgumentException("socketTextStream: the delay between retries must not be negative.");
        }
        this.port = port;
        this.delimiter = delimiter;
        this.maxNumRetries = maxNumRetries;
        this.delayBetweenRetries = delayBetweenRetries;
    }

    @Override
    public void run(SourceContext<String> ctx) throws Exception {
        Socket socket = connect(true);
        long retries = 0;
        while (socket != null && running) {
            readUntilClosed(socket, ctx);
            socket = null;
            while (socket == null && running && (maxNumRetries < 0 || retries < maxNumRetries)) {
                retries++;
                Thread.sleep(delayBetweenRetries);
                socket = connect(false);
            }
        }
    }

    /** A new connection; null if a reconnection fails (a first connection that fails throws). */
    private Socket connect(boolean first) throws IOException {
        Socket socket = new Socket();
        currentSocket = socket;
        try {
            socket.connect(new InetSocketAddress(hostname, port), 0);
            return socket;
        } catch (IOException e) {
            socket.close();
            if (first) {
                throw new IOException("socketTextStream cannot connect to " + hostname + ":" + port + ": "
                        + e.getMessage() + ". Is a server listening there (for a try: nc -lk " + port + ")?", e);
            }
            return null;
        }
    }

    private void readUntilClosed(Socket socket, SourceContext<String> ctx) throws IOException {
        StringBuilder buffer = new StringBuilder();
        char[] chars = new char[8192];
        try (socket; Reader reader = new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8)) {
            int read;
            while (running && (read = reader.read(chars)) != -1) {
                buffer.append(chars, 0, read);
                int start = 0;
                int end;
                while ((end = buffer.indexOf(delimiter, start)) != -1) {
                    emit(buffer.substring(start, end), ctx);
                    start = end + delimiter.length();
                }
                buffer.delete(0, start);
            }
        } catch (IOException e) {
            if (running) {
                throw e;
            }
            return; // cancel() closed the socket
        }
        if (running && buffer.length() > 0) {
            emit(buffer.toString(), ctx);
        }
    }

    private void emit(String piece, SourceContext<String> ctx) {
        if (delimiter.equals("\n") && piece.endsWith("\r")) {
            ctx.collect(piece.substring(0, piece.length() - 1));
        } else {
            ctx.collect(piece);
        }
    }

    @Override
    public void cancel() {
        running = false;
        Socket socket = currentSocket;
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException e) {
                // it is being given up anyway
            }
        }
    }
}
