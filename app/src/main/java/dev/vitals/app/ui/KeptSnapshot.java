package dev.vitals.app.ui;

import java.nio.file.Path;

/**
 * Where an alert's {@code .vitals} snapshot lies: the entry {@code entry} of the session
 * {@code session} (its {@code .vitals} file, or the folder of a live session).
 */
record KeptSnapshot(Path session, String entry) {
}
