package dev.vitals.app.ui;

import dev.vitals.attach.JvmDescriptor;
import dev.vitals.attach.LocalJvms;
import dev.vitals.attach.RemoteAddress;
import dev.vitals.attach.SavedConnections;
import dev.vitals.attach.SettingsProfile;
import dev.vitals.views.TableCells;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.beans.InvalidationListener;
import javafx.beans.WeakInvalidationListener;
import javafx.beans.property.LongProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * The local JVMs, refreshed every second: name, pid, JDK and uptime; JVMs Vitals cannot attach to
 * are greyed with the reason. Below them the saved remote JVMs (host:port, user, TLS; never the
 * password), with "Add remote JVM…" and "Remove". Double-click or Enter attaches or connects
 * (asking for the password of a saved connection with a user), recording with the settings chosen
 * below the lists. The saved connections file is read and written off the FX thread.
 */
final class JvmBrowser extends VBox {
    private final ListView<JvmDescriptor> list = new ListView<>();
    private final ListView<RemoteAddress> remotes = new ListView<>();
    private final Label remoteProblem = new Label();
    private final ComboBox<String> settings;
    private final Path connectionsFile;
    private final BiConsumer<RemoteAddress, String> connect;
    private final LocalJvms.Watch watch;
    /** The wall clock, ticking every second, for the uptimes the cells show. */
    private final LongProperty now = new SimpleLongProperty(System.currentTimeMillis());
    private final Timeline clock = new Timeline(new KeyFrame(Duration.seconds(1),
            e -> now.set(System.currentTimeMillis())));

    /**
     * @param attach          called with a local JVM and the settings to record it with
     * @param connectionsFile the saved remote connections ({@link SavedConnections})
     * @param connect         called with a remote JVM (with its password) and the settings to record it with
     * @param initialSettings the settings chosen at first: {@code default}, {@code detailed} or a {@code .jfc} file
     */
    JvmBrowser(BiConsumer<JvmDescriptor, String> attach, Path connectionsFile, BiConsumer<RemoteAddress, String> connect,
               String initialSettings) {
        this.connectionsFile = connectionsFile;
        this.connect = connect;
        settings = SettingsChoice.create("settings", initialSettings);
        setId("jvm-browser");
        Label title = new Label("Local JVMs");
        title.getStyleClass().add("title-4");
        list.setId("jvm-list");
        list.setPlaceholder(new Label("Looking for JVMs…"));
        // the double-click goes to the cell's own JVM: the list is refreshed every second and may
        // lose its selection between the two clicks
        list.setCellFactory(v -> new JvmCell(jvm -> attachJvm(attach, jvm), now));
        clock.setCycleCount(Animation.INDEFINITE);
        clock.play();
        list.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                attachJvm(attach, list.getSelectionModel().getSelectedItem());
            }
        });
        VBox.setVgrow(list, javafx.scene.layout.Priority.ALWAYS);
        settings.setMaxWidth(Double.MAX_VALUE);
        settings.setTooltip(new Tooltip("What to record when attaching: default (low overhead), detailed"
                + " (10 ms sampling, allocations, lower thresholds) or your own .jfc file"));
        Label settingsLabel = new Label("Record with");
        getChildren().addAll(title, list, remoteSection(), settingsLabel, settings);
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

    private VBox remoteSection() {
        Label title = new Label("Remote JVMs");
        title.getStyleClass().add("title-4");
        remotes.setId("remote-list");
        remotes.setPlaceholder(new Label("None saved"));
        remotes.setPrefHeight(120);
        remotes.setCellFactory(v -> new RemoteCell());
        remotes.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                connectSelected();
            }
        });
        remotes.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                connectSelected();
            } else if (e.getCode() == KeyCode.DELETE) {
                removeSelected();
            }
        });
        Button add = new Button("Add remote JVM…");
        add.setId("add-remote");
        add.setOnAction(e -> addRemote());
        Button remove = new Button("Remove");
        remove.setId("remove-remote");
        remove.setTooltip(new Tooltip("Forget the selected connection (Delete)"));
        remove.disableProperty().bind(remotes.getSelectionModel().selectedItemProperty().isNull());
        remove.setOnAction(e -> removeSelected());
        HBox buttons = new HBox(6, add, remove);
        add.getStyleClass().add("small");
        remove.getStyleClass().add("small");
        add.setMinWidth(Region.USE_PREF_SIZE);
        remove.setMinWidth(Region.USE_PREF_SIZE);
        remoteProblem.setId("remote-problem");
        remoteProblem.getStyleClass().add("danger");
        remoteProblem.setWrapText(true);
        remoteProblem.setManaged(false);
        remoteProblem.visibleProperty().addListener((obs, old, now) -> remoteProblem.setManaged(now));
        remoteProblem.setVisible(false);
        updateConnections(() -> SavedConnections.load(connectionsFile));
        return new VBox(6, title, remotes, buttons, remoteProblem);
    }

    /** Asks for a remote JVM, saves it (without the password) and connects to it. */
    void addRemote() {
        RemoteJvmDialog.add(getScene().getWindow()).ifPresent(address -> {
            updateConnections(() -> SavedConnections.remember(connectionsFile, address));
            connect.accept(address, settings.getValue());
        });
    }

    private void connectSelected() {
        RemoteAddress saved = remotes.getSelectionModel().getSelectedItem();
        if (saved == null) {
            return;
        }
        if (saved.user() == null) {
            connect.accept(saved, settings.getValue());
        } else {
            RemoteJvmDialog.password(getScene().getWindow(), saved)
                    .ifPresent(password -> connect.accept(saved.withCredentials(saved.user(), password), settings.getValue()));
        }
    }

    private void removeSelected() {
        RemoteAddress saved = remotes.getSelectionModel().getSelectedItem();
        if (saved != null) {
            updateConnections(() -> SavedConnections.forget(connectionsFile, saved));
        }
    }

    /** The saved connections as returned by {@code io} (run off the FX thread); a failure is shown under the list. */
    private void updateConnections(ConnectionsIo io) {
        Background.FILES.execute(() -> {
            try {
                List<RemoteAddress> now = io.run();
                Platform.runLater(() -> {
                    remotes.getItems().setAll(now);
                    remoteProblem.setVisible(false);
                });
            } catch (IOException e) {
                Platform.runLater(() -> {
                    remoteProblem.setText("Saved connections: " + dev.vitals.app.UserMessages.describe(e));
                    remoteProblem.setVisible(true);
                });
            }
        });
    }

    @FunctionalInterface
    private interface ConnectionsIo {
        List<RemoteAddress> run() throws IOException;
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
        clock.stop();
    }

    private void attachJvm(BiConsumer<JvmDescriptor, String> attach, JvmDescriptor jvm) {
        if (jvm != null && jvm.attachable() && !jvm.self()) {
            attach.accept(jvm, settings.getValue());
        }
    }

    /** Chooses the settings to record with from now on. */
    void selectSettings(String value) {
        SettingsChoice.select(settings, value);
    }

    private static final class RemoteCell extends ListCell<RemoteAddress> {
        @Override
        protected void updateItem(RemoteAddress address, boolean empty) {
            super.updateItem(address, empty);
            if (empty || address == null) {
                setText(null);
                return;
            }
            setText((address.user() == null ? "" : address.user() + "@") + address.hostPort()
                    + "\nJMX" + (address.tls() ? " with TLS" : "") + (address.user() == null ? ", no password" : ", password asked"));
        }
    }

    /**
     * A JVM in lines that fit the sidebar's width: its name cut in the middle (the main class's
     * end stays; the whole name is in the tooltip), its pid and JDK, its uptime as of the clock's
     * last second (only the text changes each second, so a tooltip or a double-click is not disturbed).
     */
    private static final class JvmCell extends ListCell<JvmDescriptor> {
        private static final double TOOLTIP_WIDTH = 560;
        private static final int LONGEST_ARGUMENT = 160;
        private static final int LONGEST_LINE = 1200;
        private final LongProperty now;
        /** Held by the cell, so the clock's weak reference lives as long as the cell does. */
        private final InvalidationListener tick = o -> showText();

        JvmCell(java.util.function.Consumer<JvmDescriptor> open, LongProperty now) {
            this.now = now;
            now.addListener(new WeakInvalidationListener(tick));
            // three lines (AtlantaFX's list cells are 3em high, room for two)
            setStyle("-fx-cell-size: 4.4em;");
            widthProperty().addListener((obs, was, is) -> updateItem(getItem(), isEmpty()));
            setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && !isEmpty()) {
                    open.accept(getItem());
                }
            });
        }

        @Override
        protected void updateItem(JvmDescriptor jvm, boolean empty) {
            super.updateItem(jvm, empty);
            if (empty || jvm == null) {
                setText(null);
                setTooltip(null);
                setDisable(false);
                return;
            }
            showText();
            setTooltip(tooltip(name(jvm), jvm));
            setDisable(jvm.self() || !jvm.attachable());
        }

        private void showText() {
            JvmDescriptor jvm = getItem();
            if (isEmpty() || jvm == null) {
                return;
            }
            String details = "pid " + jvm.pid() + (jvm.jdkVersion().isEmpty() ? "" : "  ·  JDK " + jvm.jdkVersion())
                    + "\nup " + RecordingText.formatDuration(jvm.uptimeAt(now.get()));
            String fitted = TableCells.elideMiddle(name(jvm), getWidth() - snappedLeftInset() - snappedRightInset() - 4, getFont());
            setText(fitted + "\n" + details + (jvm.reason().isEmpty() || jvm.self() ? "" : "\n" + jvm.reason()));
        }

        private static String name(JvmDescriptor jvm) {
            return jvm.self() ? "Vitals (this window)" : jvm.name().isEmpty() ? "(unknown main class)" : jvm.name();
        }

        /**
         * The JVM's name and command line, wrapped to a readable width; an argument longer than
         * {@link #LONGEST_ARGUMENT} (a class path of hundreds of jars) keeps its two ends, and the
         * arguments stop after {@link #LONGEST_LINE} characters, so the tooltip fits on a screen.
         */
        private static Tooltip tooltip(String name, JvmDescriptor jvm) {
            Tooltip tooltip = new Tooltip(name + "\n" + shortened(jvm.jvmArguments()) + "\n" + shortened(jvm.arguments()));
            tooltip.setWrapText(true);
            tooltip.setMaxWidth(TOOLTIP_WIDTH);
            return tooltip;
        }

        private static String shortened(List<String> arguments) {
            String line = arguments.stream()
                    .map(a -> a.length() <= LONGEST_ARGUMENT ? a
                            : a.substring(0, LONGEST_ARGUMENT / 2) + "…" + a.substring(a.length() - LONGEST_ARGUMENT / 2))
                    .collect(Collectors.joining(" "));
            return line.length() <= LONGEST_LINE ? line : line.substring(0, LONGEST_LINE) + " …";
        }
    }
}
