package io.freshet.runtime.rpc.netty;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import com.esotericsoftware.kryo.util.Pool;
import io.freshet.runtime.rpc.RpcException;
import io.freshet.runtime.rpc.RpcInvocation;
import io.freshet.util.ExceptionUtils;
import java.io.Serializable;

/**
 * Encodes and decodes the RPC frames (the bytes after Netty's 4-byte length prefix).
 *
 * <pre>
 * REQUEST, TELL   kind, call id, endpoint id, gateway name, method name, signature,
 *                 has token, [token], argument count, arguments...
 * LOOKUP          kind, call id, endpoint id, gateway class name
 * RESULT          kind, call id, value
 * ERROR           kind, call id, error class name, error text (with stack trace), error
 * </pre>
 *
 * Values, arguments, tokens and errors are Kryo's class-and-object encoding; the rest are Kryo primitives. The part
 * that may fail to deserialize on the other side (unknown classes) always comes last, so that the receiver has read
 * everything it needs to answer or to explain the failure by then.
 */
final class RpcMessageCodec {

    static final byte REQUEST = 1;
    static final byte TELL = 2;
    static final byte LOOKUP = 3;
    static final byte RESULT = 4;
    static final byte ERROR = 5;

    private final Pool<Kryo> kryoPool;

    RpcMessageCodec(ClassLoader classLoader) {
        this.kryoPool = KryoFactory.createPool(classLoader);
    }

    // ---- encoding ----

    byte[] encodeCall(boolean expectsAnswer, long callId, String endpointId, RpcInvocation invocation) {
        Kryo kryo = kryoPool.obtain();
        try {
            Output out = new Output(256, -1);
            out.writeByte(expectsAnswer ? REQUEST : TELL);
            out.writeLong(callId);
            out.writeString(endpointId);
            out.writeString(invocation.getGatewayName());
            out.writeString(invocation.getMethodName());
            out.writeString(invocation.getSignature());
            out.writeBoolean(invocation.carriesFencingToken());
            if (invocation.carriesFencingToken()) {
                kryo.writeClassAndObject(out, invocation.getFencingToken());
            }
            Object[] arguments = invocation.getArguments();
            out.writeVarInt(arguments.length, true);
            for (Object argument : arguments) {
                kryo.writeClassAndObject(out, argument);
            }
            return out.toBytes();
        } finally {
            kryoPool.free(kryo);
        }
    }

    byte[] encodeLookup(long callId, String endpointId, String gatewayClassName) {
        Output out = new Output(64, -1);
        out.writeByte(LOOKUP);
        out.writeLong(callId);
        out.writeString(endpointId);
        out.writeString(gatewayClassName);
        return out.toBytes();
    }

    byte[] encodeResult(long callId, Object value) {
        Kryo kryo = kryoPool.obtain();
        try {
            Output out = new Output(64, -1);
            out.writeByte(RESULT);
            out.writeLong(callId);
            kryo.writeClassAndObject(out, value);
            return out.toBytes();
        } finally {
            kryoPool.free(kryo);
        }
    }

    /**
     * Encodes an error answer. If {@code error} itself cannot be serialized, an {@link RpcException} carrying its
     * class, message and stack trace as text takes its place.
     */
    byte[] encodeError(long callId, Throwable error) {
        String text = stackTraceOf(error);
        try {
            return encodeErrorAs(callId, error, text, error);
        } catch (RuntimeException e) {
            RpcException replacement = new RpcException("The remote " + error.getClass().getName()
                    + " could not be serialized (" + e.getMessage() + "); its text: " + text);
            return encodeErrorAs(callId, error, text, replacement);
        }
    }

    private byte[] encodeErrorAs(long callId, Throwable original, String text, Throwable sent) {
        Kryo kryo = kryoPool.obtain();
        try {
            Output out = new Output(256, -1);
            out.writeByte(ERROR);
            out.writeLong(callId);
            out.writeString(original.getClass().getName());
            out.writeString(text);
            kryo.writeClassAndObject(out, sent);
            return out.toBytes();
        } finally {
            kryoPool.free(kryo);
        }
    }

    static String stackTraceOf(Throwable error) {
        return ExceptionUtils.stringifyException(error);
    }

    // ---- decoding ----

    /** A decoded frame; only the fields of its kind are set. */
    static final class Frame {
        byte kind;
        long callId;
        String endpointId;
        String gatewayName;
        String methodName;
        String signature;
        boolean carriesToken;
        Serializable token;
        Object[] arguments;
        String gatewayClassName;
        Object value;
        String errorClassName;
        String errorText;
        Throwable error;
        /** Set instead of the trailing objects if those could not be deserialized. */
        RuntimeException decodingFailure;

        RpcInvocation toInvocation() {
            return new RpcInvocation(gatewayName, methodName, signature, arguments, carriesToken, token, false);
        }
    }

    Frame decode(byte[] bytes) {
        Input in = new Input(bytes);
        Frame frame = new Frame();
        frame.kind = in.readByte();
        frame.callId = in.readLong();
        switch (frame.kind) {
            case REQUEST:
            case TELL:
                frame.endpointId = in.readString();
                frame.gatewayName = in.readString();
                frame.methodName = in.readString();
                frame.signature = in.readString();
                frame.carriesToken = in.readBoolean();
                readTrailer(in, frame);
                break;
            case LOOKUP:
                frame.endpointId = in.readString();
                frame.gatewayClassName = in.readString();
                break;
            case RESULT:
                readTrailer(in, frame);
                break;
            case ERROR:
                frame.errorClassName = in.readString();
                frame.errorText = in.readString();
                readTrailer(in, frame);
                break;
            default:
                throw new IllegalArgumentException("Unknown rpc frame kind " + frame.kind);
        }
        return frame;
    }

    private void readTrailer(Input in, Frame frame) {
        Kryo kryo = kryoPool.obtain();
        try {
            switch (frame.kind) {
                case REQUEST:
                case TELL:
                    if (frame.carriesToken) {
                        frame.token = (Serializable) kryo.readClassAndObject(in);
                    }
                    int count = in.readVarInt(true);
                    Object[] arguments = new Object[count];
                    for (int i = 0; i < count; i++) {
                        arguments[i] = kryo.readClassAndObject(in);
                    }
                    frame.arguments = arguments;
                    break;
                case RESULT:
                    frame.value = kryo.readClassAndObject(in);
                    break;
                default:
                    frame.error = (Throwable) kryo.readClassAndObject(in);
            }
        } catch (RuntimeException e) {
            frame.decodingFailure = e;
        } finally {
            // A failed read may leave the instance mid-graph; a fresh one is cheaper than finding out.
            kryoPool.free(frame.decodingFailure == null ? kryo : KryoFactory.createKryo(kryo.getClassLoader()));
        }
    }
}
