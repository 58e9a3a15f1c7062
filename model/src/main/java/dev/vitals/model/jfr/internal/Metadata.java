package dev.vitals.model.jfr.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A chunk's type descriptions, read from its metadata record: a string table, then a tree of
 * elements (name, attributes, children) whose {@code class} elements describe each type with its
 * {@code field}s and {@code annotation}s. Types the reader has never heard of are read like any
 * other: their fields say how to decode or skip them.
 */
public final class Metadata {
    private static final int MAX_DEPTH = 64;

    private final Map<Long, JfrType> types;

    private Metadata(Map<Long, JfrType> types) {
        this.types = types;
    }

    /** A type by id, or {@code null}. */
    public JfrType type(long id) {
        return types.get(id);
    }

    /** All types. */
    public Iterable<JfrType> types() {
        return types.values();
    }

    /** Reads the metadata record at the input's position. */
    public static Metadata read(ChunkInput in) {
        in.readInt(); // size
        if (in.readLong() != 0) {
            throw new CorruptDataException("no metadata record at the metadata offset");
        }
        in.readLong(); // start
        in.readLong(); // duration
        in.readLong(); // metadata id
        int count = in.readLength();
        String[] strings = new String[count];
        for (int i = 0; i < count; i++) {
            strings[i] = in.readString(null);
        }
        Element root = Element.read(in, strings, 0);
        Map<Long, JfrType> types = new HashMap<>();
        List<Element> classes = new ArrayList<>();
        for (Element section : root.children) {
            if (section.name.equals("metadata")) {
                for (Element c : section.children) {
                    if (c.name.equals("class")) {
                        classes.add(c);
                        long id = Long.parseLong(c.attribute("id"));
                        types.put(id, new JfrType(id, c.attribute("name"), c.attribute("superType")));
                    }
                }
            }
        }
        for (Element c : classes) {
            JfrType type = types.get(Long.parseLong(c.attribute("id")));
            for (Element child : c.children) {
                if (child.name.equals("field")) {
                    JfrType fieldType = types.get(Long.parseLong(child.attribute("class")));
                    if (fieldType == null) {
                        throw new CorruptDataException("field " + type.name() + "." + child.attribute("name")
                                + " has a type the metadata does not describe");
                    }
                    type.addField(new JfrField(child.attribute("name"), fieldType,
                            "true".equals(child.attribute("constantPool")), "1".equals(child.attribute("dimension")),
                            ticks(child, types)));
                } else if (child.name.equals("annotation") && annotation(child, types).endsWith(".Label")) {
                    type.label(child.attribute("value"));
                }
            }
        }
        return new Metadata(types);
    }

    private static JfrField.Ticks ticks(Element field, Map<Long, JfrType> types) {
        for (Element a : field.children) {
            if (a.name.equals("annotation") && "TICKS".equals(a.attribute("value"))) {
                String name = annotation(a, types);
                if (name.endsWith(".Timestamp")) {
                    return JfrField.Ticks.TIMESTAMP;
                }
                if (name.endsWith(".Timespan")) {
                    return JfrField.Ticks.TIMESPAN;
                }
            }
        }
        return JfrField.Ticks.NONE;
    }

    private static String annotation(Element annotation, Map<Long, JfrType> types) {
        String id = annotation.attribute("class");
        JfrType type = id == null ? null : types.get(Long.parseLong(id));
        return type == null ? "" : type.name();
    }

    /** A node of the metadata tree. */
    private record Element(String name, Map<String, String> attributes, List<Element> children) {
        static Element read(ChunkInput in, String[] strings, int depth) {
            if (depth > MAX_DEPTH) {
                throw new CorruptDataException("metadata nested too deeply");
            }
            String name = string(in, strings);
            int attributeCount = in.readLength();
            Map<String, String> attributes = new HashMap<>();
            for (int i = 0; i < attributeCount; i++) {
                attributes.put(string(in, strings), string(in, strings));
            }
            int childCount = in.readLength();
            List<Element> children = new ArrayList<>(childCount);
            for (int i = 0; i < childCount; i++) {
                children.add(read(in, strings, depth + 1));
            }
            return new Element(name, attributes, children);
        }

        private static String string(ChunkInput in, String[] strings) {
            int index = in.readInt();
            if (index < 0 || index >= strings.length || strings[index] == null) {
                throw new CorruptDataException("metadata string " + index + " does not exist");
            }
            return strings[index];
        }

        String attribute(String key) {
            String value = attributes.get(key);
            if (value == null && (key.equals("id") || key.equals("name") || key.equals("class"))) {
                throw new CorruptDataException("metadata element " + name + " lacks its " + key);
            }
            return value;
        }
    }
}
