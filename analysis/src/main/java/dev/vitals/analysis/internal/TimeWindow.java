package dev.vitals.analysis.internal;

import org.openjdk.jmc.common.item.IItemCollection;
import org.openjdk.jmc.common.item.IItemFilter;
import org.openjdk.jmc.common.item.IItemIterable;
import org.openjdk.jmc.common.item.ItemFilters;
import org.openjdk.jmc.common.unit.IQuantity;
import org.openjdk.jmc.common.unit.UnitLookup;
import org.openjdk.jmc.flightrecorder.JfrAttributes;
import org.openjdk.jmc.flightrecorder.rules.util.RulesToolkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The last minutes of a recording, for a live session's sliding analysis: the chunks written to
 * within the window (and always the newest), and of their events those that end in the window,
 * plus every event of the types that describe the JVM and the recording rather than what happened
 * (flags, {@code *Information}, {@code *Configuration}, {@code jdk.Initial*}, {@code
 * jdk.ActiveSetting}): JFR writes those once per chunk, and the rules read the settings from them
 * (whether an event type was enabled) and the JVM's configuration.
 */
public final class TimeWindow {
    private TimeWindow() {
    }

    /** The chunks (in order) last modified within {@code window} before the newest one's modification, and the newest. */
    public static List<Path> recentChunks(List<Path> chunks, Duration window) throws IOException {
        if (chunks.isEmpty()) {
            return chunks;
        }
        long newest = 0;
        List<Long> modified = new ArrayList<>();
        for (Path chunk : chunks) {
            long m = Files.getLastModifiedTime(chunk).toMillis();
            modified.add(m);
            newest = Math.max(newest, m);
        }
        List<Path> recent = new ArrayList<>();
        for (int i = 0; i < chunks.size(); i++) {
            if (modified.get(i) >= newest - window.toMillis() || i == chunks.size() - 1) {
                recent.add(chunks.get(i));
            }
        }
        return recent;
    }

    /** The items of the last {@code window} before the newest event's end, with the types that describe the JVM. */
    public static IItemCollection last(IItemCollection items, Duration window) {
        IQuantity newest = RulesToolkit.getLatestEndTime(items);
        if (newest == null) {
            return items;
        }
        IQuantity from = newest.subtract(UnitLookup.NANOSECOND.quantity(window.toNanos()));
        Set<String> describing = new TreeSet<>();
        for (IItemIterable iterable : items) {
            String id = iterable.getType().getIdentifier();
            if (describes(id)) {
                describing.add(id);
            }
        }
        IItemFilter inWindow = ItemFilters.moreOrEqual(JfrAttributes.END_TIME, from);
        return items.apply(describing.isEmpty() ? inWindow : ItemFilters.or(ItemFilters.type(describing), inWindow));
    }

    private static boolean describes(String type) {
        return type.endsWith("Flag") || type.endsWith("Information") || type.endsWith("Configuration")
                || type.startsWith("jdk.Initial") || type.equals("jdk.ActiveSetting");
    }
}
