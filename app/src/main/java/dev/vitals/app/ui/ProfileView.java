package dev.vitals.app.ui;

import dev.vitals.model.Profile;
import dev.vitals.model.ProfileSnapshot;
import dev.vitals.app.ui.findings.FindingMarkers;
import dev.vitals.app.ui.findings.LiveFindings;
import dev.vitals.app.ui.findings.FindingsPane;
import dev.vitals.model.alert.AlertEpisode;
import dev.vitals.model.finding.EvidenceSelection;
import dev.vitals.model.finding.Finding;
import dev.vitals.model.finding.FindingSeverity;
import dev.vitals.model.query.EventSelector;
import dev.vitals.model.query.Selection;
import dev.vitals.model.query.StackTypes;
import dev.vitals.model.query.Transform;
import dev.vitals.model.session.AlertRule;
import dev.vitals.model.session.Bookmark;
import dev.vitals.model.session.Bookmark.Origin;
import dev.vitals.views.LatestQuery;
import dev.vitals.views.SelectionModel;
import dev.vitals.views.TimeMarker;
import dev.vitals.views.flame.FlameFrame;
import dev.vitals.views.flame.FlameGraph;
import dev.vitals.views.flame.FlameGraphAction;
import dev.vitals.views.flame.FlameGraphMode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Predicate;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * A session's views of one {@link Profile}: the flame graph (with its own search and colouring
 * bar) and the hot methods of the current {@link Selection}, with the event type, layout and
 * transform controls above them. Queries run on {@link Background#QUERIES} through a {@link LatestQuery}:
 * the newest request wins, and while one query runs a newer request waits for it instead of piling
 * up. Every view answers from the one snapshot its {@link LiveWindow} shows: live, a 4 Hz tick
 * advances it to the newest data while the window follows and no query is in flight; a selection
 * of a time range, or a press, drag or zoom on a time view, holds it (End or Live ▸ follows again);
 * the pointer moving over the time views or the flame graph (and 2 s after) defers it.
 */
final class ProfileView extends BorderPane {
    private static final javafx.util.Duration TICK = javafx.util.Duration.millis(250);

    private final Profile profile;
    private final FlameGraph flame = new FlameGraph();
    private final SelectionModel selectionModel = new SelectionModel(Selection.cpu());
    private final HotMethodsTable hotMethods = new HotMethodsTable(this::openSandwich);
    private final ComboBox<String> eventType = new ComboBox<>();
    private final TransformChips transforms = new TransformChips(selectionModel, this::closeSandwich);
    private final Label info = new Label();
    /** Over the flame graph while the selection holds no samples. */
    private final Label flameEmpty = new Label();
    private final LiveWindow window;
    private final ToggleButton showAlerts = new ToggleButton("Alerts");
    private final NotificationLimit notifications = new NotificationLimit();
    private final Timeline tick;
    /** A live session (its first samples are still to come), not a finished recording. */
    private final boolean live;

    private final TimeViews timeViews;
    private final SessionAnnotations annotations;
    private final AlertMonitor alerts;
    private final FindingsPane findings = new FindingsPane(Background.ANALYSIS, this::showEvidence);
    private final Tab findingsTab = new Tab("Findings", findings);
    /** The tabs beside the flame graph: hot methods, events, notes, findings. */
    private final TabPane lowerRight;
    private Runnable onFirstResult = () -> { };
    private LiveFindings liveFindings;
    private Runnable onReveal = () -> { };
    /** The selection set as the baseline of a comparison, or null. */
    private final javafx.beans.property.ObjectProperty<Selection> baseline = new javafx.beans.property.SimpleObjectProperty<>(this, "baseline");
    private boolean updatingTypes;
    private String sandwichMethod;
    private final LatestQuery<ProfileQuery, ProfileQuery.Result> query = new LatestQuery<>(() -> Background.QUERIES,
            ProfileQuery::run, (q, result) -> show(result),
            failure -> info.setText("The query failed: " + dev.vitals.app.UserMessages.describe(failure)));

    ProfileView(Profile profile, boolean live, Predicate<FlameFrame> traceable, Consumer<String> traceMethod,
                SessionAnnotations annotations) {
        this.profile = profile;
        this.live = live;
        this.annotations = annotations;
        window = new LiveWindow(profile);
        timeViews = new TimeViews(selectionModel, window, live);
        setId("profile-view");
        flame.setId("flame-graph");
        flame.setTraceable(traceable);
        flame.setOnAction(action -> handle(action, traceMethod));
        eventType.setId("event-type");
        eventType.setOnAction(e -> {
            if (eventType.getValue() != null && !updatingTypes) {
                selectionModel.select(selectionModel.getSelection().withEvents(new EventSelector.OfType(eventType.getValue())));
            }
        });
        flame.modeProperty().addListener((obs, old, mode) -> {
            if (mode != FlameGraphMode.SANDWICH && sandwichMethod != null) {
                sandwichMethod = null;
            }
            requery();
        });
        selectionModel.selectionProperty().addListener((obs, old, now) -> {
            if (live && isRange(now) && (now.fromNanos() != old.fromNanos() || now.toNanos() != old.toNanos())) {
                window.hold();
            }
            if (!sameForFlameGraph(old, now)) {
                requery();
            }
        });
        flame.selectedFrameProperty().addListener((obs, old, frame) -> selectionModel.select(
                selectionModel.getSelection().withFrameFilter(frame == null || frame.isRoot() ? null : frame.name())));
        addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (selectionModel.handle(e)) {
                e.consume();
            } else if (live && e.getCode() == KeyCode.END && !(e.getTarget() instanceof TextInputControl)) {
                window.follow();
                e.consume();
            }
        });
        timeViews.show(window.shown());
        window.shownProperty().addListener((obs, old, now) -> {
            timeViews.show(now);
            requery();
            updateMarkers();
        });
        window.holdWhileAiming(flame);
        Tab hotTab = new Tab("Hot methods", hotMethods);
        hotTab.setClosable(false);
        findingsTab.setId("findings-tab");
        findingsTab.setClosable(false);
        lowerRight = new TabPane(hotTab, timeViews.eventsTab(),
                NotesTab.of(annotations, () -> profile.snapshot().info().startNanos(),
                        b -> SessionAnnotations.marker(b).select(selectionModel), this::addBookmark), findingsTab);
        showAlerts.setId("show-alerts");
        showAlerts.setSelected(true);
        showAlerts.setTooltip(new Tooltip("Show the alert ticks above the time views (hover one for its label, click it to select its span)"));
        showAlerts.selectedProperty().addListener((obs, was, is) -> updateMarkers());
        updateMarkers();
        annotations.markersProperty().addListener((obs, old, markers) -> updateMarkers());
        findings.minSeverityProperty().addListener((obs, old, min) -> updateMarkers());
        findings.findingsProperty().addListener((obs, old, now) -> {
            updateMarkers();
            if (now != null && now.worst() == FindingSeverity.WARNING && (old == null || old.worst() != now.worst())) {
                lowerRight.getSelectionModel().select(findingsTab);
            }
        });
        flameEmpty.setId("flame-empty");
        flameEmpty.setMouseTransparent(true);
        flameEmpty.setText(live ? "Waiting for the first samples (the stream delivers about once a second)…"
                : "No samples in the selection");
        flameEmpty.getStyleClass().add("text-muted");
        SplitPane lower = new SplitPane(new StackPane(flame, flameEmpty), lowerRight);
        lower.setDividerPositions(0.62);
        SplitPane split = new SplitPane(timeViews.above(), lower);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.5);
        setTop(new VBox(toolbar(), new SelectionBar(selectionModel, () -> profile.snapshot().info(), baseline,
                this::setBaseline, this::compare).node()));
        setCenter(split);
        info.setId("profile-info");
        info.setPadding(new Insets(3, 8, 3, 8));
        setBottom(info);
        tick = new Timeline(new KeyFrame(TICK, e -> {
            if (!query.isRunning()) {
                window.advance();
            }
        }));
        tick.setCycleCount(Timeline.INDEFINITE);
        if (live) {
            tick.play();
        }
        requery();
        alerts = new AlertMonitor(profile, live, annotations, this::alertsFired,
                failure -> info.setText("The alert rules failed: " + dev.vitals.app.UserMessages.describe(failure)));
    }

    /** The session's bookmarks, notes, alert rules and fired alerts. */
    SessionAnnotations annotations() {
        return annotations;
    }

    /** The session's Findings view. */
    FindingsPane findings() {
        return findings;
    }

    /**
     * Runs {@code action} once, after the first answer of the flame graph's query is shown and the
     * time views have answered what they asked for it (see {@link TimeViews#whenAnswered}).
     */
    void afterFirstViews(Runnable action) {
        onFirstResult = () -> timeViews.whenAnswered(action);
    }

    /**
     * Evaluates the rules over the last minutes of a live session's kept chunks every period; a
     * finding that appears or worsens is bookmarked and announced like an alert.
     *
     * @param notify whether findings may be announced by a desktop notification (asked each time)
     */
    void analyseLive(Callable<List<Path>> chunks, Duration period, BooleanSupplier notify) {
        FindingAnnouncer announcer = new FindingAnnouncer(notify);
        liveFindings = new LiveFindings(findings, chunks,
                now -> findingsAppeared(announcer.next(now, System.nanoTime())), period);
        liveFindings.start();
    }

    /** The live evaluations' CPU seconds per minute, NaN when none run. */
    double liveFindingsCpu() {
        return liveFindings == null ? Double.NaN : liveFindings.cpuSecondsPerMinute();
    }

    /**
     * Findings that appeared or worsened live: each bookmarks its span (or the newest moment), the
     * line under the views names them, and a desktop notification tells of them when the announcer
     * says so; its click selects the worst in the Findings tab, narrowing the views to its evidence.
     */
    private void findingsAppeared(FindingAnnouncer.Announcement announced) {
        List<Finding> appeared = announced.appeared();
        if (appeared.isEmpty()) {
            return;
        }
        long end = profile.snapshot().info().endNanos();
        for (Finding f : appeared) {
            var e = f.evidence();
            annotations.bookmarks().add(new Bookmark(e.hasSpan() ? e.fromNanos() : end, e.hasSpan() ? e.toNanos() : end,
                    "Finding: " + f.name(), Origin.finding(f.ruleId())));
        }
        info.setText("New findings: " + appeared.stream().map(f -> f.severity().label() + " " + f.name())
                .collect(Collectors.joining(", ")) + "  (Findings tab)");
        if (announced.notification()) {
            FindingNotification.show(getScene() == null ? null : getScene().getWindow(), profile.snapshot().info().source(),
                    appeared, announced.held(), f -> {
                        onReveal.run();
                        lowerRight.getSelectionModel().select(findingsTab);
                        findings.select(f);
                    });
        }
    }

    /** Narrows the selection to what a finding points at. */
    private void showEvidence(Finding finding) {
        selectionModel.select(EvidenceSelection.of(finding, profile.snapshot()));
    }

    /**
     * The markers of the time views: the session's (alert ticks only while switched on, and only
     * within the data shown, so a click on one is answered from data that hold it) and the findings'.
     */
    private void updateMarkers() {
        long shownEnd = window.shown().info().endNanos();
        List<TimeMarker> markers = new ArrayList<>(annotations.markersProperty().get().stream()
                .filter(m -> m.kind() != TimeMarker.Kind.ALERT || showAlerts.isSelected() && m.toNanos() <= shownEnd)
                .toList());
        markers.addAll(FindingMarkers.of(findings.findingsProperty().get(), findings.minSeverityProperty().get(),
                window.shown()));
        timeViews.setMarkers(List.copyOf(markers));
    }

    /** What a click on a notification does besides selecting what it tells of (bring the tab forward). */
    void setOnReveal(Runnable reveal) {
        onReveal = reveal;
    }

    /**
     * Asks for a label and bookmarks the selected span, or the visible span when the whole
     * recording is selected.
     */
    void addBookmark() {
        Selection s = selectionModel.getSelection();
        var visible = timeViews.visibleRange();
        long from = s.fromNanos() == Long.MIN_VALUE ? visible.fromNanos() : s.fromNanos();
        long to = s.toNanos() == Long.MAX_VALUE ? visible.toNanos() : s.toNanos();
        BookmarksPane.askLabel(this, "Add Bookmark", "Bookmark " + (annotations.bookmarks().size() + 1),
                label -> annotations.bookmarks().add(new Bookmark(from, to, label)));
    }

    /** Opens the alert rules dialog; OK replaces the session's rules (and the defaults, if asked). */
    void editAlertRules(AlertDefaults defaults) {
        var intervals = profile.snapshot().intervals();
        List<String> types = new ArrayList<>();
        for (int t = 0; t < intervals.typeCount(); t++) {
            types.add(intervals.type(t).name());
        }
        types.sort(null);
        AlertRulesDialog.show(getScene().getWindow(), annotations.rulesProperty().get(), types, result -> {
            Set<String> kept = result.rules().stream().map(AlertRule::name).collect(Collectors.toSet());
            Set<String> deleted = annotations.rulesProperty().get().stream().map(AlertRule::name)
                    .filter(name -> !kept.contains(name)).collect(Collectors.toSet());
            annotations.rulesProperty().set(result.rules());
            if (result.asDefaults()) {
                defaults.save(result.rules());
            }
            List<Bookmark> made = annotations.ruleBookmarks(deleted);
            if (!made.isEmpty()) {
                Alert ask = new Alert(Alert.AlertType.CONFIRMATION, "", ButtonType.YES, ButtonType.NO);
                ask.initOwner(getScene().getWindow());
                ask.setTitle("Deleted alert rules");
                ask.setHeaderText("Delete the " + made.size() + " bookmark(s) the deleted rule(s) made?");
                ask.getDialogPane().setId("delete-rule-bookmarks");
                ask.showAndWait().filter(ButtonType.YES::equals).ifPresent(yes -> annotations.bookmarks().removeAll(made));
            }
        });
    }

    /**
     * Alert episodes started in new live data: each bookmarks its first span (the bookmark goes with
     * its rule), and one notification tells of them, unless one was shown less than
     * {@link NotificationLimit#INTERVAL_NANOS} ago.
     */
    private void alertsFired(List<AlertEpisode> started) {
        for (var episode : started) {
            annotations.bookmarks().add(new Bookmark(episode.fromNanos(), episode.toNanos(), episode.headline(),
                    Origin.alertRule(episode.rule().name())));
        }
        if (notifications.allow(System.nanoTime(), started.size())) {
            AlertNotification.show(getScene() == null ? null : getScene().getWindow(), profile.snapshot().info().source(),
                    started, notifications.takeHeld(), episode -> {
                        onReveal.run();
                        SessionAnnotations.marker(episode).select(selectionModel);
                    });
        }
    }

    /** The flame graph control, for tests and for exporting a picture of it. */
    FlameGraph flameGraph() {
        return flame;
    }

    /** What the views show and whether they follow the newest data. */
    LiveWindow liveWindow() {
        return window;
    }

    /** Stops the live tick; the view keeps what it shows. */
    void stopUpdating() {
        tick.stop();
        alerts.finish();
        findings.cancelRunning();
        if (liveFindings != null) {
            liveFindings.stop();
        }
    }

    private ToolBar toolbar() {
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        return new ToolBar(new Label("Events"), eventType, new Separator(), transforms.node(), spacer, showAlerts);
    }

    /** Remembers the current selection as the baseline of a comparison. */
    void setBaseline() {
        baseline.set(selectionModel.getSelection());
        info.setText("Baseline: " + RecordingText.describeRange(baseline.get(), profile.snapshot().info())
                + "  ·  select another range, then Compare with baseline (Ctrl+Shift+D)");
    }

    /**
     * Asks the window (through a bubbling {@link CompareEvent}) for the diff of the selection against
     * the baseline; nothing without a baseline.
     */
    void compare() {
        if (baseline.get() == null) {
            return;
        }
        fireEvent(new CompareEvent(window.shown(), baseline.get(), selectionModel.getSelection()));
    }

    /** True if the flame graph would show the same for both (it ignores the frame filter, which it publishes). */
    private static boolean sameForFlameGraph(Selection a, Selection b) {
        return a != null && b != null && a.withFrameFilter(null).equals(b.withFrameFilter(null));
    }

    private void handle(FlameGraphAction action, Consumer<String> traceMethod) {
        String method = action.frame().name();
        switch (action) {
            case FlameGraphAction.Focus f -> push(new Transform.Focus(method));
            case FlameGraphAction.Merge m -> push(new Transform.Merge(method));
            case FlameGraphAction.DropFrameType d -> push(new Transform.DropFrameType(d.frameType()));
            case FlameGraphAction.CollapseRecursion c -> push(new Transform.CollapseRecursion(method));
            case FlameGraphAction.ShowInSandwich s -> openSandwich(method);
            case FlameGraphAction.TraceMethod t -> traceMethod.accept(method);
        }
    }

    private void push(Transform transform) {
        selectionModel.select(selectionModel.getSelection().push(transform));
    }

    private void openSandwich(String method) {
        sandwichMethod = method;
        flame.setMode(FlameGraphMode.SANDWICH);
        requery();
    }

    private void closeSandwich() {
        sandwichMethod = null;
        flame.setMode(FlameGraphMode.TOP_DOWN);
        requery();
    }

    /** True if {@code s} selects a time range narrower than the whole recording. */
    private static boolean isRange(Selection s) {
        return s.fromNanos() != Long.MIN_VALUE || s.toNanos() != Long.MAX_VALUE;
    }

    /** Asks for the answer to the shown snapshot, selection and layout. */
    private void requery() {
        ProfileSnapshot snapshot = window.shown();
        transforms.show(selectionModel.getSelection(), sandwichMethod);
        Selection forFlameGraph = selectionModel.getSelection().withFrameFilter(null);
        query.request(new ProfileQuery(snapshot, forFlameGraph, flame.getMode() == FlameGraphMode.INVERTED,
                sandwichMethod));
    }

    /** Lists the types with stacks; the choice stays while the snapshot has it, else the model's preferred type. */
    private void showEventTypes(StackTypes types) {
        if (types.types().equals(eventType.getItems())) {
            return;
        }
        updatingTypes = true;
        String current = eventType.getValue();
        eventType.getItems().setAll(types.types());
        eventType.setValue(current != null && types.types().contains(current) ? current : types.preferred());
        updatingTypes = false;
    }

    private void show(ProfileQuery.Result result) {
        flame.setCallersTree(result.callers());
        flame.setCallTree(result.tree());
        hotMethods.show(result.hotMethods(), result.tree().total(0));
        StackTypes types = result.stackTypes();
        showEventTypes(types);
        boolean noStacks = !types.cpu() && types.preferred() != null && !types.preferredStacks()
                && result.query().selection().events().equals(new EventSelector.OfType(types.preferred()));
        if (noStacks) {
            flameEmpty.setText("No CPU samples, and the " + types.preferred()
                    + " events carry no stacks: see them in the Events tab and the Latency heatmap");
        } else if (result.tree().total(0) > 0) {
            flameEmpty.setText("No samples in the selection");
        }
        flameEmpty.setVisible(noStacks || result.tree().total(0) == 0);
        ProfileSnapshot snapshot = result.query().snapshot();
        info.setText(RecordingText.describe(snapshot.info()) + String.format("  ·  %,d samples", snapshot.sampleCount())
                + (types.cpu() || types.preferred() == null ? ""
                : "  ·  no CPU samples: showing " + eventType.getValue() + " events"));
        Selection asked = result.query().selection();
        if (!live && !types.cpu() && types.preferred() != null && asked.events() instanceof EventSelector.OfKind) {
            // a recording without CPU samples: show the stacks it has rather than an empty flame graph
            selectionModel.select(selectionModel.getSelection().withEvents(new EventSelector.OfType(types.preferred())));
        }
        info.setTooltip(new Tooltip(snapshot.info().source()));
        Runnable first = onFirstResult;
        onFirstResult = () -> { };
        first.run();
    }
}
