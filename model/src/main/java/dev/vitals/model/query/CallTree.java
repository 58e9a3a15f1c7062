package dev.vitals.model.query;

import dev.vitals.model.FrameType;
import dev.vitals.model.internal.LongIntMap;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * An immutable call tree: a derived, columnar table of nodes in depth-first order.
 *
 * <p>Invariants: node 0 is the root ("all", method id -1, depth 0); a node's parent index is always
 * smaller than its own; the descendants of node {@code n} are exactly the nodes in
 * {@code (n, subtreeEnd(n))}; siblings are ordered by name (then by method id), so a tree that grows
 * with live data keeps its layout stable; {@code total(n) >= sum of total(children)}. Self is the
 * weight of the samples that ran in the node's frame (it was their leaf): in a top-down tree
 * {@code total(n) == self(n) + sum of total(children)}; in an inverted tree (leaf frames first) the
 * self of a leaf frame at depth 1 is its total, and callers below have none.
 * Index -1 means "none" everywhere. Nodes are keyed by method: frames of one method reached through
 * the same path are one node whatever their frame type, and the node's {@link #frameType} is the
 * type with the most weight there.
 */
public final class CallTree {
    /** The name of the root node. */
    public static final String ROOT_NAME = "all";

    private final int[] parent;
    private final int[] depth;
    private final int[] subtreeEnd;
    private final int[] firstChild;
    private final int[] nextSibling;
    private final int[] methodId;
    private final long[] total;
    private final long[] self;
    private final byte[] frameType;
    private final String[] name;
    private final String[] packageName;
    private final int maxDepth;

    private CallTree(int[] parent, int[] depth, int[] subtreeEnd, int[] firstChild, int[] nextSibling,
                     int[] methodId, long[] total, long[] self, byte[] frameType, String[] name,
                     String[] packageName, int maxDepth) {
        this.parent = parent;
        this.depth = depth;
        this.subtreeEnd = subtreeEnd;
        this.firstChild = firstChild;
        this.nextSibling = nextSibling;
        this.methodId = methodId;
        this.total = total;
        this.self = self;
        this.frameType = frameType;
        this.name = name;
        this.packageName = packageName;
        this.maxDepth = maxDepth;
    }

    /** Number of nodes, root included (at least 1). */
    public int size() {
        return parent.length;
    }

    /** The parent node, -1 for the root. */
    public int parent(int nodeIndex) {
        return parent[nodeIndex];
    }

    /** Depth of the node; the root is 0. */
    public int depth(int nodeIndex) {
        return depth[nodeIndex];
    }

    /** Exclusive end of the node's subtree: its descendants are the nodes in (nodeIndex, subtreeEnd). */
    public int subtreeEnd(int nodeIndex) {
        return subtreeEnd[nodeIndex];
    }

    /** The first child (by name), -1 if none. */
    public int firstChild(int nodeIndex) {
        return firstChild[nodeIndex];
    }

    /** The next sibling (by name), -1 if none. */
    public int nextSibling(int nodeIndex) {
        return nextSibling[nodeIndex];
    }

    /** Weight of the samples whose stack passes through this node. */
    public long total(int nodeIndex) {
        return total[nodeIndex];
    }

    /** Weight of the samples whose stack ends at this node. */
    public long self(int nodeIndex) {
        return self[nodeIndex];
    }

    /** The frame's name, "pkg.Class.method" as in the collapsed format; "all" for the root. */
    public String name(int nodeIndex) {
        return name[nodeIndex];
    }

    /** The frame type with the most weight at this node; {@link FrameType#UNKNOWN} for the root. */
    public FrameType frameType(int nodeIndex) {
        return FrameType.ofOrdinal(frameType[nodeIndex]);
    }

    /** The Java package of the frame's class, "" if none (root, default package, native frames). */
    public String packageName(int nodeIndex) {
        return packageName[nodeIndex];
    }

    /** The method's id, stable within one model (the same method has the same id); -1 for the root. */
    public int methodId(int nodeIndex) {
        return methodId[nodeIndex];
    }

    /** The largest node depth. */
    public int maxDepth() {
        return maxDepth;
    }

    /**
     * True if {@code other} has the same nodes in the same order with the same names, types, method
     * ids and weights: a live view repaints only when a new tree is not the same as the last.
     */
    public boolean sameAs(CallTree other) {
        return other == this || other != null && Arrays.equals(parent, other.parent)
                && Arrays.equals(methodId, other.methodId) && Arrays.equals(total, other.total)
                && Arrays.equals(self, other.self) && Arrays.equals(frameType, other.frameType)
                && Arrays.equals(name, other.name);
    }

    /** The child of {@code nodeIndex} with the given name, -1 if none. */
    public int findChild(int nodeIndex, String childName) {
        for (int c = firstChild[nodeIndex]; c != -1; c = nextSibling[c]) {
            if (name[c].equals(childName)) {
                return c;
            }
        }
        return -1;
    }

    /** The node reached from the root through the given names, -1 if there is none. */
    public int findNode(String... path) {
        int node = 0;
        for (String step : path) {
            node = findChild(node, step);
            if (node == -1) {
                return -1;
            }
        }
        return node;
    }

    /** The names from the root's child down to this node (empty for the root). */
    public List<String> path(int nodeIndex) {
        List<String> names = new ArrayList<>();
        for (int n = nodeIndex; n > 0; n = parent[n]) {
            names.add(name[n]);
        }
        return names.reversed();
    }

    /**
     * The tree as collapsed stacks: one line per node with self weight, frames root first joined by
     * {@code ;}, a space and the weight; lines in depth-first (name) order. Root self weight (empty
     * stacks) is not written.
     */
    public String toCollapsed() {
        StringBuilder out = new StringBuilder();
        for (int n = 1; n < size(); n++) {
            if (self[n] > 0) {
                out.append(String.join(";", path(n))).append(' ').append(self[n]).append('\n');
            }
        }
        return out.toString();
    }

    /**
     * Builds a tree from collapsed stacks, one per line: frames root first joined by {@code ;}, a
     * space and a count ({@code a;b;c 3}); blank lines are skipped and a line without a count counts
     * 1. A frame may carry async-profiler's annotation suffix: {@code _[0]} interpreted, {@code _[1]}
     * C1 compiled, {@code _[j]} JIT compiled, {@code _[i]} inlined, {@code _[k]} kernel, and this
     * model's own {@code _[n]} native and {@code _[c]} C++; without one a frame is
     * {@link FrameType#JIT}. Method ids are assigned in order of first appearance of each name.
     * The package of a Java frame is its name without the last two dot-separated parts.
     */
    public static CallTree fromCollapsed(String text) {
        Map<String, Integer> ids = new HashMap<>();
        List<String> names = new ArrayList<>();
        Builder builder = new Builder(names::get, id -> javaPackageOf(names.get(id)));
        int[] methods = new int[16];
        FrameType[] types = new FrameType[16];
        for (String rawLine : text.split("\n")) {
            String line = rawLine.strip();
            if (line.isEmpty()) {
                continue;
            }
            long count = 1;
            int space = line.lastIndexOf(' ');
            if (space > 0 && isDigits(line, space + 1)) {
                count = Long.parseLong(line.substring(space + 1));
                line = line.substring(0, space);
            }
            String[] frames = line.split(";");
            if (frames.length > methods.length) {
                methods = Arrays.copyOf(methods, frames.length * 2);
                types = Arrays.copyOf(types, frames.length * 2);
            }
            for (int i = 0; i < frames.length; i++) {
                String frame = frames[i];
                FrameType type = FrameType.JIT;
                if (frame.length() > 4 && frame.startsWith("_[", frame.length() - 4) && frame.endsWith("]")) {
                    type = annotationType(frame.charAt(frame.length() - 2));
                    frame = frame.substring(0, frame.length() - 4);
                }
                types[i] = type;
                methods[i] = ids.computeIfAbsent(frame, n -> {
                    names.add(n);
                    return names.size() - 1;
                });
            }
            builder.add(methods, types, frames.length, count);
        }
        return builder.build();
    }

    private static boolean isDigits(String s, int from) {
        if (from >= s.length()) {
            return false;
        }
        for (int i = from; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static FrameType annotationType(char c) {
        return switch (c) {
            case '0' -> FrameType.INTERPRETED;
            case '1' -> FrameType.C1;
            case 'j' -> FrameType.JIT;
            case 'i' -> FrameType.INLINED;
            case 'k' -> FrameType.KERNEL;
            case 'n' -> FrameType.NATIVE;
            case 'c' -> FrameType.CPP;
            default -> FrameType.UNKNOWN;
        };
    }

    /** "java.util.HashMap.putVal" gives "java.util"; a name with fewer than two dots gives "". */
    static String javaPackageOf(String frameName) {
        int methodDot = frameName.lastIndexOf('.');
        if (methodDot <= 0) {
            return "";
        }
        int classDot = frameName.lastIndexOf('.', methodDot - 1);
        return classDot <= 0 ? "" : frameName.substring(0, classDot);
    }

    /**
     * Accumulates stacks (root first) with weights into a mutable trie and lays it out as a
     * {@link CallTree}. Not thread-safe; one builder per query.
     */
    public static final class Builder {
        private static final int TYPES = FrameType.values().length;
        private final IntFunction<String> nameOf;
        private final IntFunction<String> packageOf;
        /** Trie nodes that are not their parent's first child, by (parent, method). */
        private final LongIntMap childByKey = new LongIntMap(1024);
        private int size = 1;
        private int[] trieParent = new int[1024];
        /**
         * Per node, its first child + 1 (0: none), not in {@link #childByKey}: along deep stacks
         * most nodes are first children, found beside their parent without a lookup in a map of
         * every node (as {@code ProfileStore} does for stack rows).
         */
        private int[] trieFirstChild = new int[1024];
        private int[] trieMethod = new int[1024];
        private long[] trieTotal = new long[1024];
        private long[] trieSelf = new long[1024];
        private long[] trieTypeWeight = new long[1024 * TYPES];

        /**
         * @param nameOf    the frame name of a method id
         * @param packageOf the package name of a method id ("" if none)
         */
        public Builder(IntFunction<String> nameOf, IntFunction<String> packageOf) {
            this.nameOf = nameOf;
            this.packageOf = packageOf;
            trieParent[0] = -1;
            trieMethod[0] = -1;
        }

        /**
         * Adds one stack. {@code methodIds[0..length)} are the frames root first (method ids must
         * be non-negative), {@code types} their frame types; an empty stack adds to the root's self.
         */
        public void add(int[] methodIds, FrameType[] types, int length, long weight) {
            add(methodIds, types, length, length - 1, weight);
        }

        /**
         * Adds one path whose self weight goes to the frame at {@code selfAt} (the leaf frame, where
         * the sample ran): {@code length - 1} for a stack root first, 0 for an inverted one (leaf
         * first), -1 for none; an empty path adds to the root's self.
         */
        public void add(int[] methodIds, FrameType[] types, int length, int selfAt, long weight) {
            int node = 0;
            int selfNode = length == 0 ? 0 : -1;
            trieTotal[0] += weight;
            for (int i = 0; i < length; i++) {
                node = child(node, methodIds[i]);
                trieTotal[node] += weight;
                trieTypeWeight[node * TYPES + types[i].ordinal()] += weight;
                if (i == selfAt) {
                    selfNode = node;
                }
            }
            if (selfNode >= 0) {
                trieSelf[selfNode] += weight;
            }
        }

        private int child(int node, int method) {
            int first = trieFirstChild[node] - 1;
            if (first >= 0 && trieMethod[first] == method) {
                return first;
            }
            long key = ((long) node << 32) | method;
            int found = first < 0 ? -1 : childByKey.get(key);
            if (found >= 0) {
                return found;
            }
            if (size == trieParent.length) {
                int capacity = size * 2;
                trieParent = Arrays.copyOf(trieParent, capacity);
                trieFirstChild = Arrays.copyOf(trieFirstChild, capacity);
                trieMethod = Arrays.copyOf(trieMethod, capacity);
                trieTotal = Arrays.copyOf(trieTotal, capacity);
                trieSelf = Arrays.copyOf(trieSelf, capacity);
                trieTypeWeight = Arrays.copyOf(trieTypeWeight, capacity * TYPES);
            }
            int created = size++;
            trieParent[created] = node;
            trieMethod[created] = method;
            if (first < 0) {
                trieFirstChild[node] = created + 1;
            } else {
                childByKey.put(key, created);
            }
            return created;
        }

        /** Lays the trie out in depth-first order with children sorted by name. */
        public CallTree build() {
            int n = size;
            // rank each method by (name, id) so children sort as longs
            int maxMethod = -1;
            for (int i = 1; i < n; i++) {
                maxMethod = Math.max(maxMethod, trieMethod[i]);
            }
            int[] methodsPresent = new int[n - 1];
            boolean[] seen = new boolean[maxMethod + 1];
            int distinct = 0;
            for (int i = 1; i < n; i++) {
                int m = trieMethod[i];
                if (!seen[m]) {
                    seen[m] = true;
                    methodsPresent[distinct++] = m;
                }
            }
            String[] methodName = new String[maxMethod + 1];
            Integer[] order = new Integer[distinct];
            for (int i = 0; i < distinct; i++) {
                order[i] = methodsPresent[i];
                methodName[methodsPresent[i]] = nameOf.apply(methodsPresent[i]);
            }
            Arrays.sort(order, (a, b) -> {
                int c = methodName[a].compareTo(methodName[b]);
                return c != 0 ? c : Integer.compare(a, b);
            });
            int[] rank = new int[maxMethod + 1];
            for (int i = 0; i < distinct; i++) {
                rank[order[i]] = i;
            }
            // children lists sorted by rank: sort (parent, rank, node) keys, then group by parent
            int[] childStart = new int[n + 1];
            for (int i = 1; i < n; i++) {
                childStart[trieParent[i] + 1]++;
            }
            for (int i = 0; i < n; i++) {
                childStart[i + 1] += childStart[i];
            }
            long[] sorted = new long[n - 1];
            int[] fill = Arrays.copyOf(childStart, n);
            for (int i = 1; i < n; i++) {
                sorted[fill[trieParent[i]]++] = ((long) rank[trieMethod[i]] << 32) | i;
            }
            for (int p = 0; p < n; p++) {
                Arrays.sort(sorted, childStart[p], childStart[p + 1]);
            }
            // pre-order layout
            int[] newIndex = new int[n];
            int[] oldOf = new int[n];
            int[] work = new int[n];
            int top = 0;
            work[top++] = 0;
            int next = 0;
            while (top > 0) {
                int old = work[--top];
                newIndex[old] = next;
                oldOf[next++] = old;
                for (int k = childStart[old + 1] - 1; k >= childStart[old]; k--) {
                    work[top++] = (int) sorted[k];
                }
            }
            int[] parent = new int[n];
            int[] depth = new int[n];
            int[] subtreeEnd = new int[n];
            int[] firstChild = new int[n];
            int[] nextSibling = new int[n];
            int[] methodId = new int[n];
            long[] total = new long[n];
            long[] self = new long[n];
            byte[] frameType = new byte[n];
            String[] name = new String[n];
            String[] pkg = new String[n];
            Arrays.fill(firstChild, -1);
            Arrays.fill(nextSibling, -1);
            int maxDepth = 0;
            for (int i = 0; i < n; i++) {
                int old = oldOf[i];
                total[i] = trieTotal[old];
                self[i] = trieSelf[old];
                if (old == 0) {
                    parent[i] = -1;
                    methodId[i] = -1;
                    frameType[i] = (byte) FrameType.UNKNOWN.ordinal();
                    name[i] = ROOT_NAME;
                    pkg[i] = "";
                } else {
                    int m = trieMethod[old];
                    parent[i] = newIndex[trieParent[old]];
                    depth[i] = depth[parent[i]] + 1;
                    maxDepth = Math.max(maxDepth, depth[i]);
                    methodId[i] = m;
                    frameType[i] = (byte) dominantType(old);
                    name[i] = methodName[m];
                    pkg[i] = packageOf.apply(m);
                }
                int from = childStart[old];
                int to = childStart[old + 1];
                if (from < to) {
                    firstChild[i] = newIndex[(int) sorted[from]];
                    for (int k = from; k + 1 < to; k++) {
                        nextSibling[newIndex[(int) sorted[k]]] = newIndex[(int) sorted[k + 1]];
                    }
                }
            }
            for (int i = 0; i < n; i++) {
                subtreeEnd[i] = nextSibling[i] != -1 ? nextSibling[i] : parent[i] == -1 ? n : subtreeEnd[parent[i]];
            }
            return new CallTree(parent, depth, subtreeEnd, firstChild, nextSibling, methodId, total, self,
                    frameType, name, pkg, maxDepth);
        }

        private int dominantType(int node) {
            int best = FrameType.UNKNOWN.ordinal();
            long bestWeight = 0;
            for (int t = 0; t < TYPES; t++) {
                long w = trieTypeWeight[node * TYPES + t];
                if (w > bestWeight) {
                    best = t;
                    bestWeight = w;
                }
            }
            return best;
        }
    }
}
