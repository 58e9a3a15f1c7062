package dev.vitals.app.ui.diagnostics;

import dev.vitals.app.UserMessages;
import dev.vitals.attach.DiagnosticCommand;
import dev.vitals.attach.DiagnosticException;
import dev.vitals.attach.Diagnostics;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

/**
 * The JVM's diagnostic commands ({@code jcmd}): the list with each command's help, run with
 * arguments, every output kept below the last. A command that changes the JVM asks first and says
 * what it does; Heap Dump… writes to a chosen file after a warning about its pause and size.
 */
final class JcmdView extends BorderPane {
    private final Diagnostics diagnostics;
    private final Label status = new Label();
    private final ObservableList<DiagnosticCommand> commands = FXCollections.observableArrayList();
    private final ListView<DiagnosticCommand> list = new ListView<>(new FilteredList<>(commands));
    private final TextArea help = new TextArea();
    private final TextField arguments = new TextField();
    private final TextArea output = new TextArea();
    private boolean loaded;

    JcmdView(Diagnostics diagnostics) {
        this.diagnostics = diagnostics;
        setId("jcmd-view");
        TextField filter = new TextField();
        filter.setId("command-filter");
        filter.setPromptText("Filter commands");
        filter.textProperty().addListener((obs, old, now) -> ((FilteredList<DiagnosticCommand>) list.getItems())
                .setPredicate(c -> c.name().toLowerCase(Locale.ROOT).contains(now.strip().toLowerCase(Locale.ROOT))));
        list.setId("commands");
        list.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(DiagnosticCommand command, boolean empty) {
                super.updateItem(command, empty);
                setText(empty || command == null ? null : command.name() + (command.changesJvm() ? "  *" : ""));
            }
        });
        list.getSelectionModel().selectedItemProperty().addListener((obs, old, now) ->
                help.setText(now == null ? "" : now.help()));
        help.setId("command-help");
        help.setEditable(false);
        help.setWrapText(true);
        arguments.setId("command-args");
        arguments.setPromptText("Arguments, as jcmd takes them (-all, name=value)");
        Button run = new Button("Run");
        run.setId("run-command");
        run.setDefaultButton(true);
        run.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        run.setOnAction(e -> runChosen());
        arguments.setOnAction(e -> runChosen());
        Button heapDump = new Button("Heap Dump…");
        heapDump.setId("heap-dump");
        heapDump.setOnAction(e -> heapDump());
        Button clear = new Button("Clear Output");
        clear.setOnAction(e -> output.clear());
        output.setId("command-output");
        output.setEditable(false);
        output.setStyle("-fx-font-family: monospace;");

        HBox runBar = new HBox(8, new Label("Arguments"), arguments, run, heapDump, clear);
        HBox.setHgrow(arguments, Priority.ALWAYS);
        runBar.setAlignment(Pos.CENTER_LEFT);
        VBox right = new VBox(6, help, runBar);
        VBox.setVgrow(help, Priority.ALWAYS);
        VBox left = new VBox(6, filter, list);
        VBox.setVgrow(list, Priority.ALWAYS);
        SplitPane top = new SplitPane(left, right);
        top.setDividerPositions(0.3);
        SplitPane split = new SplitPane(top, output);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.45);
        setCenter(split);
        BorderPane.setMargin(split, new Insets(6));
        status.setId("jcmd-status");
        status.getStyleClass().add("text-muted");
        setBottom(status);
        BorderPane.setMargin(status, new Insets(2, 6, 2, 6));
        sceneProperty().addListener((obs, old, now) -> {
            if (now != null && !loaded) {
                loaded = true;
                OffFx.run(status, "Reading the JVM's commands…", diagnostics::commands, commands::setAll);
            }
        });
    }

    private void runChosen() {
        DiagnosticCommand command = list.getSelectionModel().getSelectedItem();
        if (command == null) {
            return;
        }
        List<String> args = arguments.getText().isBlank() ? List.of() : Arrays.asList(arguments.getText().strip().split("\\s+"));
        if (command.changesJvm() && !Confirm.ask(this, "Run " + command.name(), command.name() + " changes the JVM",
                "It " + command.effect().orElseThrow() + ".\n\nRun it" + (args.isEmpty() ? "" : " with " + String.join(" ", args))
                        + "?")) {
            return;
        }
        run(command.name(), args);
    }

    /** Runs a command off the FX thread and appends its output. */
    CompletableFuture<String> run(String name, List<String> args) {
        String line = "> " + name + (args.isEmpty() ? "" : " " + String.join(" ", args));
        return OffFx.run(status, "Running " + name + "…", () -> diagnostics.run(name, args), text -> {
            output.appendText(line + "\n" + text + (text.endsWith("\n") ? "" : "\n") + "\n");
            status.setText(name + " done");
        });
    }

    private void heapDump() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Heap Dump To");
        chooser.setInitialFileName("heap-" + diagnostics.identity().pid() + ".hprof");
        File file = chooser.showSaveDialog(getScene().getWindow());
        if (file != null) {
            heapDumpTo(file.toPath().toAbsolutePath());
        }
    }

    /**
     * Asks (the pause, the size, where the file goes: the JVM writes it, on its own machine) and then
     * writes the heap dump off the FX thread. A file the user chose to replace is replaced (the JVM
     * refuses to write over one); a remote JVM's file is its own business.
     */
    void heapDumpTo(Path file) {
        boolean local = diagnostics.identity().address().startsWith("pid ");
        if (!Confirm.ask(this, "Heap Dump", "A heap dump pauses the JVM",
                "Writing every live object to " + file + (local ? "" : " on the JVM's machine (" + diagnostics.identity()
                        .address() + "), not this one,") + " stops the application for about a second per gigabyte of"
                        + " heap, after a full GC, and the file is about as large as the used heap. Dump now?")) {
            return;
        }
        OffFx.run(status, "Writing a heap dump to " + file + "…", () -> {
            if (local) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    throw new DiagnosticException(DiagnosticException.Kind.FAILED, "Cannot replace " + file + " ("
                            + UserMessages.describe(e) + ").", e);
                }
            }
            diagnostics.heapDump(file.toString(), true);
            return file;
        }, done -> {
            output.appendText("> heap dump\nWritten to " + done + (local ? "" : " on " + diagnostics.identity().address())
                    + "\n\n");
            status.setText("Heap dump written to " + done);
        });
    }
}
