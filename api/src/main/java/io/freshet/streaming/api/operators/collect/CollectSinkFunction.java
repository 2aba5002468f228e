package io.freshet.streaming.api.operators.collect;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;

import io.freshet.api.common.typeutils.TypeSerializer;
import io.freshet.configuration.Configuration;
import io.freshet.core.memory.DataOutputSerializer;
import io.freshet.streaming.api.functions.sink.RichSinkFunction;

/**
 * The sink of {@code DataStream.collectAsync()} and {@code executeAndCollect()}: it connects to the
 * {@link CollectResultIterator} of the client that built the job and sends it every record.
 *
 * <p>The wire format, read by {@link CollectResultIterator}: first the iterator's token (so that the iterator knows
 * the connection is this job's), then per record its length as an int and its bytes in the stream type's
 * serializer, and when the input ends the length {@value #END_OF_DATA}. A connection that ends without that marker
 * means the sink failed or was cancelled. The sink runs with parallelism 1 so that records arrive in one order and
 * over one connection.
 */
public final class CollectSinkFunction<T> extends RichSinkFunction<T> {

    private static final long serialVersionUID = 1L;

    /** The length that marks the end of the data. */
    static final int END_OF_DATA = -1;

    private static final int CONNECT_TIMEOUT_MILLIS = 30_000;

    private final TypeSerializer<T> serializer;
    private final String host;
    private final int port;
    private final byte[] token;

    private transient Socket socket;
    private transient DataOutputStream out;
    private transient DataOutputSerializer buffer;

    CollectSinkFunction(TypeSerializer<T> serializer, String host, int port, byte[] token) {
        this.serializer = serializer;
        this.host = host;
        this.port = port;
        this.token = token.clone();
    }

    @Override
    public void open(Configuration parameters) throws IOException {
        socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(host, port), CONNECT_TIMEOUT_MILLIS);
        } catch (IOException e) {
            throw new IOException("The collect sink cannot reach the client that collects the results at " + host
                    + ":" + port + " (collect needs the TaskManagers to reach the client's host): " + e.getMessage(), e);
        }
        socket.setTcpNoDelay(true);
        out = new DataOutputStream(new BufferedOutputStream(socket.getOutputStream(), 64 * 1024));
        out.write(token);
        buffer = new DataOutputSerializer(256);
    }

    @Override
    public void invoke(T value, Context context) throws IOException {
        buffer.clear();
        serializer.serialize(value, buffer);
        out.writeInt(buffer.length());
        out.write(buffer.getSharedBuffer(), 0, buffer.length());
        // the client reads results while the job runs (also of endless jobs): nothing may wait in the buffer
        out.flush();
    }

    @Override
    public void finish() throws IOException {
        out.writeInt(END_OF_DATA);
        out.flush();
    }

    @Override
    public void close() throws IOException {
        if (socket != null) {
            socket.close();
        }
    }
}
