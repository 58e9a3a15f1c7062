package dev.vitals.analysis;

import java.io.Serial;

/** An analysis that could not be made, with one sentence for the user. */
public final class AnalysisException extends Exception {
    @Serial
    private static final long serialVersionUID = 1L;

    public AnalysisException(String message, Throwable cause) {
        super(message, cause);
    }
}
