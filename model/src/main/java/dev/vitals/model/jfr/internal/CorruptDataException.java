package dev.vitals.model.jfr.internal;

/** Bytes of a chunk that do not decode: thrown by the decoder, caught per event or per chunk. */
public final class CorruptDataException extends RuntimeException {
    /** A failure with a message for the model's warnings. */
    public CorruptDataException(String message) {
        super(message, null, false, false);
    }
}
