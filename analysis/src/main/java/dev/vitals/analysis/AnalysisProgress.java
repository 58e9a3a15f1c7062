package dev.vitals.analysis;

/** Receives an analysis's progress; called on the analysing thread. */
@FunctionalInterface
public interface AnalysisProgress {
    /** A progress callback that ignores everything. */
    AnalysisProgress NONE = (done, total) -> { };

    /**
     * {@code rulesDone} of {@code rulesTotal} rules are evaluated; {@code rulesDone} never
     * decreases. While the recording is still being read, {@code (0, 0)}.
     */
    void update(int rulesDone, int rulesTotal);
}
