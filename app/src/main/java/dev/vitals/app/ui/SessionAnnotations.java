package dev.vitals.app.ui;

import dev.vitals.model.alert.AlertEpisode;
import dev.vitals.model.alert.AlertEpisodes;
import dev.vitals.model.alert.AlertEvent;
import dev.vitals.model.session.AlertRule;
import dev.vitals.model.session.Bookmark;
import dev.vitals.model.session.Bookmark.Origin;
import dev.vitals.model.session.SessionManifest;
import dev.vitals.views.TimeMarker;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javafx.beans.Observable;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;

/**
 * What the user adds to a session and what is saved in its manifest: bookmarks, notes and alert
 * rules, and the alerts the rules fired (not saved: they are evaluated again on opening), merged
 * into episodes ({@link AlertEpisodes}). Lives on the FX thread. {@link #markersProperty()} is the
 * markers the time views draw: one per alert episode and one per bookmark the user set; the
 * bookmarks alert rules and findings made live are shown by their alert's or finding's tick (as
 * is, in a session saved before bookmarks kept their origin, one over exactly an alert's span).
 */
final class SessionAnnotations {
    private final ObservableList<Bookmark> bookmarks = FXCollections.observableArrayList();
    private final StringProperty notes = new SimpleStringProperty(this, "notes", "");
    private final ObjectProperty<List<AlertRule>> rules = new SimpleObjectProperty<>(this, "rules", List.of());
    private final ObservableList<AlertEvent> alerts = FXCollections.observableArrayList();
    private final AlertEpisodes episodes = new AlertEpisodes();
    private final ReadOnlyObjectWrapper<List<TimeMarker>> markers = new ReadOnlyObjectWrapper<>(this, "markers", List.of());
    /** The snapshots alerts took (kept with the session's diagnostics), by the bookmark each is the evidence of. */
    private final ObservableMap<Bookmark, KeptSnapshot> snapshots = FXCollections.observableHashMap();

    /**
     * @param manifest a session's manifest, or null for a recording or a new live session
     * @param defaults the rules a session without its own starts with
     */
    SessionAnnotations(SessionManifest manifest, List<AlertRule> defaults) {
        if (manifest != null) {
            bookmarks.setAll(manifest.bookmarks());
            notes.set(manifest.notes());
        }
        rules.set(manifest == null || manifest.alertRules().isEmpty() ? defaults : manifest.alertRules());
        bookmarks.addListener((Observable o) -> updateMarkers());
        alerts.addListener((Observable o) -> updateMarkers());
        updateMarkers();
    }

    /** The bookmarks, in the order they were added. */
    ObservableList<Bookmark> bookmarks() {
        return bookmarks;
    }

    /** The snapshots alerts took, by their bookmark (filled by the session's tab, which knows where they lie). */
    ObservableMap<Bookmark, KeptSnapshot> snapshots() {
        return snapshots;
    }

    /** The session's notes. */
    StringProperty notesProperty() {
        return notes;
    }

    /** The alert rules (an immutable list; set a new one to change them). */
    ObjectProperty<List<AlertRule>> rulesProperty() {
        return rules;
    }

    /** The alerts fired so far, by start time (read-only: {@link #addAlerts} and {@link #clearAlerts} change them). */
    ObservableList<AlertEvent> alerts() {
        return FXCollections.unmodifiableObservableList(alerts);
    }

    /** Adds alerts that fired and returns the episodes they started (those they extend are not new). */
    List<AlertEpisode> addAlerts(List<AlertEvent> fired) {
        List<AlertEpisode> started = episodes.add(fired);
        alerts.addAll(fired);
        return started;
    }

    /** Forgets the alerts (the rules changed and are evaluated again). */
    void clearAlerts() {
        episodes.clear();
        alerts.clear();
    }

    /** The alert episodes so far, in the order they started. */
    List<AlertEpisode> episodes() {
        return episodes.episodes();
    }

    /** The bookmarks the alert rules of these names made (in this session or before it was saved). */
    List<Bookmark> ruleBookmarks(Set<String> ruleNames) {
        return bookmarks.stream().filter(b -> b.origin().kind() == Origin.Kind.ALERT_RULE
                && ruleNames.contains(b.origin().name())).toList();
    }

    /** The markers for the time views. */
    ReadOnlyObjectProperty<List<TimeMarker>> markersProperty() {
        return markers.getReadOnlyProperty();
    }

    /** The manifest with these bookmarks, rules and notes. */
    SessionManifest applyTo(SessionManifest manifest) {
        return manifest.withAnnotations(List.copyOf(bookmarks), rules.get(), notes.get());
    }

    /** The marker of an alert episode. */
    static TimeMarker marker(AlertEpisode episode) {
        return new TimeMarker(episode.fromNanos(), episode.toNanos(), episode.headline(), TimeMarker.Kind.ALERT,
                episode.threads());
    }

    /** The marker of a bookmark. */
    static TimeMarker marker(Bookmark bookmark) {
        return new TimeMarker(bookmark.fromNanos(), bookmark.toNanos(), bookmark.label(), TimeMarker.Kind.BOOKMARK, Set.of());
    }

    private void updateMarkers() {
        List<TimeMarker> all = new ArrayList<>();
        for (Bookmark b : bookmarks) {
            if (b.origin().kind() == Origin.Kind.USER
                    && alerts.stream().noneMatch(a -> a.fromNanos() == b.fromNanos() && a.toNanos() == b.toNanos())) {
                all.add(marker(b));
            }
        }
        episodes.episodes().forEach(e -> all.add(marker(e)));
        markers.set(List.copyOf(all));
    }
}
