package dev.vitals.app.ui;

import dev.vitals.app.DemoWorkloadProcess;
import dev.vitals.attach.SettingsProfile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.prefs.Preferences;
import java.util.concurrent.CompletableFuture;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;

/**
 * The workstation window: menus, the JVM browser, the session tabs (a welcome tab first) and the
 * status line.
 * Everything here runs on the FX thread; long work is started elsewhere and reports back.
 */
public final class MainWindow {
    static final String TITLE = "Vitals";
    /** Preference: whether the JVM sidebar is shown. */
    static final String SIDEBAR = "window.sidebar";

    private final Stage stage;
    private final Preferences preferences;
    private final TabPane sessions = new TabPane();
    private final Label status = new Label("Ready");
    private final BorderPane root = new BorderPane();
    /** The JVM sidebar beside the session tabs; the sidebar can be hidden. */
    private final SplitPane split = new SplitPane();
    private final JvmBrowser browser;
    private final RecentFiles recent;
    private final AlertDefaults alertDefaults;
    private final SessionFolders folders;
    private final SaveDialog saveDialog;
    private final List<Process> demos = new ArrayList<>();

    public MainWindow(Stage stage, Preferences preferences) {
        this.stage = stage;
        this.preferences = preferences;
        recent = new RecentFiles(preferences);
        alertDefaults = new AlertDefaults(preferences);
        folders = new SessionFolders(preferences);
        saveDialog = new SaveDialog(preferences, folders, recent);
        Tab welcome = new Tab("Welcome", new WelcomePane(this::openRecording, this::attach, this::tryDemo, recent.list(), this::open,
                new UnfinishedSessions(folders, this::open)));
        welcome.setClosable(false);
        sessions.getTabs().add(welcome);
        sessions.setId("sessions");
        status.setId("status");
        status.setPadding(new javafx.geometry.Insets(3, 8, 3, 8));
        root.setTop(menus());
        browser = new JvmBrowser((jvm, settings) -> watch(new LiveTarget.Local(jvm.pid(), jvm.name()), settings),
                SessionFolders.dataHome().resolve("connections.txt"),
                (address, settings) -> watch(new LiveTarget.Remote(address), settings),
                preferences.get(PreferencesDialog.RECORDING_SETTINGS, SettingsProfile.BUILT_IN.getFirst()));
        split.getItems().add(sessions);
        browser.setMinWidth(240);
        SplitPane.setResizableWithParent(browser, false);
        showSidebar(preferences.getBoolean(SIDEBAR, true));
        root.setCenter(split);
        root.setBottom(status);
        stage.setTitle(TITLE);
        sessions.getSelectionModel().selectedItemProperty().addListener((obs, old, tab) ->
                stage.setTitle(tab == null || !tab.isClosable() ? TITLE : TITLE + " — " + tab.getText()));
        root.addEventHandler(CompareEvent.COMPARE, e -> addTab(DiffTab.ofSelections(e.snapshot(), e.baseline(), e.comparison())));
        root.addEventHandler(OpenSessionEvent.OPEN, e -> open(e.file()));
        root.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles()) {
                e.acceptTransferModes(TransferMode.COPY);
            }
            e.consume();
        });
        root.setOnDragDropped(e -> {
            e.getDragboard().getFiles().forEach(f -> open(f.toPath()));
            e.setDropCompleted(e.getDragboard().hasFiles());
            e.consume();
        });
        Scene scene = new Scene(root);
        Theme.valueOf(preferences.get(PreferencesDialog.THEME, Theme.LIGHT.name())).style(scene);
        stage.setScene(scene);
    }

    public void show() {
        WindowState state = new WindowState(preferences);
        state.restore(stage);
        stage.setOnCloseRequest(e -> {
            if (!mayCloseNow()) {
                e.consume();
            }
        });
        stage.setOnHidden(e -> {
            state.save(stage);
            closeAll();
        });
        stage.show();
    }

    private MenuBar menus() {
        MenuItem open = item("Open Recording…", "Shortcut+O", this::openRecording);
        Menu openRecent = new Menu("Open Recent");
        openRecent.setId("open-recent");
        openRecent.setOnShowing(e -> fillRecent(openRecent));
        fillRecent(openRecent);
        MenuItem compare = item("Compare Recordings…", null, this::compareRecordings);
        MenuItem addRemote = item("Add Remote JVM…", "Shortcut+Shift+R", () -> browser.addRemote());
        MenuItem close = item("Close Tab", "Shortcut+W", this::closeCurrentTab);
        MenuItem quit = item("Quit", "Shortcut+Q", () -> {
            if (mayCloseNow()) {
                stage.close();
            }
        });
        Menu file = new Menu("File", null, open, openRecent, compare, addRemote, close, new SeparatorMenuItem(), quit);
        MenuItem save = item("Save Session…", "Shortcut+S", () -> currentSession().ifPresent(SessionTab::chooseAndSave));
        MenuItem bookmark = item("Add Bookmark…", "Shortcut+B", () -> currentView().ifPresent(ProfileView::addBookmark));
        MenuItem rules = item("Alert Rules…", "Shortcut+Shift+A",
                () -> currentView().ifPresent(v -> v.editAlertRules(alertDefaults)));
        MenuItem baseline = item("Set as Baseline", "Shortcut+Shift+B", () -> currentView().ifPresent(ProfileView::setBaseline));
        MenuItem compareRanges = item("Compare with Baseline", "Shortcut+Shift+D",
                () -> currentView().ifPresent(ProfileView::compare));
        Menu session = new Menu("Session", null, save, new SeparatorMenuItem(), bookmark, rules, new SeparatorMenuItem(),
                baseline, compareRanges);
        session.setId("session-menu");
        MenuItem theme = item("Light / Dark Theme", "Shortcut+Shift+T", this::toggleTheme);
        MenuItem preferencesItem = item("Preferences…", "Shortcut+Comma", () -> PreferencesDialog.show(stage, preferences, folders,
                () -> browser.selectSettings(preferences.get(PreferencesDialog.RECORDING_SETTINGS, SettingsProfile.BUILT_IN.getFirst()))));
        Menu edit = new Menu("Edit", null, preferencesItem);
        CheckMenuItem sidebar = new CheckMenuItem("JVM Sidebar");
        sidebar.setId("sidebar-item");
        sidebar.setAccelerator(KeyCombination.keyCombination("Shortcut+Shift+J"));
        sidebar.setSelected(preferences.getBoolean(SIDEBAR, true));
        sidebar.selectedProperty().addListener((obs, was, shown) -> {
            showSidebar(shown);
            preferences.putBoolean(SIDEBAR, shown);
        });
        Menu view = new Menu("View", null, sidebar, theme);
        MenuItem shortcuts = item("Keyboard Shortcuts", "F1", () -> ShortcutsDialog.show(stage));
        MenuItem about = item("About Vitals", null, () -> AboutDialog.show(stage));
        Menu help = new Menu("Help", null, shortcuts, about);
        return new MenuBar(file, edit, session, view, help);
    }

    private Optional<SessionTab> currentSession() {
        return sessions.getSelectionModel().getSelectedItem() instanceof SessionTab tab
                ? Optional.of(tab) : Optional.empty();
    }

    /** The views of the selected session tab, once it has them. */
    private Optional<ProfileView> currentView() {
        return currentSession().map(SessionTab::view);
    }

    /** The recent files as menu items (a menu is never empty: a disabled item says so). */
    private void fillRecent(Menu menu) {
        List<Path> files = recent.list();
        menu.getItems().setAll(files.stream().map(f -> item(f.getFileName() + "  —  " + f.getParent(), null, () -> open(f))).toList());
        if (files.isEmpty()) {
            MenuItem none = new MenuItem("No recent files");
            none.setDisable(true);
            menu.getItems().add(none);
        }
    }

    private static MenuItem item(String text, String accelerator, Runnable action) {
        MenuItem item = new MenuItem(text);
        if (accelerator != null) {
            item.setAccelerator(KeyCombination.keyCombination(accelerator));
        }
        item.setOnAction(e -> action.run());
        return item;
    }

    /** What to do with live sessions that still record when their tab or the window closes. */
    private enum WhileRecording { STOP_AND_SAVE, KEEP_FOLDER, CANCEL }

    /**
     * True if the window may close now. While live sessions record, asks first: stop and save them
     * (the window closes once they are packed), keep their folders (offered again at the next start),
     * or cancel.
     */
    private boolean mayCloseNow() {
        List<LiveTab> recording = sessions.getTabs().stream()
                .filter(tab -> tab instanceof LiveTab live && live.recording()).map(tab -> (LiveTab) tab).toList();
        if (recording.isEmpty()) {
            return true;
        }
        WhileRecording answer = ask(recording);
        if (answer == WhileRecording.STOP_AND_SAVE) {
            status.setText("Saving " + recording.size() + " live session(s)…");
            CompletableFuture.allOf(recording.stream().map(LiveTab::stopAndSave).toArray(CompletableFuture[]::new))
                    .whenComplete((done, failure) -> Platform.runLater(stage::close));
        }
        return answer == WhileRecording.KEEP_FOLDER;
    }

    /** Asks what to do with live sessions that still record. */
    private WhileRecording ask(List<LiveTab> recording) {
        ButtonType save = new ButtonType("Stop and Save", ButtonBar.ButtonData.YES);
        ButtonType keep = new ButtonType("Keep Recording Folder", ButtonBar.ButtonData.NO);
        Alert ask = new Alert(Alert.AlertType.CONFIRMATION, "", save, keep, ButtonType.CANCEL);
        ask.initOwner(stage);
        ask.setTitle("Live Recording");
        ask.setHeaderText(recording.size() == 1 ? "A live session is still recording." : recording.size() + " live sessions are still recording.");
        ask.setContentText("Stop and save packs each into a .vitals file beside its folder in " + folders.root()
                + ". Keeping the folder stops the stream; the session is offered at the next start.");
        ask.getDialogPane().lookupButton(save).setId("close-save");
        ask.getDialogPane().lookupButton(keep).setId("close-keep");
        ask.getDialogPane().lookupButton(ButtonType.CANCEL).setId("close-cancel");
        ButtonType answer = ask.showAndWait().orElse(ButtonType.CANCEL);
        return answer == save ? WhileRecording.STOP_AND_SAVE
                : answer == keep ? WhileRecording.KEEP_FOLDER : WhileRecording.CANCEL;
    }

    /** Ends what this window started: JVM discovery, every live session, the demo workloads. */
    void closeAll() {
        browser.stop();
        sessions.getTabs().forEach(tab -> {
            if (tab instanceof LiveTab live) {
                live.close();
            }
        });
        demos.forEach(Process::destroy);
    }

    private void closeCurrentTab() {
        Tab tab = sessions.getSelectionModel().getSelectedItem();
        if (tab instanceof LiveTab live) {
            closeLive(live);
        } else if (tab != null && tab.isClosable()) {
            sessions.getTabs().remove(tab);
        }
    }

    /**
     * Closes a live tab (Ctrl+W or its close button); while it records, asks first, as the window
     * does: stop and save (the tab goes once the session is packed beside its folder, so it is not
     * offered as unfinished), keep the folder (offered at the next start), or cancel.
     */
    private void closeLive(LiveTab live) {
        WhileRecording answer = live.recording() ? ask(List.of(live)) : WhileRecording.KEEP_FOLDER;
        if (answer == WhileRecording.KEEP_FOLDER) {
            live.close();
            sessions.getTabs().remove(live);
        } else if (answer == WhileRecording.STOP_AND_SAVE) {
            live.stopAndSave().thenRun(() -> Platform.runLater(() -> {
                live.close();
                sessions.getTabs().remove(live);
            }));
        }
    }

    /** Shows or hides the JVM sidebar (Local JVMs, Remote JVMs, Record with), giving its width to the tabs. */
    private void showSidebar(boolean shown) {
        if (shown && !split.getItems().contains(browser)) {
            split.getItems().addFirst(browser);
            split.setDividerPositions(0.2);
        } else if (!shown) {
            split.getItems().remove(browser);
        }
    }

    private void toggleTheme() {
        Theme next = Theme.valueOf(preferences.get(PreferencesDialog.THEME, Theme.LIGHT.name())) == Theme.LIGHT ? Theme.DARK : Theme.LIGHT;
        next.apply();
        preferences.put(PreferencesDialog.THEME, next.name());
    }

    private void openRecording() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open Recording");
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("Recordings and sessions (*.jfr, *.gz, *.lz4, *.zip, *.vitals)", "*.jfr", "*.gz", "*.lz4",
                        "*.zip", "*.vitals"),
                new FileChooser.ExtensionFilter("All files", "*"));
        java.io.File chosen = chooser.showOpenDialog(stage);
        if (chosen != null) {
            open(chosen.toPath());
        }
    }

    /** Asks for two recordings or sessions, the baseline first, and opens their diff flame graph. */
    private void compareRecordings() {
        FileChooser chooser = new FileChooser();
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("Recordings and sessions (*.jfr, *.gz, *.lz4, *.zip, *.vitals)", "*.jfr", "*.gz", "*.lz4",
                        "*.zip", "*.vitals"),
                new FileChooser.ExtensionFilter("All files", "*"));
        chooser.setTitle("Compare: Baseline Recording (1 of 2)");
        java.io.File baseline = chooser.showOpenDialog(stage);
        if (baseline == null) {
            return;
        }
        chooser.setTitle("Compare: Recording to Compare with " + baseline.getName() + " (2 of 2)");
        chooser.setInitialDirectory(baseline.getParentFile());
        java.io.File comparison = chooser.showOpenDialog(stage);
        if (comparison != null) {
            addTab(DiffTab.ofFiles(baseline.toPath(), comparison.toPath()));
        }
    }

    private void addTab(Tab tab) {
        sessions.getTabs().add(tab);
        sessions.getSelectionModel().select(tab);
    }

    /** Opens a recording or session in a new tab (or selects its tab if it is open already). */
    public void open(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        for (Tab tab : sessions.getTabs()) {
            if (tab instanceof RecordingTab recording && recording.file().equals(absolute)) {
                sessions.getSelectionModel().select(tab);
                return;
            }
        }
        addTab(new RecordingTab(absolute, recent::add, alertDefaults, status::setText, saveDialog));
    }

    private void attach() {
        browser.focusList();
    }

    /**
     * Opens a live session with the local JVM {@code pid} recording with {@code settings}
     * ({@code default}, {@code detailed} or a {@code .jfc} file), or selects its tab if there is one.
     */
    public void attach(long pid, String name, String settings) {
        watch(new LiveTarget.Local(pid, name), settings);
    }

    /** Opens a live session with {@code target}, or selects its tab if there is one; returns the tab. */
    private LiveTab watch(LiveTarget target, String settings) {
        for (Tab tab : sessions.getTabs()) {
            if (tab instanceof LiveTab live && live.target().key().equals(target.key())) {
                sessions.getSelectionModel().select(tab);
                return live;
            }
        }
        LiveTab live = new LiveTab(target, settings, folders, alertDefaults, saveDialog,
                () -> preferences.getBoolean(PreferencesDialog.FINDING_NOTIFICATIONS, true));
        live.setOnCloseRequest(e -> {
            e.consume();
            closeLive(live);
        });
        addTab(live);
        return live;
    }

    private void tryDemo() {
        try {
            startDemo(DemoWorkloadProcess.command(null, null, null));
        } catch (IOException e) {
            showDemoFailure(e);
        }
    }

    /**
     * Starts the demo workload as its own JVM with {@code command} and watches it live, lowering its
     * scheduling priority below the window's once connected; it ends with its session (Stop, the tab
     * closed) or the window.
     */
    public void startDemo(List<String> command) {
        try {
            Process demo = new ProcessBuilder(command)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            demos.add(demo);
            showDemoHint();
            LiveTab live = watch(new LiveTarget.Local(demo.pid(), "vitals-demo.jar"), SettingsProfile.BUILT_IN.getFirst());
            live.whenDone(demo::destroy);
            live.whenConnected(() -> Thread.ofVirtual().name("vitals-renice-demo")
                    .start(() -> DemoWorkloadProcess.lowerPriority(demo.pid())));
        } catch (IOException e) {
            showDemoFailure(e);
        }
    }

    /** Puts the demo's hint under the menus, unless it was dismissed before or is showing. */
    private void showDemoHint() {
        if (!DemoHint.wanted(preferences) || root.lookup("#demo-hint") != null) {
            return;
        }
        Node menuBar = root.getTop();
        root.setTop(new VBox(menuBar, DemoHint.create(preferences, () -> root.setTop(menuBar))));
    }

    private void showDemoFailure(IOException e) {
        addTab(new Tab("Demo", new FailurePane("Could not start the demo workload", e)));
    }
}
