package dev.vitals.model.jfr.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * A class described by a chunk's metadata: an event type, a constant-pool type, a nested value or
 * a primitive. Fields are filled in after every type of the chunk is known, because fields refer to
 * types by id.
 */
public final class JfrType {
    /** How a primitive value is encoded; {@link #STRUCT} for a composite one. */
    public enum Kind { BOOLEAN, BYTE, CHAR, SHORT, INT, LONG, FLOAT, DOUBLE, STRING, STRUCT }

    private final long id;
    private final String name;
    private final String superType;
    private final Kind kind;
    private final List<JfrField> fields = new ArrayList<>();
    private String label;
    private int integerFields = -2;

    JfrType(long id, String name, String superType) {
        this.id = id;
        this.name = name;
        this.superType = superType;
        this.kind = kindOf(name);
    }

    private static Kind kindOf(String name) {
        return switch (name) {
            case "boolean" -> Kind.BOOLEAN;
            case "byte" -> Kind.BYTE;
            case "char" -> Kind.CHAR;
            case "short" -> Kind.SHORT;
            case "int" -> Kind.INT;
            case "long" -> Kind.LONG;
            case "float" -> Kind.FLOAT;
            case "double" -> Kind.DOUBLE;
            case "java.lang.String" -> Kind.STRING;
            default -> Kind.STRUCT;
        };
    }

    /** The type's id in its chunk. */
    public long id() {
        return id;
    }

    /** The type's name ({@code jdk.ExecutionSample}, {@code java.lang.Thread}, {@code long}). */
    public String name() {
        return name;
    }

    /** The type's label, or its name when it has none. */
    public String label() {
        return label == null ? name : label;
    }

    void label(String text) {
        label = text;
    }

    /** True for event types (super type {@code jdk.jfr.Event}). */
    public boolean isEvent() {
        return "jdk.jfr.Event".equals(superType);
    }

    /** How values of this type are encoded. */
    public Kind kind() {
        return kind;
    }

    /** The fields in encoding order. */
    public List<JfrField> fields() {
        return fields;
    }

    void addField(JfrField field) {
        fields.add(field);
    }

    /**
     * For a composite whose fields are all single integers or constant-pool references (a stack
     * frame: method, line, bytecode index, type), the number of fields; else -1. Asked only once
     * the chunk's metadata is complete.
     */
    int integerFields() {
        if (integerFields == -2) {
            boolean integers = kind == Kind.STRUCT && !fields.isEmpty();
            for (JfrField field : fields) {
                Kind k = field.type().kind();
                integers &= !field.array() && (field.constantPool()
                        || k == Kind.CHAR || k == Kind.SHORT || k == Kind.INT || k == Kind.LONG);
            }
            integerFields = integers ? fields.size() : -1;
        }
        return integerFields;
    }

    /** The index of a field by name, or -1. */
    public int fieldIndex(String fieldName) {
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).name().equals(fieldName)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public String toString() {
        return name;
    }
}
