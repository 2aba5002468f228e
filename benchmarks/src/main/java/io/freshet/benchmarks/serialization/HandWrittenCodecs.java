package io.freshet.benchmarks.serialization;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import io.freshet.api.java.tuple.Tuple2;

/**
 * The baseline: what a careful Java programmer writes by hand for one record type. A growing byte array with an
 * index, big-endian numbers, strings as a length and UTF-8 bytes (ASCII encoded in a loop without allocation,
 * decoded by the JDK's intrinsic). No framework, no dispatch, no headers.
 */
public final class HandWrittenCodecs {

    private HandWrittenCodecs() {}

    /** A byte-array writer and reader. */
    public static final class Buffer {
        public byte[] bytes = new byte[1 << 16];
        public int position;
        public int limit;

        public void clear() {
            position = 0;
        }

        public void flip() {
            limit = position;
            position = 0;
        }

        private void ensure(int n) {
            if (position + n > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, position + n));
            }
        }

        public void writeInt(int v) {
            ensure(4);
            bytes[position] = (byte) (v >>> 24);
            bytes[position + 1] = (byte) (v >>> 16);
            bytes[position + 2] = (byte) (v >>> 8);
            bytes[position + 3] = (byte) v;
            position += 4;
        }

        public void writeLong(long v) {
            writeInt((int) (v >>> 32));
            writeInt((int) v);
        }

        public void writeBoolean(boolean v) {
            ensure(1);
            bytes[position++] = (byte) (v ? 1 : 0);
        }

        public void writeDouble(double v) {
            writeLong(Double.doubleToLongBits(v));
        }

        public void writeString(String s) {
            int length = s.length();
            boolean ascii = true;
            for (int i = 0; i < length; i++) {
                if (s.charAt(i) >= 0x80) {
                    ascii = false;
                    break;
                }
            }
            if (ascii) {
                writeInt(length);
                ensure(length);
                for (int i = 0; i < length; i++) {
                    bytes[position + i] = (byte) s.charAt(i);
                }
                position += length;
            } else {
                byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
                writeInt(utf8.length);
                ensure(utf8.length);
                System.arraycopy(utf8, 0, bytes, position, utf8.length);
                position += utf8.length;
            }
        }

        public int readInt() {
            int v = ((bytes[position] & 0xff) << 24) | ((bytes[position + 1] & 0xff) << 16)
                    | ((bytes[position + 2] & 0xff) << 8) | (bytes[position + 3] & 0xff);
            position += 4;
            return v;
        }

        public long readLong() {
            return ((long) readInt() << 32) | (readInt() & 0xffffffffL);
        }

        public boolean readBoolean() {
            return bytes[position++] != 0;
        }

        public double readDouble() {
            return Double.longBitsToDouble(readLong());
        }

        public String readString() {
            int length = readInt();
            String s = new String(bytes, position, length, StandardCharsets.UTF_8);
            position += length;
            return s;
        }
    }

    public static void writeWordCount(Tuple2<String, Integer> record, Buffer out) {
        out.writeString(record.f0);
        out.writeInt(record.f1);
    }

    public static Tuple2<String, Integer> readWordCount(Buffer in) {
        return new Tuple2<>(in.readString(), in.readInt());
    }

    public static void writeLongPair(Tuple2<Long, Long> record, Buffer out) {
        out.writeLong(record.f0);
        out.writeLong(record.f1);
    }

    public static Tuple2<Long, Long> readLongPair(Buffer in) {
        return new Tuple2<>(in.readLong(), in.readLong());
    }

    public static void writeOrder(Records.Order order, Buffer out) {
        out.writeLong(order.orderId);
        out.writeString(order.customer);
        out.writeInt(order.quantity);
        out.writeDouble(order.price);
        out.writeString(order.product);
        out.writeBoolean(order.express);
    }

    public static Records.Order readOrder(Buffer in) {
        Records.Order order = new Records.Order();
        order.orderId = in.readLong();
        order.customer = in.readString();
        order.quantity = in.readInt();
        order.price = in.readDouble();
        order.product = in.readString();
        order.express = in.readBoolean();
        return order;
    }

    public static void writeReading(Records.Reading reading, Buffer out) {
        out.writeString(reading.sensor());
        out.writeLong(reading.timestamp());
        double[] values = reading.values();
        out.writeInt(values.length);
        for (double value : values) {
            out.writeDouble(value);
        }
    }

    public static Records.Reading readReading(Buffer in) {
        String sensor = in.readString();
        long timestamp = in.readLong();
        double[] values = new double[in.readInt()];
        for (int i = 0; i < values.length; i++) {
            values[i] = in.readDouble();
        }
        return new Records.Reading(sensor, timestamp, values);
    }
}
