package io.freshet.client.program;

/** Thrown into a program's main method to stop it once its pipeline is captured (for {@code bin/flink info}). */
public final class ProgramAbortException extends Error {

    private static final long serialVersionUID = 1L;

    ProgramAbortException() {
        super("The program was stopped after it built its pipeline (plan mode).", null, false, false);
    }
}
