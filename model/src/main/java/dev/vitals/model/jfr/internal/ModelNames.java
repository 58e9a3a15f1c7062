package dev.vitals.model.jfr.internal;

import dev.vitals.model.FrameType;
import dev.vitals.model.MethodInfo;
import dev.vitals.model.ThreadInfo;

/**
 * How JFR's threads and methods become the model's rows, one rule for the file reader and live
 * streams: a thread is named by its Java name, else its OS name, else its id; a method's package
 * is its class's, for Java frames; a missing class or name is empty, never an error.
 */
public final class ModelNames {
    /** The method name of a frame whose method the recording does not hold. */
    public static final String UNKNOWN_METHOD = "<unknown method>";

    private ModelNames() {
    }

    /** A thread's row; any of the strings may be {@code null}. */
    public static ThreadInfo thread(String javaName, String osName, long javaId, long osId, boolean virtual) {
        String name = javaName;
        if (name == null || name.isEmpty()) {
            name = osName;
        }
        if (name == null || name.isEmpty()) {
            name = "thread-" + (javaId > 0 ? javaId : osId);
        }
        return new ThreadInfo(Math.max(javaId, 0), osId, name, virtual);
    }

    /** A method's row; the class name in JFR's internal form ({@code a/b/C}) or dotted, or {@code null}. */
    public static MethodInfo method(String className, String name, String descriptor, int modifiers, boolean hidden,
                                    FrameType type) {
        String dotted = className == null ? "" : className.replace('/', '.');
        String packageName = "";
        int dot = dotted.lastIndexOf('.');
        if (type.isJava() && dot > 0) {
            packageName = dotted.substring(0, dot);
        }
        return new MethodInfo(dotted, name == null ? UNKNOWN_METHOD : name, descriptor == null ? "" : descriptor,
                modifiers, hidden, packageName);
    }
}
