package dev.vitals.analysis;

import dev.vitals.analysis.internal.ResultReader;
import dev.vitals.analysis.internal.OwnRule;
import dev.vitals.analysis.internal.TimeWindow;
import dev.vitals.model.finding.Finding;
import dev.vitals.model.finding.Findings;
import dev.vitals.model.finding.SkippedRule;
import org.openjdk.jmc.common.item.IItemCollection;
import org.openjdk.jmc.common.unit.IQuantity;
import org.openjdk.jmc.common.unit.UnitLookup;
import org.openjdk.jmc.flightrecorder.CouldNotLoadRecordingException;
import org.openjdk.jmc.flightrecorder.JfrLoaderToolkit;
import org.openjdk.jmc.flightrecorder.rules.IResult;
import org.openjdk.jmc.flightrecorder.rules.IRule;
import org.openjdk.jmc.flightrecorder.rules.RuleRegistry;
import org.openjdk.jmc.flightrecorder.rules.util.RulesToolkit;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Evaluates JDK Mission Control's automated-analysis rules over recordings: every rule its
 * {@link RuleRegistry} finds (the {@code IRule} service of {@code flightrecorder.rules.jdk}), with
 * JMC's own evaluation ({@link RulesToolkit#evaluateParallel}, which orders rules that depend on
 * others), and Vitals' own rules where JMC has none ({@link OwnRule#ALL}: {@code vitals.SlowEvents},
 * outliers among the application's own duration events such as requests; {@code vitals.VirtualThreadPinning};
 * {@code vitals.LostCpuTimeSamples}). The recording is read by JMC's loader (plain, gzip or zip files, JFR format 0.9 to 2.x),
 * not by Vitals' importer: the rules need JMC's item collections.
 *
 * <p>Runs on the caller's thread and on {@code threads} of JMC's own; stops with a
 * {@link CancellationException} soon after {@code cancelled} turns true.
 */
public final class RecordingAnalyzer {
    private static final long POLL_MILLIS = 50;
    /**
     * JMC's own loggers, held so their level stays: its parser warns on stderr about every JDK
     * field it does not know (the thread's {@code virtual} of JDK 21+), which says nothing to a user.
     */
    private static final Logger JMC_LOG = Logger.getLogger("org.openjdk.jmc");

    static {
        JMC_LOG.setLevel(Level.SEVERE);
    }

    private final int threads;

    /** An analyzer evaluating rules on {@code threads} threads (at least 1). */
    public RecordingAnalyzer(int threads) {
        this.threads = Math.max(1, threads);
    }

    /** The number of rules evaluated: JMC's found on the module path and Vitals' own. */
    public static int ruleCount() {
        return rules().size() + OwnRule.ALL.size();
    }

    /**
     * JMC's rules, each once: its services file names some rules twice, and an automatic module's
     * provider list keeps the repeats (on the class path, and from an explicit descriptor, they go).
     */
    private static Collection<IRule> rules() {
        Map<String, IRule> byId = new LinkedHashMap<>();
        for (IRule rule : RuleRegistry.getRules()) {
            byId.putIfAbsent(rule.getId(), rule);
        }
        return byId.values();
    }

    /**
     * Reads the recordings (the chunks of one recording, in order, or one file) and evaluates every rule.
     *
     * @throws AnalysisException     if the recordings cannot be read
     * @throws CancellationException if {@code cancelled} turned true
     */
    public Findings analyze(List<Path> recordings, AnalysisProgress progress, BooleanSupplier cancelled)
            throws AnalysisException {
        return evaluate(load(recordings, progress, cancelled), progress, cancelled);
    }

    /**
     * Analyses the last {@code window} of a live session's kept chunks (in order): the chunks
     * written to within the window, and of them the events of the window (see {@link TimeWindow}).
     *
     * @throws AnalysisException     if the chunks cannot be read
     * @throws CancellationException if {@code cancelled} turned true
     */
    public Findings analyzeLast(List<Path> chunks, Duration window, AnalysisProgress progress,
                                BooleanSupplier cancelled) throws AnalysisException {
        List<Path> recent;
        try {
            recent = TimeWindow.recentChunks(chunks, window);
        } catch (IOException e) {
            throw new AnalysisException(name(chunks) + " cannot be analysed: " + reason(e), e);
        }
        return evaluate(TimeWindow.last(load(recent, progress, cancelled), window), progress, cancelled);
    }

    private static IItemCollection load(List<Path> recordings, AnalysisProgress progress, BooleanSupplier cancelled)
            throws AnalysisException {
        if (recordings.isEmpty()) {
            throw new AnalysisException("there is no recorded chunk to analyse yet", null);
        }
        progress.update(0, 0);
        IItemCollection items;
        try {
            items = JfrLoaderToolkit.loadEvents(recordings.stream().map(Path::toFile).toList());
        } catch (IOException | CouldNotLoadRecordingException | RuntimeException e) {
            throw new AnalysisException(name(recordings) + " cannot be analysed: " + reason(e), e);
        }
        if (cancelled.getAsBoolean()) {
            throw new CancellationException("analysis cancelled");
        }
        return items;
    }

    private Findings evaluate(IItemCollection items, AnalysisProgress progress, BooleanSupplier cancelled) {
        Map<IRule, Future<IResult>> futures = RulesToolkit.evaluateParallel(rules(), items, null, threads);
        ResultReader reader = new ResultReader(items);
        List<Finding> findings = new ArrayList<>();
        List<SkippedRule> skipped = new ArrayList<>();
        int done = 0;
        int total = futures.size() + OwnRule.ALL.size();
        progress.update(done, total);
        for (Map.Entry<IRule, Future<IResult>> entry : futures.entrySet()) {
            IRule rule = entry.getKey();
            try {
                IResult result = await(entry.getValue(), futures.values(), cancelled);
                switch (result == null ? null : result.getSeverity()) {
                    case OK, INFO, WARNING -> findings.add(reader.finding(result));
                    case NA, IGNORE -> skipped.add(reader.skipped(rule, result));
                    case null -> skipped.add(ResultReader.failed(rule, "it gave no result"));
                }
            } catch (ExecutionException e) {
                skipped.add(ResultReader.failed(rule, "it failed (" + reason(e.getCause()) + ")"));
            }
            progress.update(++done, total);
        }
        for (OwnRule rule : OwnRule.ALL) {
            switch (rule.evaluate(items)) {
                case OwnRule.Outcome.Ran ran -> findings.add(ran.finding());
                case OwnRule.Outcome.Skipped skip -> skipped.add(skip.rule());
            }
            progress.update(++done, total);
        }
        skipped.sort(Comparator.comparing(SkippedRule::ruleId));
        return new Findings(findings, skipped, epochNanos(RulesToolkit.getEarliestStartTime(items)),
                epochNanos(RulesToolkit.getLatestEndTime(items)));
    }

    /** Waits for one rule, cancelling every rule when {@code cancelled} turns true. */
    private static IResult await(Future<IResult> future, Collection<Future<IResult>> all, BooleanSupplier cancelled)
            throws ExecutionException {
        while (true) {
            if (cancelled.getAsBoolean()) {
                all.forEach(f -> f.cancel(true));
                throw new CancellationException("analysis cancelled");
            }
            try {
                return future.get(POLL_MILLIS, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                // poll the cancellation again
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                all.forEach(f -> f.cancel(true));
                throw new CancellationException("analysis interrupted");
            }
        }
    }

    private static long epochNanos(IQuantity time) {
        return time == null ? 0 : time.clampedLongValueIn(UnitLookup.EPOCH_NS);
    }

    private static String name(List<Path> recordings) {
        return recordings.size() == 1 ? recordings.getFirst().toString()
                : recordings.size() + " chunks in " + recordings.getFirst().getParent();
    }

    private static String reason(Throwable e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }
}
