package dev.vitals.model.finding;

import dev.vitals.model.export.Json;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@link Findings} as JSON and back: the session manifest's {@code findings} and {@code vitals
 * analyze --json}. A finding's absent score and open span ends are written as {@code null}.
 */
public final class FindingsJson {
    private FindingsJson() {
    }

    /** The findings as one JSON object. */
    public static String write(Findings findings) {
        return "{\"fromNanos\": " + findings.fromNanos() + ", \"toNanos\": " + findings.toNanos()
                + ",\n    \"findings\": [" + findings.findings().stream().map(FindingsJson::finding)
                .collect(Collectors.joining(",\n      ", "\n      ", "")) + "],\n    \"skipped\": ["
                + findings.skipped().stream().map(FindingsJson::skipped)
                .collect(Collectors.joining(",\n      ", "\n      ", "")) + "]}";
    }

    /** One finding as a JSON object. */
    public static String finding(Finding f) {
        Evidence e = f.evidence();
        return "{\"ruleId\": " + Json.quote(f.ruleId()) + ", \"name\": " + Json.quote(f.name())
                + ", \"topic\": " + Json.quote(f.topic()) + ", \"severity\": " + Json.quote(f.severity().label())
                + ", \"score\": " + (f.hasScore() ? String.valueOf(f.score()) : "null")
                + ", \"summary\": " + Json.quote(f.summary()) + ", \"explanation\": " + Json.quote(f.explanation())
                + ", \"solution\": " + Json.quote(f.solution())
                + ", \"fromNanos\": " + (e.fromNanos() == Long.MIN_VALUE ? "null" : e.fromNanos())
                + ", \"toNanos\": " + (e.toNanos() == Long.MAX_VALUE ? "null" : e.toNanos())
                + ", \"threads\": " + strings(e.threads()) + ", \"eventType\": " + nullable(e.eventType())
                + ", \"frame\": " + nullable(e.frame()) + ", \"className\": " + nullable(e.className()) + "}";
    }

    private static String skipped(SkippedRule s) {
        return "{\"ruleId\": " + Json.quote(s.ruleId()) + ", \"name\": " + Json.quote(s.name())
                + ", \"reason\": " + Json.quote(s.reason()) + ", \"eventTypes\": " + strings(s.eventTypes())
                + ", \"settings\": " + strings(s.settings()) + "}";
    }

    /** Findings read from the object {@link #write} gives; throws {@link IllegalArgumentException} if it is not one. */
    @SuppressWarnings("unchecked")
    public static Findings read(Object json) {
        try {
            Map<String, Object> m = (Map<String, Object>) json;
            List<Finding> findings = new ArrayList<>();
            for (Object o : (List<Object>) m.get("findings")) {
                Map<String, Object> f = (Map<String, Object>) o;
                Object from = f.get("fromNanos");
                Object to = f.get("toNanos");
                Evidence evidence = new Evidence(from == null ? Long.MIN_VALUE : (Long) from,
                        to == null ? Long.MAX_VALUE : (Long) to, stringList(f.get("threads")),
                        (String) f.get("eventType"), (String) f.get("frame"), (String) f.get("className"));
                Object score = f.get("score");
                findings.add(new Finding((String) f.get("ruleId"), (String) f.get("name"), (String) f.get("topic"),
                        FindingSeverity.ofLabel((String) f.get("severity")),
                        score == null ? Double.NaN : ((Number) score).doubleValue(), (String) f.get("summary"),
                        (String) f.get("explanation"), (String) f.get("solution"), evidence));
            }
            List<SkippedRule> skipped = new ArrayList<>();
            for (Object o : (List<Object>) m.get("skipped")) {
                Map<String, Object> s = (Map<String, Object>) o;
                skipped.add(new SkippedRule((String) s.get("ruleId"), (String) s.get("name"), (String) s.get("reason"),
                        stringList(s.get("eventTypes")), stringList(s.get("settings"))));
            }
            return new Findings(findings, skipped, (Long) m.get("fromNanos"), (Long) m.get("toNanos"));
        } catch (ClassCastException | NullPointerException e) {
            throw new IllegalArgumentException("findings lack a field or have one of the wrong type", e);
        }
    }

    private static String strings(List<String> list) {
        return list.stream().map(Json::quote).collect(Collectors.joining(", ", "[", "]"));
    }

    private static String nullable(String s) {
        return s == null ? "null" : Json.quote(s);
    }

    @SuppressWarnings("unchecked")
    private static List<String> stringList(Object o) {
        return ((List<Object>) o).stream().map(String.class::cast).toList();
    }
}
