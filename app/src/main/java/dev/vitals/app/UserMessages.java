package dev.vitals.app;

import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/** Turns an exception into one sentence a user can act on, and its causes into words. */
public final class UserMessages {
    private UserMessages() {
    }

    public static String describe(Throwable e) {
        if (e instanceof NoSuchFileException missing) {
            return "no such file: " + missing.getFile();
        }
        if (e instanceof AccessDeniedException denied) {
            return "permission denied: " + denied.getFile();
        }
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            return e.getClass().getSimpleName();
        }
        return message;
    }

    /**
     * The exception and its causes, outermost first, each in words; bare wrappers and a cause that
     * says nothing new (its words already part of the one before) are left out.
     */
    public static List<String> causes(Throwable e) {
        List<String> words = new ArrayList<>();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = e; t != null && seen.add(t); t = t.getCause()) {
            if (t.getCause() != null && t.getCause().toString().equals(t.getMessage())) {
                continue; // a bare wrapper: new RuntimeException(cause)
            }
            String said = describe(t);
            if (words.isEmpty() || !words.getLast().contains(said)) {
                words.add(said);
            }
        }
        return words;
    }
}
