package io.freshet.types;

/** Thrown when a field that must not be null, such as a tuple field being serialized, is null. */
public class NullFieldException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int fieldPos;

    public NullFieldException() {
        super();
        this.fieldPos = -1;
    }

    public NullFieldException(String message) {
        super(message);
        this.fieldPos = -1;
    }

    /** Creates the exception for the null field at {@code fieldIdx}. */
    public NullFieldException(int fieldIdx) {
        super(messageFor(fieldIdx));
        this.fieldPos = fieldIdx;
    }

    /** Creates the exception for the null field at {@code fieldIdx}, found while handling {@code cause}. */
    public NullFieldException(int fieldIdx, Throwable cause) {
        super(messageFor(fieldIdx), cause);
        this.fieldPos = fieldIdx;
    }

    /** Returns the position of the null field, or -1 if it is not known. */
    public int getFieldPos() {
        return fieldPos;
    }

    private static String messageFor(int fieldIdx) {
        return "Field " + fieldIdx + " (f" + fieldIdx + ") is null, but tuple fields cannot be null. Use a"
                + " non-null placeholder, or a POJO, whose fields may be null.";
    }
}
