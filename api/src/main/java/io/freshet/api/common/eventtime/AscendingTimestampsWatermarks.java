package io.freshet.api.common.eventtime;

import java.time.Duration;

/** For records whose timestamps never decrease: the watermark trails the latest timestamp by one millisecond. */
public class AscendingTimestampsWatermarks<T> extends BoundedOutOfOrdernessWatermarks<T> {

    public AscendingTimestampsWatermarks() {
        super(Duration.ZERO);
    }
}
