package io.freshet.streaming.api.operators;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Event-time and processing-time timers of one keyed operator, without a task. */
class InternalTimerServiceTest {

    /** The current key, set by the test as the task would. */
    private static final class Keys implements KeyContext {
        Object key;

        @Override
        public void setCurrentKey(Object key) {
            this.key = key;
        }

        @Override
        public Object getCurrentKey() {
            return key;
        }
    }

    /** A clock the test moves; the service's callback runs when the test says so. */
    private static final class ManualProcessingTime implements ProcessingTimeService {
        long now;
        ProcessingTimeCallback callback;

        @Override
        public long getCurrentProcessingTime() {
            return now;
        }

        @Override
        public Cancellable registerTimer(long timestamp, ProcessingTimeCallback callback) {
            this.callback = callback;
            return () -> this.callback = null;
        }

        void advanceTo(long time) throws Exception {
            now = time;
            if (callback != null) {
                ProcessingTimeCallback due = callback;
                callback = null;
                due.onProcessingTime(time);
            }
        }
    }

    /** Records what fired, as "key@time" (event time) or "key@time/p" (processing time). */
    private static final class Fired implements InternalTimerService.Triggerable<String> {
        final List<String> timers = new ArrayList<>();

        @Override
        public void onEventTime(InternalTimerService.InternalTimer<String> timer) {
            timers.add(timer.getKey() + "@" + timer.getTimestamp());
        }

        @Override
        public void onProcessingTime(InternalTimerService.InternalTimer<String> timer) {
            timers.add(timer.getKey() + "@" + timer.getTimestamp() + "/p");
        }
    }

    private final Keys keys = new Keys();
    private final ManualProcessingTime clock = new ManualProcessingTime();
    private final Fired fired = new Fired();
    private final InternalTimerService<String> timers = new InternalTimerService<>(keys, clock, fired);

    @Test
    void aTimerRegisteredAgainIsOneTimerAndFiresOnce() throws Exception {
        String key = "a";
        keys.setCurrentKey(key);
        timers.registerEventTimeTimer(10);
        timers.registerEventTimeTimer(10);
        keys.setCurrentKey(new String("a")); // an equal key, another object
        timers.registerEventTimeTimer(10);

        assertThat(timers.numEventTimeTimers()).isEqualTo(1);
        timers.advanceWatermark(10);
        timers.advanceWatermark(20);
        assertThat(fired.timers).containsExactly("a@10");
    }

    @Test
    void aTimerRegisteredAgainAfterItFiredFiresAgain() throws Exception {
        keys.setCurrentKey("a");
        timers.registerEventTimeTimer(10);
        timers.advanceWatermark(10);

        keys.setCurrentKey("a");
        timers.registerEventTimeTimer(10);
        assertThat(timers.numEventTimeTimers()).isEqualTo(1);
        timers.advanceWatermark(11);
        assertThat(fired.timers).containsExactly("a@10", "a@10");
    }

    @Test
    void aDeletedTimerRegisteredAgainFires() throws Exception {
        keys.setCurrentKey("a");
        timers.registerEventTimeTimer(10);
        timers.deleteEventTimeTimer(10);
        assertThat(timers.numEventTimeTimers()).isZero();

        timers.registerEventTimeTimer(10);
        timers.advanceWatermark(10);
        assertThat(fired.timers).containsExactly("a@10");
    }

    @Test
    void timersFireInTimestampOrderWithTheirKeySet() throws Exception {
        for (String registration : new String[] {"a@30", "b@10", "a@20", "b@30", "a@10"}) {
            keys.setCurrentKey(registration.substring(0, 1));
            timers.registerEventTimeTimer(Long.parseLong(registration.substring(2)));
        }

        timers.advanceWatermark(25);
        assertThat(fired.timers).containsExactlyInAnyOrder("a@10", "b@10", "a@20");
        assertThat(fired.timers.get(2)).isEqualTo("a@20");
        timers.advanceWatermark(30);
        assertThat(fired.timers.subList(3, 5)).containsExactlyInAnyOrder("a@30", "b@30");
    }

    @Test
    void manyTimersWithDeletionsFireEachOnceInTimestampOrder() throws Exception {
        java.util.Random random = new java.util.Random(42);
        java.util.Set<String> expected = new java.util.HashSet<>();
        for (int i = 0; i < 2_000; i++) {
            String key = "k" + random.nextInt(40);
            long time = random.nextInt(300);
            keys.setCurrentKey(key);
            if (random.nextInt(4) == 0) {
                timers.deleteEventTimeTimer(time);
                expected.remove(key + "@" + time);
            } else {
                timers.registerEventTimeTimer(time);
                expected.add(key + "@" + time);
            }
        }
        assertThat(timers.numEventTimeTimers()).isEqualTo(expected.size());

        for (long watermark = 0; watermark < 300; watermark += 7) {
            timers.advanceWatermark(watermark);
        }
        timers.advanceWatermark(300);

        assertThat(fired.timers).containsExactlyInAnyOrderElementsOf(expected);
        List<Long> times = new ArrayList<>();
        for (String timer : fired.timers) {
            times.add(Long.parseLong(timer.substring(timer.indexOf('@') + 1)));
        }
        assertThat(times).isSorted();
        assertThat(timers.numEventTimeTimers()).isZero();
    }

    @Test
    void aProcessingTimeTimerRegisteredAgainFiresOnceAndAgainAfterItFired() throws Exception {
        keys.setCurrentKey("a");
        timers.registerProcessingTimeTimer(100);
        timers.registerProcessingTimeTimer(100);
        assertThat(timers.numProcessingTimeTimers()).isEqualTo(1);
        clock.advanceTo(100);
        assertThat(fired.timers).containsExactly("a@100/p");

        keys.setCurrentKey("a");
        timers.registerProcessingTimeTimer(100);
        assertThat(timers.numProcessingTimeTimers()).isEqualTo(1);
        clock.advanceTo(101);
        assertThat(fired.timers).containsExactly("a@100/p", "a@100/p");
    }
}
