package dev.vitals.views.flame.internal;

import dev.vitals.model.FrameType;
import dev.vitals.model.query.CallTree;
import dev.vitals.model.query.Diff;

import java.util.Locale;

/** The words the flame graph uses for frames: tooltip text, frame type names, stacks to copy. */
public final class FrameText {
    private FrameText() {
    }

    /** A frame type as users read it (JFR's wording). */
    public static String typeName(FrameType type) {
        return switch (type) {
            case INTERPRETED -> "Interpreted";
            case C1 -> "C1 compiled";
            case JIT -> "JIT compiled";
            case INLINED -> "Inlined";
            case NATIVE -> "Native";
            case CPP -> "C++";
            case KERNEL -> "Kernel";
            case UNKNOWN -> "Unknown";
        };
    }

    /** A frame type in the legend: one short word. */
    public static String shortTypeName(FrameType type) {
        return switch (type) {
            case INTERPRETED -> "Interpreted";
            case C1 -> "C1";
            case JIT -> "JIT";
            case INLINED -> "Inlined";
            case NATIVE -> "Native";
            case CPP -> "C++";
            case KERNEL -> "Kernel";
            case UNKNOWN -> "Unknown";
        };
    }

    /**
     * The tooltip of a node: full name, total and self weight with their share of the selection
     * (the root) and of the parent, frame type, the baseline's values in a diff, and whether the
     * method can be traced.
     */
    public static String describe(TreeColours colours, int n, boolean traceable) {
        CallTree tree = colours.tree();
        StringBuilder out = new StringBuilder(tree.name(n)).append('\n');
        long all = tree.total(0);
        out.append("Total: ").append(count(tree.total(n))).append(" samples, ")
                .append(percent(tree.total(n), all)).append(" of selection");
        int parent = tree.parent(n);
        if (parent != -1) {
            out.append(", ").append(percent(tree.total(n), tree.total(parent))).append(" of parent");
        }
        out.append('\n').append("Self: ").append(count(tree.self(n))).append(" samples, ")
                .append(percent(tree.self(n), all)).append(" of selection");
        if (n > 0) {
            out.append('\n').append("Frame type: ").append(typeName(tree.frameType(n)));
        }
        Diff diff = colours.diff();
        if (diff != null) {
            long oldAll = diff.baseline(0);
            long oldTotal = diff.baseline(n);
            long oldSelf = diff.baselineSelf(n);
            out.append('\n').append("Before: total ").append(count(oldTotal)).append(" (")
                    .append(percent(oldTotal, oldAll)).append("), self ").append(count(oldSelf))
                    .append(" (").append(percent(oldSelf, oldAll)).append(')');
            out.append('\n').append("After: total ").append(count(tree.total(n))).append(" (")
                    .append(percent(tree.total(n), all)).append("), self ").append(count(tree.self(n)))
                    .append(" (").append(percent(tree.self(n), all)).append(')');
            double points = 100.0 * diff.delta(n);
            out.append('\n').append("Change: ").append(String.format(Locale.ROOT, "%+.1f", points)).append(" points");
        }
        if (traceable) {
            out.append('\n').append("Traceable: yes (right-click \u203a Trace this method)");
        }
        return out.toString();
    }

    /** The stack from the root's child down to the node, one frame a line, innermost first (as in a Java stack trace). */
    public static String stack(CallTree tree, int n) {
        StringBuilder out = new StringBuilder();
        for (int node = n; node > 0; node = tree.parent(node)) {
            out.append(tree.name(node)).append('\n');
        }
        return out.toString();
    }

    /** "23.4 %" */
    public static String percent(long part, long whole) {
        return String.format(Locale.ROOT, "%.1f %%", 100 * share(part, whole));
    }

    private static double share(long part, long whole) {
        return whole == 0 ? 0 : (double) part / whole;
    }

    private static String count(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }
}
