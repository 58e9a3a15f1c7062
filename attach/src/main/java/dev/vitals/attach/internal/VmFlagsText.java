package dev.vitals.attach.internal;

import dev.vitals.attach.VmFlag;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the output of {@code VM.flags -all}: one flag a line, with its kinds and origin in braces. */
public final class VmFlagsText {
    /** {@code     bool AlwaysPreTouch       = false       {product} {default}} ({@code :=} when not default). */
    private static final Pattern LINE = Pattern.compile(
            "^\\s*(\\S+)\\s+(\\S+)\\s+:?=\\s?(.*?)\\s*\\{([^}]*)}\\s*\\{([^}]*)}\\s*$");

    private VmFlagsText() {
    }

    public static List<VmFlag> parse(String text) {
        List<VmFlag> flags = new ArrayList<>();
        for (String line : text.split("\\R")) {
            Matcher m = LINE.matcher(line);
            if (m.matches()) {
                flags.add(new VmFlag(m.group(2), m.group(1), m.group(3).strip(), m.group(5).strip(), m.group(4).strip()));
            }
        }
        return flags;
    }
}
