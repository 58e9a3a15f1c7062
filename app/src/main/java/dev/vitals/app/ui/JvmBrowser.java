package dev.vitals.app.ui;

import dev.vitals.attach.JvmDescriptor;
import dev.vitals.attach.LocalJvms;
import dev.vitals.attach.SettingsProfile;
import java.time.Duration;
import java.util.Comparator;
import java.util.function.BiConsumer;
import javafx.application.Platform;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

/**
 * The local JVMs, refreshed every second: name, pid, JDK and uptime; JVMs Vitals cannot attach to
 * are greyed with the reason. Double-click or Enter attaches, recording with the settings chosen
 * below the list.
 */
final class JvmBrowser extends VBox {
    private static final String CUSTOM = "Custom .jfc…";

    private final ListView<JvmDescriptor> list = new ListView<>();
    private final ComboBox<String> settings = new ComboBox<>();
    private final LocalJvms.Watch watch;

    /** @param attach called with the JVM and the settings to record it with */
    JvmBrowser(BiConsumer<JvmDescriptor, String> attach) {
        setId("jvm-browser");
        Label title = new Label("Local JVMs");
        title.getStyleClass().add("title-4");
        list.setId("jvm-list");
        list.setPlaceholder(new Label("Looking for JVMs…"));
        list.setCellFactory(v -> new JvmCell());
        list.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                attachSelected(attach);
            }
        });
        list.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                attachSelected(attach);
            }
        });
        VBox.setVgrow(list, javafx.scene.layout.Priority.ALWAYS);
        settings.setId("settings");
        settings.getItems().addAll(SettingsProfile.BUILT_IN);
        settings.getItems().add(CUSTOM);
        settings.setValue(SettingsProfile.BUILT_IN.getFirst());
        settings.setMaxWidth(Double.MAX_VALUE);
        settings.setTooltip(new Tooltip("What to record when attaching: default (low overhead), detailed"
                + " (10 ms sampling, allocations, lower thresholds) or your own .jfc file"));
        settings.setOnAction(e -> {
            if (CUSTOM.equals(settings.getValue())) {
                chooseSettingsFile();
            }
        });
        Label settingsLabel = new Label("Record with");
        getChildren().addAll(title, list, settingsLabel, settings);
        setSpacing(6);
        setPadding(new javafx.geometry.Insets(8));
        watch = LocalJvms.watch(change -> Platform.runLater(() -> {
            JvmDescriptor selected = list.getSelectionModel().getSelectedItem();
            list.getItems().setAll(change.all().stream()
                    .sorted(Comparator.comparing(JvmDescriptor::self).thenComparing(j -> !j.attachable())
                            .thenComparing(JvmDescriptor::name))
                    .toList());
            if (selected != null) {
                list.getItems().stream().filter(j -> j.pid() == selected.pid()).findFirst()
                        .ifPresent(j -> list.getSelectionModel().select(j));
            }
            if (list.getItems().isEmpty()) {
                list.setPlaceholder(new Label("No JVMs found"));
            }
        }));
    }

    /** Moves the keyboard focus to the list, selecting the first JVM that can be attached. */
    void focusList() {
        if (list.getSelectionModel().isEmpty()) {
            list.getItems().stream().filter(j -> j.attachable() && !j.self()).findFirst()
                    .ifPresent(j -> list.getSelectionModel().select(j));
        }
        list.requestFocus();
    }

    void stop() {
        watch.close();
    }

    private void attachSelected(BiConsumer<JvmDescriptor, String> attach) {
        JvmDescriptor jvm = list.getSelectionModel().getSelectedItem();
        if (jvm != null && jvm.attachable() && !jvm.self()) {
            attach.accept(jvm, settings.getValue());
        }
    }

    /** Asks for a .jfc file; it becomes a choice of its own, or the choice goes back to default. */
    private void chooseSettingsFile() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Recording Settings");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("JFR settings (*.jfc)", "*.jfc"));
        java.io.File file = chooser.showOpenDialog(getScene().getWindow());
        String choice = file == null ? SettingsProfile.BUILT_IN.getFirst() : file.getAbsolutePath();
        if (!settings.getItems().contains(choice)) {
            settings.getItems().add(settings.getItems().size() - 1, choice);
        }
        settings.setValue(choice);
    }

    private static final class JvmCell extends ListCell<JvmDescriptor> {
        @Override
        protected void updateItem(JvmDescriptor jvm, boolean empty) {
            super.updateItem(jvm, empty);
            if (empty || jvm == null) {
                setText(null);
                setTooltip(null);
                setDisable(false);
                return;
            }
            String name = jvm.self() ? "Vitals (this window)" : jvm.name().isEmpty() ? "(unknown main class)" : jvm.name();
            String details = "pid " + jvm.pid() + (jvm.jdkVersion().isEmpty() ? "" : "  ·  JDK " + jvm.jdkVersion())
                    + "  ·  up " + ProfileView.formatDuration(Duration.ofMillis(jvm.uptimeMillis()));
            setText(name + "\n" + details + (jvm.reason().isEmpty() || jvm.self() ? "" : "\n" + jvm.reason()));
            setTooltip(new Tooltip(String.join(" ", jvm.jvmArguments()) + "\n" + String.join(" ", jvm.arguments())));
            setDisable(jvm.self() || !jvm.attachable());
        }
    }
}
