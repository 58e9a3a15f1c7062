package dev.vitals.app.ui.diagnostics;

import dev.vitals.model.diagnostics.HeapHistogram;
import dev.vitals.model.diagnostics.ThreadDump;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The thread dumps and heap histograms taken in one session, oldest first, kept with the session
 * (saved in its {@code .vitals} file). Changed and read on the FX thread only.
 */
public final class DiagnosticsKept {
    private final ObservableList<ThreadDump> threadDumps = FXCollections.observableArrayList();
    private final ObservableList<HeapHistogram> histograms = FXCollections.observableArrayList();

    public DiagnosticsKept(List<ThreadDump> dumps, List<HeapHistogram> heapHistograms) {
        threadDumps.setAll(dumps);
        histograms.setAll(heapHistograms);
    }

    public ObservableList<ThreadDump> threadDumps() {
        return threadDumps;
    }

    public ObservableList<HeapHistogram> histograms() {
        return histograms;
    }
}
