package io.freshet.streaming.api.operators.collect;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.NoSuchElementException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.freshet.api.common.JobExecutionResult;
import io.freshet.api.common.typeutils.TypeSerializer;
import io.freshet.core.execution.JobClient;
import io.freshet.core.memory.DataInputDeserializer;
import io.freshet.util.CloseableIterator;

/**
 * The client's end of {@code collectAsync()}: a server socket that the job's {@link CollectSinkFunction} connects
 * to, and an iterator over the records it sends, read as the caller asks for them (so a slow reader slows the job
 * down instead of filling the client's memory).
 *
 * <p>Contract: the iterator is bound to its job when the environment submits it ({@link #setJobClient}); until then
 * {@link #hasNext()} waits. It ends when the sink reports the end of its input. When the job fails or is cancelled,
 * or the sink's connection breaks (a restarted sink is not resumed), {@code hasNext()} throws, carrying the job's
 * failure where there is one. {@link #close()} stops reading and cancels the job if it still runs. Not thread-safe:
 * one reader.
 */
public final class CollectResultIterator<T> implements CloseableIterator<T> {

    /** How often a wait for the sink looks whether the job ended. */
    private static final int POLL_MILLIS = 200;

    /** How long a broken connection waits for the job's failure, to report it instead of the broken connection. */
    private static final long FAILURE_WAIT_SECONDS = 30;

    private static final int TOKEN_LENGTH = 16;

    private final TypeSerializer<T> serializer;
    private final ServerSocket server;
    private final String advertisedHost;
    private final byte[] token = new byte[TOKEN_LENGTH];
    private final DataInputDeserializer deserializer = new DataInputDeserializer();

    private volatile JobClient jobClient;
    private CompletableFuture<JobExecutionResult> jobResult;
    private Socket connection;
    private InputStream in;
    private byte[] frame = new byte[256];
    private T next;
    private boolean hasBufferedNext;
    private boolean ended;
    private boolean closed;

    /**
     * @param serializer the serializer of the collected stream's type
     * @param localOnly whether the job runs in this JVM (the {@code local} target): the socket then listens on the
     *     loopback interface only; otherwise on all interfaces, advertising this host's address to the sink
     */
    public CollectResultIterator(TypeSerializer<T> serializer, boolean localOnly) {
        this.serializer = serializer.duplicate();
        try {
            InetAddress bind = localOnly ? InetAddress.getLoopbackAddress() : null;
            this.server = new ServerSocket(0, 1, bind);
            this.server.setSoTimeout(POLL_MILLIS);
            this.advertisedHost = localOnly ? InetAddress.getLoopbackAddress().getHostAddress()
                    : InetAddress.getLocalHost().getHostAddress();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the socket that collects the job's results: " + e, e);
        }
        new SecureRandom().nextBytes(token);
    }

    /** The sink that sends the job's records to this iterator. */
    public CollectSinkFunction<T> createSinkFunction() {
        return new CollectSinkFunction<>(serializer.duplicate(), advertisedHost, server.getLocalPort(), token);
    }

    /** Binds the iterator to the job that runs its sink; the environment calls this when it submits the job. */
    public void setJobClient(JobClient jobClient) {
        this.jobClient = jobClient;
    }

    // ---- iteration ----

    @Override
    public boolean hasNext() {
        if (hasBufferedNext) {
            return true;
        }
        if (ended || closed) {
            return false;
        }
        try {
            if (connection == null) {
                accept();
            }
            int length = readInt();
            if (length == CollectSinkFunction.END_OF_DATA) {
                ended = true;
                closeSockets();
                return false;
            }
            if (frame.length < length) {
                frame = new byte[Math.max(length, frame.length * 2)];
            }
            readFully(frame, length);
            deserializer.setBuffer(frame, 0, length);
            next = serializer.deserialize(deserializer);
            hasBufferedNext = true;
            return true;
        } catch (EOFException e) {
            throw connectionLost(e);
        } catch (IOException e) {
            throw connectionLost(e);
        }
    }

    @Override
    public T next() {
        if (!hasNext()) {
            throw new NoSuchElementException("The collected stream has no more records.");
        }
        T result = next;
        next = null;
        hasBufferedNext = false;
        return result;
    }

    /** Stops reading; a job that still runs is cancelled. */
    @Override
    public void close() throws Exception {
        if (closed) {
            return;
        }
        closed = true;
        closeSockets();
        JobClient client = jobClient;
        if (!ended && client != null) {
            CompletableFuture<JobExecutionResult> result = resultFuture(client);
            if (!result.isDone()) {
                client.cancel();
            }
        }
    }

    // ---- the connection ----

    /** Waits for the sink's connection (checking on the job meanwhile) and checks its token. */
    private void accept() throws IOException {
        while (true) {
            Socket socket;
            try {
                socket = server.accept();
            } catch (SocketTimeoutException e) {
                failIfJobEnded();
                continue;
            }
            socket.setSoTimeout(POLL_MILLIS);
            InputStream stream = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
            connection = socket;
            in = stream;
            byte[] received = new byte[TOKEN_LENGTH];
            try {
                readFully(received, TOKEN_LENGTH);
            } catch (IOException e) {
                received = null;
            }
            if (received != null && Arrays.equals(received, token)) {
                server.close(); // one sink, one connection
                return;
            }
            // not our sink: forget this connection and wait on
            socket.close();
            connection = null;
            in = null;
        }
    }

    private int readInt() throws IOException {
        byte[] bytes = new byte[4];
        readFully(bytes, 4);
        return ((bytes[0] & 0xff) << 24) | ((bytes[1] & 0xff) << 16) | ((bytes[2] & 0xff) << 8) | (bytes[3] & 0xff);
    }

    /** Reads exactly {@code length} bytes; while none arrive, checks that the job has not failed. */
    private void readFully(byte[] target, int length) throws IOException {
        int read = 0;
        while (read < length) {
            int n;
            try {
                n = in.read(target, read, length - read);
            } catch (SocketTimeoutException e) {
                failIfJobEnded();
                continue;
            }
            if (n < 0) {
                throw new EOFException("the collect sink's connection ended before the end of the data");
            }
            read += n;
        }
    }

    /** Throws when the bound job failed or was cancelled, or when it finished without ever connecting. */
    private void failIfJobEnded() {
        JobClient client = jobClient;
        if (client == null) {
            return;
        }
        CompletableFuture<JobExecutionResult> result = resultFuture(client);
        if (!result.isDone()) {
            return;
        }
        if (result.isCompletedExceptionally()) {
            throw jobFailed(client, result);
        }
        if (connection == null) {
            throw new IllegalStateException("Job " + client.getJobID() + " finished, but its collect sink never sent"
                    + " its results.");
        }
    }

    private RuntimeException connectionLost(IOException cause) {
        closeSockets();
        JobClient client = jobClient;
        if (client != null) {
            CompletableFuture<JobExecutionResult> result = resultFuture(client);
            try {
                result.get(FAILURE_WAIT_SECONDS, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                return jobFailed(client, result);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (TimeoutException e) {
                // the job runs on (a restart): the collected results are incomplete, which is reported below
            }
        }
        return new IllegalStateException("The connection to the job's collect sink broke before the end of the data"
                + " (collect does not resume a failed or restarted sink): " + cause.getMessage(), cause);
    }

    private static RuntimeException jobFailed(JobClient client, CompletableFuture<JobExecutionResult> result) {
        Throwable cause;
        try {
            result.getNow(null);
            cause = null;
        } catch (RuntimeException e) {
            cause = e.getCause() != null ? e.getCause() : e;
        }
        return new RuntimeException("Job " + client.getJobID() + " failed or was cancelled before all its results"
                + " were collected: " + (cause == null ? "" : cause.getMessage()), cause);
    }

    private CompletableFuture<JobExecutionResult> resultFuture(JobClient client) {
        if (jobResult == null) {
            jobResult = client.getJobExecutionResult();
        }
        return jobResult;
    }

    private void closeSockets() {
        try {
            server.close();
            if (connection != null) {
                connection.close();
            }
        } catch (IOException e) {
            // nothing left to read from them anyway
        }
    }
}
