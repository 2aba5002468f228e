package io.freshet.runtime.checkpoint;

import java.io.Serializable;

/**
 * The data in flight that an unaligned checkpoint of one subtask holds: per input channel, the bytes sent before the
 * barrier that the subtask had not processed when it took its snapshot (the barrier overtook them), and per output
 * subpartition, the bytes written before the snapshot that the barrier overtook on their way out. Bytes are the wire
 * format of the stream (length-prefixed records, cut anywhere): a restore feeds the input bytes to the channel's
 * deserializer before anything new arrives on it, and writes the output bytes to the subpartition before any new
 * record, so every channel's stream continues exactly where the checkpoint cut it.
 *
 * <p>Indexes: inputs by the task's gate (the gates of its first input, then of its second) and channel; outputs by
 * the task's output and subpartition. A null array or entry means nothing. Channel indexes depend on the
 * parallelism of the task and its neighbours, so in-flight data is restored only at the parallelism it was taken at.
 */
public final class InFlightData implements Serializable {

    private static final long serialVersionUID = 1L;

    private final byte[][][] inputs;
    private final byte[][][] outputs;

    public InFlightData(byte[][][] inputs, byte[][][] outputs) {
        this.inputs = inputs;
        this.outputs = outputs;
    }

    /** Input channel bytes by gate and channel; may be null. */
    public byte[][][] getInputs() {
        return inputs;
    }

    /** Output subpartition bytes by output and subpartition; may be null. */
    public byte[][][] getOutputs() {
        return outputs;
    }

    /** Bytes held, inputs and outputs. */
    public long getSize() {
        return size(inputs) + size(outputs);
    }

    public boolean isEmpty() {
        return getSize() == 0;
    }

    private static long size(byte[][][] data) {
        long size = 0;
        if (data != null) {
            for (byte[][] group : data) {
                if (group != null) {
                    for (byte[] bytes : group) {
                        size += bytes == null ? 0 : bytes.length;
                    }
                }
            }
        }
        return size;
    }

    @Override
    public String toString() {
        return "InFlightData[" + size(inputs) + " input bytes, " + size(outputs) + " output bytes]";
    }
}
