package io.freshet.benchmarks.serialization;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;

import io.freshet.api.java.tuple.Tuple2;

/** The records of the serializer benchmarks, generated from a fixed seed so that every run sees the same data. */
public final class Records {

    public static final int BATCH = 1000;

    private Records() {}

    /** A 6-field POJO: public fields of the common types. */
    public static class Order {
        public long orderId;
        public String customer;
        public int quantity;
        public double price;
        public String product;
        public boolean express;

        public Order() {}

        @Override
        public boolean equals(Object o) {
            if (!(o instanceof Order)) {
                return false;
            }
            Order other = (Order) o;
            return orderId == other.orderId && quantity == other.quantity && price == other.price
                    && express == other.express && Objects.equals(customer, other.customer)
                    && Objects.equals(product, other.product);
        }

        @Override
        public int hashCode() {
            return Long.hashCode(orderId);
        }
    }

    /**
     * A class that is not a POJO (no no-argument constructor, final fields), so Freshet serializes it with Kryo.
     */
    public static final class Reading {
        private final String sensor;
        private final long timestamp;
        private final double[] values;

        public Reading(String sensor, long timestamp, double[] values) {
            this.sensor = sensor;
            this.timestamp = timestamp;
            this.values = values;
        }

        public String sensor() {
            return sensor;
        }

        public long timestamp() {
            return timestamp;
        }

        public double[] values() {
            return values;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Reading && ((Reading) o).sensor.equals(sensor) && ((Reading) o).timestamp == timestamp
                    && java.util.Arrays.equals(((Reading) o).values, values);
        }

        @Override
        public int hashCode() {
            return sensor.hashCode();
        }
    }

    private static final String[] WORDS = {"the", "quick", "brown", "fox", "jumps", "over", "lazy", "dog",
        "stream", "batch", "checkpoint", "watermark", "operator", "partition", "freshet", "yarn"};

    public static List<Tuple2<String, Integer>> wordCounts(int count) {
        Random random = new Random(1);
        List<Tuple2<String, Integer>> records = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            records.add(Tuple2.of(WORDS[random.nextInt(WORDS.length)], random.nextInt(1000)));
        }
        return records;
    }

    public static List<Tuple2<Long, Long>> longPairs(int count) {
        Random random = new Random(2);
        List<Tuple2<Long, Long>> records = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            records.add(Tuple2.of(random.nextLong(), (long) random.nextInt(1_000_000)));
        }
        return records;
    }

    public static List<Order> orders(int count) {
        Random random = new Random(3);
        List<Order> records = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Order order = new Order();
            order.orderId = random.nextLong();
            order.customer = "customer-" + random.nextInt(10_000);
            order.quantity = random.nextInt(100);
            order.price = random.nextDouble() * 100;
            order.product = WORDS[random.nextInt(WORDS.length)];
            order.express = random.nextBoolean();
            records.add(order);
        }
        return records;
    }

    public static List<Reading> readings(int count) {
        Random random = new Random(4);
        List<Reading> records = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            double[] values = new double[4];
            for (int v = 0; v < values.length; v++) {
                values[v] = random.nextDouble();
            }
            records.add(new Reading("sensor-" + random.nextInt(100), random.nextLong(), values));
        }
        return records;
    }
}
