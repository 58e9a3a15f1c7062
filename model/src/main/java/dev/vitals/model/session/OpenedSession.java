package dev.vitals.model.session;

import dev.vitals.model.Profile;

import java.nio.file.Path;
import java.util.List;

/**
 * A session read back: its manifest and the model re-imported from its chunks.
 *
 * @param file     the .vitals file or session folder
 * @param manifest the manifest (a default one if it was lost)
 * @param profile  the model
 * @param warnings what was skipped or repaired
 */
public record OpenedSession(Path file, SessionManifest manifest, Profile profile, List<String> warnings) {
    public OpenedSession {
        warnings = List.copyOf(warnings);
    }
}
