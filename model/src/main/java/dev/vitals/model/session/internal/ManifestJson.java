package dev.vitals.model.session.internal;

import dev.vitals.model.FrameType;
import dev.vitals.model.SampleKind;
import dev.vitals.model.export.Json;
import dev.vitals.model.finding.FindingsJson;
import dev.vitals.model.query.EventSelector;
import dev.vitals.model.query.Measure;
import dev.vitals.model.query.Selection;
import dev.vitals.model.query.Transform;
import dev.vitals.model.session.AlertActions;
import dev.vitals.model.session.AlertRule;
import dev.vitals.model.session.Bookmark;
import dev.vitals.model.session.SessionManifest;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Writes and reads {@code manifest.json}. Open time and duration bounds of a selection are written as
 * {@code null}. Reading a manifest with a newer {@code formatVersion} is the caller's check.
 */
public final class ManifestJson {
    private ManifestJson() {
    }

    /** The manifest as JSON text. */
    public static String write(SessionManifest m) {
        StringBuilder out = new StringBuilder("{\n");
        out.append("  \"formatVersion\": ").append(m.formatVersion()).append(",\n");
        out.append("  \"appVersion\": ").append(Json.quote(m.appVersion())).append(",\n");
        out.append("  \"jvm\": ").append(map(m.jvm())).append(",\n");
        out.append("  \"settings\": ").append(map(m.settings())).append(",\n");
        out.append("  \"startNanos\": ").append(m.startNanos()).append(",\n");
        out.append("  \"endNanos\": ").append(m.endNanos()).append(",\n");
        out.append("  \"bookmarks\": [").append(m.bookmarks().stream()
                .map(BookmarkJson::write)
                .collect(Collectors.joining(", "))).append("],\n");
        out.append("  \"alertRules\": ").append(rules(m.alertRules())).append(",\n");
        out.append("  \"notes\": ").append(Json.quote(m.notes())).append(",\n");
        out.append("  \"selection\": ").append(m.selection() == null ? "null" : selection(m.selection())).append(",\n");
        out.append("  \"chunks\": [").append(m.chunks().stream().map(Json::quote).collect(Collectors.joining(", ")))
                .append("]");
        if (m.findings() != null) {
            out.append(",\n  \"findings\": ").append(FindingsJson.write(m.findings()));
        }
        out.append("\n}\n");
        return out.toString();
    }

    /** Reads a manifest; throws {@link IllegalArgumentException} if it is not one. */
    @SuppressWarnings("unchecked")
    public static SessionManifest read(String text) {
        try {
            Map<String, Object> m = (Map<String, Object>) Json.parse(text);
            long version = (Long) m.get("formatVersion");
            List<Bookmark> bookmarks = new ArrayList<>();
            for (Object o : (List<Object>) m.get("bookmarks")) {
                String from = version == 1 ? "timeNanos" : "fromNanos";
                bookmarks.add(BookmarkJson.read((Map<String, Object>) o, from, version == 1 ? from : "toNanos"));
            }
            List<Object> ruleList = (List<Object>) m.get("alertRules");
            if (version == 1 && !ruleList.isEmpty()) {
                throw new IllegalArgumentException("manifest.json holds format 1 alert rules, which this version "
                        + "cannot read; remove \"alertRules\" from it to open the session");
            }
            List<AlertRule> rules = readRules(ruleList);
            Object selection = m.get("selection");
            return new SessionManifest(((Long) m.get("formatVersion")).intValue(), (String) m.get("appVersion"),
                    strings(m.get("jvm")), strings(m.get("settings")), (Long) m.get("startNanos"),
                    (Long) m.get("endNanos"), bookmarks, rules, (String) m.get("notes"),
                    selection == null ? null : selection((Map<String, Object>) selection),
                    ((List<Object>) m.get("chunks")).stream().map(String.class::cast).toList(),
                    m.get("findings") == null ? null : FindingsJson.read(m.get("findings")));
        } catch (ClassCastException | NullPointerException e) {
            throw new IllegalArgumentException("manifest.json lacks a field or has one of the wrong type", e);
        }
    }

    /** Alert rules as a JSON array. */
    public static String rules(List<AlertRule> rules) {
        return rules.stream().map(ManifestJson::rule).collect(Collectors.joining(", ", "[", "]"));
    }

    /** Alert rules from a JSON array; throws {@link IllegalArgumentException} if it is not one. */
    @SuppressWarnings("unchecked")
    public static List<AlertRule> rules(String json) {
        try {
            return readRules((List<Object>) Json.parse(json));
        } catch (ClassCastException | NullPointerException e) {
            throw new IllegalArgumentException("not a list of alert rules", e);
        }
    }

    private static String rule(AlertRule rule) {
        String head = "{\"name\": " + Json.quote(rule.name()) + ", \"enabled\": " + rule.enabled() + ", \"kind\": ";
        String values = switch (rule) {
            case AlertRule.CpuAbove r -> "\"cpu\", \"percent\": " + r.percent() + ", \"seconds\": " + r.seconds();
            case AlertRule.HeapAfterGcAbove r -> "\"heapAfterGc\", \"percent\": " + r.percent() + ", \"of\": "
                    + Json.quote(r.of().name());
            case AlertRule.GcPauseAbove r -> "\"gcPause\", \"millis\": " + r.millis();
            case AlertRule.LatencyAbove r -> "\"latency\", \"eventType\": " + Json.quote(r.eventType())
                    + ", \"millis\": " + r.millis() + ", \"windowSeconds\": " + r.windowSeconds();
            case AlertRule.ThreadBlocked r -> "\"threadBlocked\", \"millis\": " + r.millis();
        };
        AlertActions a = rule.actions();
        return head + values + (a.any() ? ", \"actions\": {\"threadDump\": " + a.threadDump() + ", \"heapHistogram\": "
                + a.heapHistogram() + ", \"snapshotMinutes\": " + a.snapshotMinutes() + "}" : "") + "}";
    }

    /** A rule's actions; a rule written before rules had actions takes none. */
    @SuppressWarnings("unchecked")
    private static AlertActions actions(Map<String, Object> rule) {
        if (!(rule.get("actions") instanceof Map<?, ?> a)) {
            return AlertActions.NONE;
        }
        Map<String, Object> actions = (Map<String, Object>) a;
        return new AlertActions((Boolean) actions.get("threadDump"), (Boolean) actions.get("heapHistogram"),
                (int) number(actions, "snapshotMinutes"));
    }

    @SuppressWarnings("unchecked")
    private static List<AlertRule> readRules(List<Object> list) {
        List<AlertRule> rules = new ArrayList<>();
        for (Object o : list) {
            Map<String, Object> r = (Map<String, Object>) o;
            String name = (String) r.get("name");
            boolean on = (Boolean) r.get("enabled");
            String kind = (String) r.get("kind");
            AlertRule read = switch (kind) {
                case "cpu" -> new AlertRule.CpuAbove(name, on, number(r, "percent"), number(r, "seconds"));
                case "heapAfterGc" -> new AlertRule.HeapAfterGcAbove(name, on, number(r, "percent"),
                        AlertRule.HeapBase.valueOf((String) r.get("of")));
                case "gcPause" -> new AlertRule.GcPauseAbove(name, on, number(r, "millis"));
                case "latency" -> new AlertRule.LatencyAbove(name, on, (String) r.get("eventType"), number(r, "millis"),
                        number(r, "windowSeconds"));
                case "threadBlocked" -> new AlertRule.ThreadBlocked(name, on, number(r, "millis"));
                case null, default -> throw new IllegalArgumentException("unknown kind of alert rule: " + kind);
            };
            rules.add(read.withActions(actions(r)));
        }
        return rules;
    }

    private static double number(Map<String, Object> map, String key) {
        return ((Number) map.get(key)).doubleValue();
    }

    /** Only the format version of a manifest, or -1 if it has none. */
    @SuppressWarnings("unchecked")
    public static int formatVersion(String text) {
        Object parsed = Json.parse(text);
        if (parsed instanceof Map<?, ?> map && map.get("formatVersion") instanceof Long v) {
            return v.intValue();
        }
        return -1;
    }

    private static String map(Map<String, String> map) {
        return new TreeMap<>(map).entrySet().stream()
                .map(e -> Json.quote(e.getKey()) + ": " + Json.quote(e.getValue()))
                .collect(Collectors.joining(", ", "{", "}"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> strings(Object o) {
        Map<String, String> out = new LinkedHashMap<>();
        ((Map<String, Object>) o).forEach((k, v) -> out.put(k, (String) v));
        return out;
    }

    private static String selection(Selection s) {
        String events = switch (s.events()) {
            case EventSelector.OfKind(var kind) -> "{\"kind\": " + Json.quote(kind.name()) + "}";
            case EventSelector.OfType(var type) -> "{\"type\": " + Json.quote(type) + "}";
        };
        String transforms = s.transforms().stream().map(t -> switch (t) {
            case Transform.Focus(var method) -> "{\"focus\": " + Json.quote(method) + "}";
            case Transform.Merge(var method) -> "{\"merge\": " + Json.quote(method) + "}";
            case Transform.DropFrameType(var type) -> "{\"dropFrameType\": " + Json.quote(type.name()) + "}";
            case Transform.CollapseRecursion(var method) -> "{\"collapseRecursion\": " + Json.quote(method) + "}";
        }).collect(Collectors.joining(", ", "[", "]"));
        return "{\"fromNanos\": " + (s.fromNanos() == Long.MIN_VALUE ? "null" : s.fromNanos())
                + ", \"toNanos\": " + (s.toNanos() == Long.MAX_VALUE ? "null" : s.toNanos())
                + ", \"threads\": " + s.threads().stream().sorted().map(String::valueOf)
                .collect(Collectors.joining(", ", "[", "]"))
                + ", \"events\": " + events
                + ", \"frameFilter\": " + (s.frameFilter() == null ? "null" : Json.quote(s.frameFilter()))
                + ", \"transforms\": " + transforms
                + ", \"measure\": " + Json.quote(s.measure().name())
                + ", \"minDurationNanos\": " + s.minDurationNanos()
                + ", \"maxDurationNanos\": " + (s.maxDurationNanos() == Long.MAX_VALUE ? "null" : s.maxDurationNanos())
                + ", \"duringType\": " + (s.duringType() == null ? "null" : Json.quote(s.duringType()))
                + "}";
    }

    @SuppressWarnings("unchecked")
    private static Selection selection(Map<String, Object> s) {
        Map<String, Object> events = (Map<String, Object>) s.get("events");
        EventSelector selector = events.containsKey("kind")
                ? new EventSelector.OfKind(SampleKind.valueOf((String) events.get("kind")))
                : new EventSelector.OfType((String) events.get("type"));
        List<Transform> transforms = new ArrayList<>();
        for (Object o : (List<Object>) s.get("transforms")) {
            Map<String, Object> t = (Map<String, Object>) o;
            String key = t.keySet().iterator().next();
            String value = (String) t.get(key);
            transforms.add(switch (key) {
                case "focus" -> new Transform.Focus(value);
                case "merge" -> new Transform.Merge(value);
                case "dropFrameType" -> new Transform.DropFrameType(FrameType.valueOf(value));
                case "collapseRecursion" -> new Transform.CollapseRecursion(value);
                default -> throw new IllegalArgumentException("unknown transform " + key);
            });
        }
        Set<Integer> threads = new HashSet<>();
        for (Object o : (List<Object>) s.get("threads")) {
            threads.add(((Long) o).intValue());
        }
        Object from = s.get("fromNanos");
        Object to = s.get("toNanos");
        Object minDuration = s.get("minDurationNanos");
        Object maxDuration = s.get("maxDurationNanos");
        return new Selection(from == null ? Long.MIN_VALUE : (Long) from, to == null ? Long.MAX_VALUE : (Long) to,
                threads, selector, (String) s.get("frameFilter"), transforms, Measure.valueOf((String) s.get("measure")),
                minDuration == null ? 0 : (Long) minDuration, maxDuration == null ? Long.MAX_VALUE : (Long) maxDuration,
                (String) s.get("duringType"));
    }
}
