package dev.vitals.app.ui.diagnostics;

import dev.vitals.attach.Diagnostics;
import dev.vitals.model.diagnostics.DeadlockCycle;
import dev.vitals.model.diagnostics.DumpedThread;
import dev.vitals.model.diagnostics.LockRef;
import dev.vitals.model.diagnostics.StackFrame;
import dev.vitals.model.diagnostics.StayedBlocked;
import dev.vitals.model.diagnostics.ThreadDump;
import dev.vitals.views.TableCells;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.css.PseudoClass;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;

/**
 * Thread dumps of the JVM: a table of threads filtered by state and searched by name or frame, the
 * chosen thread's stack with its locks, the deadlocks drawn as rings with their frames highlighted,
 * the threads that stayed blocked since an earlier dump, and the dump saved in the jstack layout.
 */
final class ThreadsView extends BorderPane {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());
    private static final String ALL_STATES = "All states";
    private static final String DEADLOCKED = "Deadlocked";
    private static final String STAYED = "Stayed blocked";
    private static final PseudoClass DEADLOCKED_ROW = PseudoClass.getPseudoClass("deadlocked");
    private static final String DANGER = "-fx-background-color: -color-danger-subtle;";
    private static final String WARNING = "-fx-background-color: -color-warning-subtle;";

    private final Diagnostics diagnostics;
    private final DiagnosticsKept kept;
    private final Label status = new Label();
    private final ComboBox<ThreadDump> dumps = new ComboBox<>();
    private final ComboBox<ThreadDump> compareWith = new ComboBox<>();
    private final ComboBox<String> stateFilter = new ComboBox<>();
    private final TextField search = new TextField();
    private final ObservableList<DumpedThread> threads = FXCollections.observableArrayList();
    private final FilteredList<DumpedThread> shown = new FilteredList<>(threads);
    private final TableView<DumpedThread> table = new TableView<>();
    private final ListView<StackLine> stack = new ListView<>();
    private final VBox deadlockPane = new VBox(4);
    private Set<Long> stayed = Set.of();

    /** One line of the stack pane: a frame or a lock line under it, and whether it is part of a deadlock. */
    record StackLine(String text, boolean involved) {
    }

    /** {@code diagnostics} null: a saved session's dumps only. */
    ThreadsView(Diagnostics diagnostics, DiagnosticsKept kept) {
        this.diagnostics = diagnostics;
        this.kept = kept;
        setId("threads-view");
        Button take = new Button("Take Thread Dump");
        take.setId("take-dump");
        take.setDefaultButton(true);
        // a saved session has no JVM to ask: its dumps can be read and compared, not taken
        take.setVisible(diagnostics != null);
        take.setManaged(diagnostics != null);
        take.setOnAction(e -> takeDump());
        Button save = new Button("Save as Text…");
        save.setId("save-dump");
        save.disableProperty().bind(dumps.valueProperty().isNull());
        save.setOnAction(e -> saveText());

        StringConverter<ThreadDump> names = new StringConverter<>() {
            @Override
            public String toString(ThreadDump dump) {
                return dump == null ? "(none)" : describe(dump) + kept.bookmarkOf(dump).map(b -> " · " + b.label()).orElse("");
            }

            @Override
            public ThreadDump fromString(String text) {
                return null;
            }
        };
        dumps.setId("dumps");
        dumps.setItems(kept.threadDumps());
        dumps.setConverter(names);
        dumps.setPromptText("No dump yet");
        compareWith.setId("compare-with");
        compareWith.setConverter(names);
        compareWith.setPromptText("Compare with…");
        kept.threadDumps().addListener((ListChangeListener<ThreadDump>) c -> updateCompareChoices());
        dumps.valueProperty().addListener((obs, old, now) -> show(now));
        compareWith.valueProperty().addListener((obs, old, now) -> show(dumps.getValue()));

        stateFilter.setId("state-filter");
        stateFilter.getItems().add(ALL_STATES);
        for (Thread.State state : Thread.State.values()) {
            stateFilter.getItems().add(state.name());
        }
        stateFilter.getItems().addAll(DEADLOCKED, STAYED);
        stateFilter.setValue(ALL_STATES);
        stateFilter.valueProperty().addListener((obs, old, now) -> refilter());
        search.setId("thread-search");
        search.setPromptText("Name or frame");
        search.setPrefWidth(170);
        search.textProperty().addListener((obs, old, now) -> refilter());

        HBox bar = new HBox(8, take, dumps, compareWith, stateFilter, search, save);
        HBox.setHgrow(search, Priority.ALWAYS);
        for (Region fixed : List.of(take, dumps, compareWith, stateFilter, save)) {
            fixed.setMinWidth(Region.USE_PREF_SIZE);
        }
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(6));

        table.setId("threads");
        table.setPlaceholder(new Label("Take a thread dump to see the JVM's threads."));
        table.getColumns().add(column("Thread", 220, t -> t.name()));
        TableColumn<DumpedThread, String> state = column("State", 110, t -> t.state().name());
        state.setCellFactory(c -> TableCells.whole(name -> name));
        table.getColumns().add(state);
        TableColumn<DumpedThread, Number> cpu = new TableColumn<>("CPU ms");
        cpu.setPrefWidth(90);
        cpu.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().cpuNanos() / 1e6));
        cpu.setCellFactory(c -> {
            TableCell<DumpedThread, Number> cell = TableCells.whole(millis -> millis.doubleValue() < 0 ? ""
                    : String.format(Locale.ROOT, "%,.1f", millis.doubleValue()));
            cell.setStyle("-fx-alignment: CENTER-RIGHT;");
            return cell;
        });
        table.getColumns().add(cpu);
        TableColumn<DumpedThread, String> waitingFor = column("Waiting for", 260,
                t -> t.waitingOn() == null ? "" : t.waitingOn().text());
        waitingFor.setCellFactory(c -> TableCells.whole(text -> text));
        table.getColumns().add(waitingFor);
        table.getColumns().add(column("Held by", 140, t -> t.lockOwnerId() < 0 ? "" : t.lockOwnerName()));
        table.getColumns().add(column("Top frame", 320, t -> t.stack().isEmpty() ? "" : t.stack().getFirst().text()));
        SortedList<DumpedThread> sorted = new SortedList<>(shown);
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(DumpedThread thread, boolean empty) {
                super.updateItem(thread, empty);
                ThreadDump dump = dumps.getValue();
                boolean deadlocked = !empty && thread != null && dump != null && dump.deadlocked(thread.id());
                boolean stuck = !empty && thread != null && stayed.contains(thread.id());
                setStyle(deadlocked ? DANGER : stuck ? WARNING : "");
                pseudoClassStateChanged(DEADLOCKED_ROW, deadlocked);
            }
        });
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> showStack(now));

        stack.setId("stack");
        stack.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(StackLine line, boolean empty) {
                super.updateItem(line, empty);
                setText(empty || line == null ? null : line.text());
                setStyle(!empty && line != null && line.involved() ? DANGER + " -fx-font-weight: bold;" : "");
                getStyleClass().remove("deadlock-frame");
                if (!empty && line != null && line.involved()) {
                    getStyleClass().add("deadlock-frame");
                }
            }
        });
        stack.setStyle("-fx-font-family: monospace;");

        deadlockPane.setId("deadlock");
        deadlockPane.setPadding(new Insets(0, 6, 6, 6));
        status.setId("threads-status");
        status.getStyleClass().add("text-muted");

        SplitPane split = new SplitPane(table, stack);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.55);
        setTop(new VBox(bar, deadlockPane));
        setCenter(split);
        setBottom(status);
        BorderPane.setMargin(status, new Insets(2, 6, 2, 6));
        if (!kept.threadDumps().isEmpty()) {
            updateCompareChoices();
            dumps.setValue(kept.threadDumps().getLast());
        }
    }

    private static TableColumn<DumpedThread, String> column(String title, double width,
                                                            Function<DumpedThread, String> value) {
        TableColumn<DumpedThread, String> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(value.apply(c.getValue())));
        return column;
    }

    /** Takes a dump off the FX thread, keeps it with the session and shows it. */
    CompletableFuture<ThreadDump> takeDump() {
        return OffFx.run(status, "Taking a thread dump…", diagnostics::threadDump, dump -> {
            kept.add(dump);
            dumps.setValue(dump);
            status.setText(describe(dump));
        });
    }

    static String describe(ThreadDump dump) {
        return TIME.format(dump.taken()) + " · " + dump.threads().size() + " threads"
                + (dump.deadlocks().isEmpty() ? "" : " · " + dump.deadlocks().size()
                        + (dump.deadlocks().size() == 1 ? " deadlock" : " deadlocks"));
    }

    private void updateCompareChoices() {
        ThreadDump chosen = compareWith.getValue();
        List<ThreadDump> earlier = new ArrayList<>(kept.threadDumps());
        earlier.remove(dumps.getValue());
        compareWith.getItems().setAll(earlier);
        compareWith.setValue(earlier.contains(chosen) ? chosen : null);
    }

    private void show(ThreadDump dump) {
        updateCompareChoices();
        ThreadDump earlier = compareWith.getValue();
        stayed = dump == null || earlier == null ? Set.of() : StayedBlocked.between(
                earlier.takenEpochMillis() < dump.takenEpochMillis() ? earlier : dump,
                earlier.takenEpochMillis() < dump.takenEpochMillis() ? dump : earlier).threads().stream()
                .map(DumpedThread::id).collect(Collectors.toSet());
        threads.setAll(dump == null ? List.of() : dump.threads());
        refilter();
        deadlockPane.getChildren().clear();
        if (dump == null) {
            return;
        }
        for (DeadlockCycle cycle : dump.deadlocks()) {
            List<DumpedThread> ring = dump.threadsOf(cycle);
            Label heading = new Label("Deadlock: " + ring.stream().map(DumpedThread::name)
                    .collect(Collectors.joining(" → ")) + " → " + ring.getFirst().name());
            heading.getStyleClass().add("deadlock-heading");
            heading.setStyle("-fx-text-fill: -color-danger-fg; -fx-font-weight: bold;");
            deadlockPane.getChildren().addAll(heading, new DeadlockGraph(ring));
        }
        if (earlier != null) {
            Label summary = new Label(stayed.size() + " thread(s) waited for the same held lock at the same frame in both"
                    + " dumps (marked)");
            summary.setId("stayed-summary");
            deadlockPane.getChildren().add(summary);
        }
        table.getSelectionModel().clearSelection();
        dump.threads().stream().filter(t -> dump.deadlocked(t.id())).findFirst().ifPresent(t -> {
            table.getSelectionModel().select(t);
            table.scrollTo(t);
        });
    }

    private void refilter() {
        ThreadDump dump = dumps.getValue();
        String state = stateFilter.getValue();
        String text = search.getText() == null ? "" : search.getText().strip().toLowerCase(Locale.ROOT);
        shown.setPredicate(t -> (state == null || state.equals(ALL_STATES) || state.equals(t.state().name())
                || state.equals(DEADLOCKED) && dump != null && dump.deadlocked(t.id())
                || state.equals(STAYED) && stayed.contains(t.id()))
                && (text.isEmpty() || t.name().toLowerCase(Locale.ROOT).contains(text)
                        || t.stack().stream().anyMatch(f -> f.text().toLowerCase(Locale.ROOT).contains(text))));
    }

    /**
     * The stack of {@code thread} as jstack writes it; in a deadlocked thread, the frame where it
     * waits and the frames holding a lock another thread of its ring waits for are marked involved.
     */
    private void showStack(DumpedThread thread) {
        ThreadDump dump = dumps.getValue();
        if (thread == null || dump == null) {
            stack.getItems().clear();
            return;
        }
        Set<LockRef> wanted = new HashSet<>();
        boolean deadlocked = dump.deadlocked(thread.id());
        if (deadlocked) {
            dump.deadlocks().stream().filter(c -> c.threadIds().contains(thread.id()))
                    .flatMap(c -> dump.threadsOf(c).stream()).filter(t -> t.waitingOn() != null)
                    .forEach(t -> wanted.add(t.waitingOn()));
        }
        List<StackLine> lines = new ArrayList<>();
        lines.add(new StackLine("\"" + thread.name() + "\" #" + thread.id() + " " + thread.state()
                + (thread.cpuNanos() >= 0 ? String.format(Locale.ROOT, " · cpu %.2f ms", thread.cpuNanos() / 1e6) : ""), false));
        for (int i = 0; i < thread.stack().size(); i++) {
            StackFrame frame = thread.stack().get(i);
            boolean holds = frame.lockedHere().stream().anyMatch(wanted::contains);
            lines.add(new StackLine("at " + frame.text(), deadlocked && (i == 0 || holds)));
            if (i == 0 && thread.waitingOn() != null) {
                lines.add(new StackLine("  - " + (thread.state() == Thread.State.BLOCKED ? "waiting to lock "
                        : "waiting for ") + thread.waitingOn().text()
                        + (thread.lockOwnerId() >= 0 ? " held by \"" + thread.lockOwnerName() + "\"" : ""), deadlocked));
            }
            for (LockRef lock : frame.lockedHere()) {
                lines.add(new StackLine("  - locked " + lock.text(), wanted.contains(lock)));
            }
        }
        for (LockRef lock : thread.lockedSynchronizers()) {
            lines.add(new StackLine("owns " + lock.text(), wanted.contains(lock)));
        }
        stack.getItems().setAll(lines);
    }

    private void saveText() {
        ThreadDump dump = dumps.getValue();
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Save Thread Dump");
        chooser.setInitialFileName("threads-" + DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
                .withZone(ZoneId.systemDefault()).format(dump.taken()) + ".txt");
        File file = chooser.showSaveDialog(getScene().getWindow());
        if (file != null) {
            saveText(dump, file.toPath());
        }
    }

    /** Writes the dump in the jstack layout off the FX thread. */
    CompletableFuture<Path> saveText(ThreadDump dump, Path file) {
        return OffFx.run(status, "Saving " + file.getFileName() + "…", () -> {
            try {
                return Files.writeString(file, dump.jstackText());
            } catch (IOException e) {
                throw new UncheckedIOException("Could not write " + file + ": " + e.getMessage(), e);
            }
        }, saved -> status.setText("Saved " + saved));
    }
}
