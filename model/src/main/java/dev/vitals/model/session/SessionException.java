package dev.vitals.model.session;

import java.io.Serial;
import java.util.Optional;

/**
 * A session could not be opened (or only partly). The message is one line for the user naming the
 * file. When part of a damaged session could be saved, {@link #recovered()} holds it: the whole
 * chunks that were readable, with the manifest if it survived.
 */
public final class SessionException extends Exception {
    @Serial
    private static final long serialVersionUID = 1L;
    private final transient OpenedSession recovered;

    public SessionException(String message) {
        this(message, null, null);
    }

    public SessionException(String message, Throwable cause, OpenedSession recovered) {
        super(message, cause);
        this.recovered = recovered;
    }

    /** What could be recovered from a damaged session. */
    public Optional<OpenedSession> recovered() {
        return Optional.ofNullable(recovered);
    }
}
