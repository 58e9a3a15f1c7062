package dev.vitals.app.ui.diagnostics;

import dev.vitals.model.diagnostics.HeapHistogram;
import dev.vitals.model.diagnostics.ThreadDump;
import dev.vitals.model.session.Bookmark;
import dev.vitals.model.session.SessionDiagnostics;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The thread dumps, heap histograms and snapshots taken in one session, oldest first, each possibly the
 * evidence of an alert's bookmark; kept with the session (saved in its {@code .vitals} file as
 * {@link SessionDiagnostics}). Changed and read on the FX thread only.
 */
public final class DiagnosticsKept {
    private final List<SessionDiagnostics.Item> items = new ArrayList<>();
    private final ObservableList<ThreadDump> threadDumps = FXCollections.observableArrayList();
    private final ObservableList<HeapHistogram> histograms = FXCollections.observableArrayList();
    private final ObservableList<ThreadDump> readOnlyDumps = FXCollections.unmodifiableObservableList(threadDumps);
    private final ObservableList<HeapHistogram> readOnlyHistograms = FXCollections.unmodifiableObservableList(histograms);
    private final ObservableList<SessionDiagnostics.Snapshot> snapshots = FXCollections.observableArrayList();
    private final ObservableList<SessionDiagnostics.Snapshot> readOnlySnapshots = FXCollections.unmodifiableObservableList(snapshots);

    public DiagnosticsKept(SessionDiagnostics kept) {
        kept.items().forEach(this::add);
    }

    /** Keeps a dump, histogram or snapshot taken. */
    public void add(SessionDiagnostics.Item item) {
        items.add(item);
        switch (item) {
            case SessionDiagnostics.Dump d -> threadDumps.add(d.dump());
            case SessionDiagnostics.Histogram h -> histograms.add(h.histogram());
            case SessionDiagnostics.Snapshot s -> snapshots.add(s);
        }
    }

    void add(ThreadDump dump) {
        add(new SessionDiagnostics.Dump(dump, null));
    }

    void add(HeapHistogram histogram) {
        add(new SessionDiagnostics.Histogram(histogram, null));
    }

    /** The dumps, oldest first (observe it to follow new ones; change it through {@link #add}). */
    public ObservableList<ThreadDump> threadDumps() {
        return readOnlyDumps;
    }

    public ObservableList<HeapHistogram> histograms() {
        return readOnlyHistograms;
    }

    /** The snapshots alerts took, oldest first. */
    public ObservableList<SessionDiagnostics.Snapshot> snapshots() {
        return readOnlySnapshots;
    }

    /** Everything kept, as the session saves it. */
    public SessionDiagnostics snapshot() {
        return new SessionDiagnostics(items);
    }

    /** The bookmark a dump or histogram is the evidence of, if any. */
    public Optional<Bookmark> bookmarkOf(Object taken) {
        return items.stream().filter(i -> switch (i) {
            case SessionDiagnostics.Dump d -> d.dump() == taken;
            case SessionDiagnostics.Histogram h -> h.histogram() == taken;
            case SessionDiagnostics.Snapshot s -> s == taken;
        }).map(SessionDiagnostics.Item::bookmark).filter(Objects::nonNull).findFirst();
    }

    /** The items attached to a bookmark. */
    public List<SessionDiagnostics.Item> evidenceFor(Bookmark bookmark) {
        return snapshot().evidenceFor(bookmark);
    }
}
