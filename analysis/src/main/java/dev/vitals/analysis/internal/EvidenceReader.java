package dev.vitals.analysis.internal;

import dev.vitals.model.finding.Evidence;
import org.openjdk.jmc.common.IMCFrame;
import org.openjdk.jmc.common.IMCMethod;
import org.openjdk.jmc.common.IMCThread;
import org.openjdk.jmc.common.IMCType;
import org.openjdk.jmc.common.item.IItem;
import org.openjdk.jmc.common.item.IItemCollection;
import org.openjdk.jmc.common.item.IItemIterable;
import org.openjdk.jmc.common.item.IItemQuery;
import org.openjdk.jmc.common.item.IMemberAccessor;
import org.openjdk.jmc.common.item.ItemFilters;
import org.openjdk.jmc.common.unit.IQuantity;
import org.openjdk.jmc.common.unit.IRange;
import org.openjdk.jmc.common.unit.UnitLookup;
import org.openjdk.jmc.flightrecorder.JfrAttributes;
import org.openjdk.jmc.flightrecorder.rules.IResult;
import org.openjdk.jmc.flightrecorder.rules.TypedCollectionResult;
import org.openjdk.jmc.flightrecorder.rules.TypedResult;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads what a rule's result points at from the typed results it declares: a time range
 * ({@code IRange} of timestamps), threads ({@code IMCThread}), methods or frames (the first, the
 * top of the path the rule names), a class ({@code IMCType}), and its event type (the one event
 * type the rule requires, else the one its item query selects). A result that names an event
 * type but no thread is narrowed to the threads whose stacks that type records.
 */
final class EvidenceReader {
    /** At most this many threads are named (the ones with the most events first). */
    static final int MAX_THREADS = 16;

    private final IItemCollection items;

    EvidenceReader(IItemCollection items) {
        this.items = items;
    }

    Evidence of(IResult result) {
        Parts parts = new Parts();
        for (TypedResult<?> typed : result.getRule().getResults()) {
            values(result, typed).forEach(parts::add);
        }
        String eventType = eventType(result);
        List<String> threads = new ArrayList<>(parts.threads);
        if (threads.isEmpty() && eventType != null) {
            threads = stackThreads(eventType, parts.from, parts.to);
        }
        return new Evidence(parts.from, parts.to, threads, eventType, parts.frame, parts.className);
    }

    /** The parts found so far: the first span, method and class, every thread. */
    private static final class Parts {
        long from = Long.MIN_VALUE;
        long to = Long.MAX_VALUE;
        final Set<String> threads = new TreeSet<>();
        String frame;
        String className;

        void add(Object value) {
            switch (value) {
                case IRange<?> range when isTime(range) -> {
                    if (from == Long.MIN_VALUE) {
                        from = epochNanos((IQuantity) range.getStart());
                        to = Math.max(from, epochNanos((IQuantity) range.getEnd()));
                    }
                }
                case IMCThread thread when thread.getThreadName() != null -> threads.add(thread.getThreadName());
                case IMCMethod method -> frame = frame == null ? frameName(method) : frame;
                case IMCFrame f when f.getMethod() != null -> frame = frame == null ? frameName(f.getMethod()) : frame;
                case IMCType type -> className = className == null ? type.getFullName() : className;
                default -> {
                }
            }
        }
    }

    /** A typed result's values: none, one, or a collection's. */
    private static Collection<?> values(IResult result, TypedResult<?> typed) {
        Object value = typed instanceof TypedCollectionResult<?> c ? result.getResult(c) : result.getResult(typed);
        return switch (value) {
            case null -> List.of();
            case Collection<?> c -> c;
            default -> List.of(value);
        };
    }

    private static boolean isTime(IRange<?> range) {
        return range.getStart() instanceof IQuantity q && q.getUnit().getContentType() == UnitLookup.TIMESTAMP;
    }

    private String eventType(IResult result) {
        Set<String> required = result.getRule().getRequiredEvents().keySet();
        if (required.size() == 1) {
            return required.iterator().next();
        }
        IItemQuery query = result.getResult(TypedResult.ITEM_QUERY);
        if (query == null) {
            return null;
        }
        Set<String> types = new TreeSet<>();
        for (IItemIterable iterable : items.apply(query.getFilter())) {
            if (iterable.getItemCount() > 0) {
                types.add(iterable.getType().getIdentifier());
            }
        }
        return types.size() == 1 ? types.iterator().next() : null;
    }

    /** The threads of the type's events that carry a stack, in the span if any, most events first. */
    private List<String> stackThreads(String eventType, long from, long to) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (IItemIterable iterable : items.apply(ItemFilters.type(eventType))) {
            IMemberAccessor<IMCThread, IItem> thread = JfrAttributes.EVENT_THREAD.getAccessor(iterable.getType());
            IMemberAccessor<IQuantity, IItem> start = JfrAttributes.START_TIME.getAccessor(iterable.getType());
            if (thread == null || start == null
                    || JfrAttributes.EVENT_STACKTRACE.getAccessor(iterable.getType()) == null) {
                continue;
            }
            for (IItem item : iterable) {
                IMCThread t = thread.getMember(item);
                IQuantity s = start.getMember(item);
                long at = s == null ? 0 : epochNanos(s);
                if (t != null && t.getThreadName() != null && (from == Long.MIN_VALUE || at >= from && at < to)) {
                    counts.merge(t.getThreadName(), 1, Integer::sum);
                }
            }
        }
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(MAX_THREADS).map(Map.Entry::getKey).sorted().toList();
    }

    static String frameName(IMCMethod method) {
        IMCType type = method.getType();
        String className = type == null ? "" : type.getFullName();
        return className == null || className.isEmpty() ? method.getMethodName() : className + "." + method.getMethodName();
    }

    private static long epochNanos(IQuantity time) {
        return time.clampedLongValueIn(UnitLookup.EPOCH_NS);
    }
}
