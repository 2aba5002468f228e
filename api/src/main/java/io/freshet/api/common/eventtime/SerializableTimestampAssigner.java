package io.freshet.api.common.eventtime;

import java.io.Serializable;

/** A {@link TimestampAssigner} that can be given as a lambda to {@link WatermarkStrategy#withTimestampAssigner}. */
@FunctionalInterface
public interface SerializableTimestampAssigner<T> extends TimestampAssigner<T>, Serializable {}
