package dev.vitals.model.jfr;

import java.io.Serial;

/**
 * A recording could not be imported. The message is one line for the user, naming the file and
 * what was wrong ("x.jfr: not a JFR recording (it does not start with FLR)").
 */
public final class JfrImportException extends Exception {
    @Serial
    private static final long serialVersionUID = 1L;

    public JfrImportException(String message) {
        super(message);
    }

    public JfrImportException(String message, Throwable cause) {
        super(message, cause);
    }
}
