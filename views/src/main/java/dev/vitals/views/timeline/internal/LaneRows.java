package dev.vitals.views.timeline.internal;

import dev.vitals.model.ThreadState;
import dev.vitals.model.query.JvmThreads;
import dev.vitals.model.query.ThreadLanes;
import dev.vitals.views.timeline.LaneSort;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The rows of the timeline: lanes that pass the filter, grouped by thread name with the group
 * pattern removed ("worker-1", "worker-2" → "worker"), groups of two or more lanes under a header
 * row that can be collapsed, groups and lanes in the chosen order.
 */
public final class LaneRows {
    /**
     * One row.
     *
     * @param group   the group key
     * @param header  true for a group header (then {@code lane} is null and {@code members} holds its lanes)
     * @param lane    the lane of a lane row
     * @param members the lanes of a header row; for a lane row, just its lane
     */
    public record Row(String group, boolean header, ThreadLanes.Lane lane, List<ThreadLanes.Lane> members) {
    }

    private LaneRows() {
    }

    /** Builds the rows. */
    public static List<Row> build(List<ThreadLanes.Lane> lanes, LaneSort sort, String groupPattern, String filter,
                                  Set<String> collapsed) {
        Pattern pattern = compile(groupPattern);
        String needle = filter == null ? "" : filter.toLowerCase(Locale.ROOT);
        Comparator<ThreadLanes.Lane> order = switch (sort) {
            case ACTIVITY -> Comparator.comparing((ThreadLanes.Lane l) -> JvmThreads.isInternal(l.name()))
                    .thenComparingInt(l -> -(l.bins(ThreadState.RUNNING) + l.bins(ThreadState.NATIVE)
                            + l.bins(ThreadState.BLOCKED) + l.bins(ThreadState.IO)))
                    .thenComparing(ThreadLanes.Lane::name);
            case NAME -> Comparator.comparing(ThreadLanes.Lane::name);
            case CPU -> Comparator.comparingInt((ThreadLanes.Lane l) -> -l.bins(ThreadState.RUNNING))
                    .thenComparing(ThreadLanes.Lane::name);
            case BLOCKED -> Comparator.comparingInt((ThreadLanes.Lane l) -> -(l.bins(ThreadState.BLOCKED)
                    + l.bins(ThreadState.WAITING) + l.bins(ThreadState.PARKED))).thenComparing(ThreadLanes.Lane::name);
        };
        List<ThreadLanes.Lane> sorted = lanes.stream()
                .filter(l -> l.name().toLowerCase(Locale.ROOT).contains(needle)).sorted(order).toList();
        Map<String, List<ThreadLanes.Lane>> groups = new LinkedHashMap<>();
        for (ThreadLanes.Lane lane : sorted) {
            String key = pattern == null ? lane.name() : pattern.matcher(lane.name()).replaceAll("");
            groups.computeIfAbsent(key.isEmpty() ? lane.name() : key, k -> new ArrayList<>()).add(lane);
        }
        List<Row> rows = new ArrayList<>();
        groups.forEach((key, members) -> {
            if (members.size() == 1) {
                rows.add(new Row(key, false, members.getFirst(), members));
                return;
            }
            rows.add(new Row(key, true, null, List.copyOf(members)));
            if (!collapsed.contains(key)) {
                for (ThreadLanes.Lane lane : members) {
                    rows.add(new Row(key, false, lane, List.of(lane)));
                }
            }
        });
        return rows;
    }

    private static Pattern compile(String regex) {
        if (regex == null || regex.isEmpty()) {
            return null;
        }
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            return null;
        }
    }
}
