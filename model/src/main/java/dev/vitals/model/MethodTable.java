package dev.vitals.model;

import dev.vitals.model.internal.ObjectView;

/**
 * Interned methods of a snapshot; a method id is its row index, stable for the life of a model.
 */
public final class MethodTable {
    private final ObjectView<MethodInfo> rows;

    /** A view of the interned methods (made by the model's writer). */
    public MethodTable(ObjectView<MethodInfo> rows) {
        this.rows = rows;
    }

    /** Number of methods. */
    public int length() {
        return rows.length();
    }

    /** The method with id {@code methodIndex}. */
    public MethodInfo get(int methodIndex) {
        return rows.get(methodIndex);
    }

    /** The frame name ({@link MethodInfo#frameName()}). */
    public String frameName(int methodIndex) {
        return rows.get(methodIndex).frameName();
    }
}
