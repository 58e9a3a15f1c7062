package dev.vitals.app.ui.diagnostics;

import dev.vitals.attach.Diagnostics;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import javax.management.Attribute;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanInfo;
import javax.management.MBeanOperationInfo;
import javax.management.MBeanParameterInfo;
import javax.management.Notification;
import javax.management.NotificationListener;
import javax.management.ObjectName;

/**
 * The JVM's MBeans: a tree by domain; the chosen MBean's attributes, read again every two seconds
 * while it is shown; its operations, invoked with typed arguments after asking; and its
 * notifications once subscribed.
 */
final class MBeansView extends BorderPane {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final Diagnostics diagnostics;
    private final Label status = new Label();
    private final TreeView<String> tree = new TreeView<>(new TreeItem<>("MBeans"));
    private final Map<TreeItem<String>, ObjectName> names = new HashMap<>();
    private final TableView<Map.Entry<String, String>> attributes = new TableView<>();
    private final ListView<MBeanOperationInfo> operations = new ListView<>();
    private final GridPane arguments = new GridPane();
    private final List<TextField> argumentFields = new ArrayList<>();
    private final Button invoke = new Button("Invoke…");
    private final Label result = new Label();
    private final Button subscribe = new Button("Subscribe");
    private final ListView<String> notifications = new ListView<>();
    private final Timeline refresh = new Timeline(new KeyFrame(Duration.seconds(2), e -> readAttributes()));
    private final NotificationListener listener = (Notification n, Object handback) -> Platform.runLater(() ->
            notifications.getItems().add(TIME.format(LocalTime.now()) + "  " + n.getType() + "  " + n.getMessage()));
    private ObjectName shown;
    private MBeanInfo shownInfo;
    private ObjectName subscribed;
    private boolean reading;
    private boolean loaded;

    MBeansView(Diagnostics diagnostics) {
        this.diagnostics = diagnostics;
        setId("mbeans-view");
        tree.setId("mbean-tree");
        tree.setShowRoot(false);
        tree.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> select(names.get(now)));

        attributes.setId("mbean-attributes");
        attributes.setPlaceholder(new Label("Choose an MBean"));
        TableColumn<Map.Entry<String, String>, String> name = new TableColumn<>("Attribute");
        name.setPrefWidth(220);
        name.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().getKey()));
        TableColumn<Map.Entry<String, String>, String> value = new TableColumn<>("Value");
        value.setPrefWidth(460);
        value.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().getValue()));
        attributes.getColumns().add(name);
        attributes.getColumns().add(value);

        operations.setId("mbean-operations");
        operations.setPlaceholder(new Label("No operations"));
        operations.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(MBeanOperationInfo op, boolean empty) {
                super.updateItem(op, empty);
                setText(empty || op == null ? null : signature(op));
            }
        });
        operations.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> showArguments(now));
        arguments.setId("op-args");
        arguments.setHgap(6);
        arguments.setVgap(4);
        invoke.setId("invoke-operation");
        invoke.setDisable(true);
        invoke.setOnAction(e -> invokeChosen());
        result.setId("invoke-result");
        result.setWrapText(true);

        subscribe.setId("subscribe");
        subscribe.setDisable(true);
        subscribe.setOnAction(e -> subscribe());
        notifications.setId("notifications");
        notifications.setPlaceholder(new Label("Subscribe to see the MBean's notifications"));

        VBox operationPane = new VBox(6, new Label("Operations"), operations, arguments, new HBox(8, invoke), result);
        VBox.setVgrow(operations, Priority.ALWAYS);
        VBox notificationPane = new VBox(6, new HBox(8, new Label("Notifications"), subscribe), notifications);
        VBox.setVgrow(notifications, Priority.ALWAYS);
        SplitPane lower = new SplitPane(operationPane, notificationPane);
        SplitPane right = new SplitPane(attributes, lower);
        right.setOrientation(Orientation.VERTICAL);
        SplitPane split = new SplitPane(tree, right);
        split.setDividerPositions(0.32);
        setCenter(split);
        BorderPane.setMargin(split, new Insets(6));
        status.setId("mbeans-status");
        status.getStyleClass().add("text-muted");
        setBottom(status);
        BorderPane.setMargin(status, new Insets(2, 6, 2, 6));
        refresh.setCycleCount(Timeline.INDEFINITE);
        sceneProperty().addListener((obs, old, now) -> {
            if (now == null) {
                stop();
            } else if (!loaded) {
                loaded = true;
                loadTree();
            }
        });
    }

    private void loadTree() {
        OffFx.run(status, "Listing MBeans…", () -> diagnostics.call("list its MBeans",
                m -> new TreeSet<>(m.queryNames(null, null))), this::showTree);
    }

    private void showTree(Set<ObjectName> all) {
        Map<String, TreeItem<String>> domains = new TreeMap<>();
        for (ObjectName n : all) {
            TreeItem<String> domain = domains.computeIfAbsent(n.getDomain(), TreeItem::new);
            TreeItem<String> item = new TreeItem<>(n.getKeyPropertyListString());
            names.put(item, n);
            domain.getChildren().add(item);
        }
        tree.getRoot().getChildren().setAll(domains.values());
        status.setText(all.size() + " MBeans");
    }

    /** Selects the MBean named so in the tree (its domain expanded). */
    void select(String objectName) {
        names.entrySet().stream().filter(e -> e.getValue().toString().equals(objectName)).findFirst().ifPresent(e -> {
            e.getKey().getParent().setExpanded(true);
            tree.getSelectionModel().select(e.getKey());
            tree.scrollTo(tree.getRow(e.getKey()));
        });
    }

    private void select(ObjectName name) {
        unsubscribe();
        shown = name;
        shownInfo = null;
        attributes.getItems().clear();
        operations.getItems().clear();
        notifications.getItems().clear();
        result.setText("");
        subscribe.setDisable(true);
        if (name == null) {
            refresh.stop();
            return;
        }
        OffFx.run(status, "Reading " + name + "…", () -> diagnostics.call("describe " + name, m -> m.getMBeanInfo(name)),
                info -> {
                    if (!name.equals(shown)) {
                        return;
                    }
                    shownInfo = info;
                    operations.getItems().setAll(info.getOperations());
                    subscribe.setDisable(info.getNotifications().length == 0);
                    readAttributes();
                    refresh.play();
                });
    }

    /** Reads the shown MBean's readable attributes off the FX thread, unless a read is still on its way. */
    private void readAttributes() {
        ObjectName name = shown;
        MBeanInfo info = shownInfo;
        if (name == null || info == null || reading || getScene() == null) {
            return;
        }
        String[] readable = Arrays.stream(info.getAttributes()).filter(MBeanAttributeInfo::isReadable)
                .map(MBeanAttributeInfo::getName).toArray(String[]::new);
        reading = true;
        OffFx.run(status, "", () -> diagnostics.call("read the attributes of " + name, m -> {
            Map<String, String> values = new TreeMap<>();
            for (Attribute a : m.getAttributes(name, readable).asList()) {
                values.put(a.getName(), MBeanValues.text(a.getValue()));
            }
            return values;
        }), values -> {
            reading = false;
            if (name.equals(shown)) {
                attributes.getItems().setAll(values.entrySet().stream().map(e -> Map.entry(e.getKey(), e.getValue())).toList());
            }
        }).whenComplete((v, failure) -> Platform.runLater(() -> reading = false));
    }

    private static String signature(MBeanOperationInfo op) {
        StringBuilder text = new StringBuilder(op.getReturnType()).append(' ').append(op.getName()).append('(');
        MBeanParameterInfo[] params = op.getSignature();
        for (int i = 0; i < params.length; i++) {
            text.append(i > 0 ? ", " : "").append(params[i].getType()).append(' ').append(params[i].getName());
        }
        return text.append(')').toString();
    }

    private void showArguments(MBeanOperationInfo op) {
        arguments.getChildren().clear();
        argumentFields.clear();
        result.setText("");
        invoke.setDisable(op == null);
        if (op == null) {
            return;
        }
        MBeanParameterInfo[] params = op.getSignature();
        for (int i = 0; i < params.length; i++) {
            TextField field = new TextField();
            field.setId("op-arg-" + i);
            field.setPromptText(params[i].getType());
            argumentFields.add(field);
            arguments.addRow(i, new Label(params[i].getName()), field);
            if (!MBeanValues.typeable(params[i].getType())) {
                field.setDisable(true);
                invoke.setDisable(true);
                result.setText(params[i].getName() + " is a " + params[i].getType() + ", which cannot be typed in here.");
            }
        }
    }

    private void invokeChosen() {
        MBeanOperationInfo op = operations.getSelectionModel().getSelectedItem();
        ObjectName name = shown;
        if (op == null || name == null) {
            return;
        }
        MBeanParameterInfo[] params = op.getSignature();
        Object[] values = new Object[params.length];
        String[] types = new String[params.length];
        try {
            for (int i = 0; i < params.length; i++) {
                values[i] = MBeanValues.parse(argumentFields.get(i).getText(), params[i].getType(), params[i].getName());
                types[i] = params[i].getType();
            }
        } catch (IllegalArgumentException e) {
            result.setText(e.getMessage());
            return;
        }
        String call = op.getName() + "(" + Arrays.stream(values).map(MBeanValues::text).reduce((a, b) -> a + ", " + b)
                .orElse("") + ")";
        String impact = switch (op.getImpact()) {
            case MBeanOperationInfo.INFO -> "The MBean says it only reads.";
            case MBeanOperationInfo.ACTION -> "The MBean says it changes something.";
            case MBeanOperationInfo.ACTION_INFO -> "The MBean says it changes something and returns information.";
            default -> "The MBean does not say whether it changes anything.";
        };
        if (!Confirm.ask(this, "Invoke " + op.getName(), "Invoke " + call + " on " + name + "?",
                impact + (op.getDescription() == null || op.getDescription().isBlank() || op.getDescription().equals(op.getName())
                        ? "" : "\n\n" + op.getDescription()))) {
            return;
        }
        invoke(name, op.getName(), values, types, call);
    }

    /** Invokes off the FX thread and shows what it returned. */
    CompletableFuture<String> invoke(ObjectName name, String operation, Object[] values, String[] types, String call) {
        return OffFx.run(status, "Invoking " + call + "…", () -> diagnostics.call("invoke " + call + " on " + name,
                m -> MBeanValues.text(m.invoke(name, operation, values, types))), text -> {
                    result.setText(call + " returned " + text);
                    readAttributes();
                });
    }

    private void subscribe() {
        ObjectName name = shown;
        OffFx.run(status, "Subscribing…", () -> diagnostics.call("subscribe to " + name, m -> {
            m.addNotificationListener(name, listener, null, null);
            return name;
        }), done -> {
            subscribed = done;
            subscribe.setDisable(true);
            status.setText("Subscribed to " + done);
        });
    }

    private void unsubscribe() {
        ObjectName name = subscribed;
        subscribed = null;
        if (name != null) {
            OffFx.run(status, "", () -> diagnostics.call("unsubscribe from " + name, m -> {
                m.removeNotificationListener(name, listener);
                return name;
            }), done -> { });
        }
    }

    /** Stops refreshing and listening; the window closed. */
    void stop() {
        refresh.stop();
        unsubscribe();
    }
}
