package dev.vitals.attach.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A {@code java} launcher command line split into JVM options, the main (class, jar or module)
 * and the application arguments.
 *
 * @param jvmOptions options before the main
 * @param main       main class name, the jar's file name, or the module's main class; "" if none
 * @param arguments  application arguments
 */
public record JavaCommandLine(List<String> jvmOptions, String main, List<String> arguments) {

    /** Launcher options whose value is the next argument. */
    private static final Set<String> WITH_VALUE = Set.of(
            "-cp", "-classpath", "--class-path", "-p", "--module-path", "--upgrade-module-path",
            "--add-modules", "--add-reads", "--add-exports", "--add-opens", "--limit-modules",
            "--patch-module", "--enable-native-access", "--source", "--describe-module", "-d");

    /** Parses a full argv whose first element is the launcher. */
    public static JavaCommandLine parse(List<String> argv) {
        List<String> options = new ArrayList<>();
        int i = 1;
        while (i < argv.size()) {
            String arg = argv.get(i);
            if (arg.equals("-jar") && i + 1 < argv.size()) {
                String jar = argv.get(i + 1);
                Path file = Path.of(jar).getFileName();
                return new JavaCommandLine(options, file == null ? jar : file.toString(), tail(argv, i + 2));
            }
            if ((arg.equals("-m") || arg.equals("--module")) && i + 1 < argv.size()) {
                return new JavaCommandLine(options, moduleMain(argv.get(i + 1)), tail(argv, i + 2));
            }
            if (arg.startsWith("--module=")) {
                return new JavaCommandLine(options, moduleMain(arg.substring("--module=".length())), tail(argv, i + 1));
            }
            if (!arg.startsWith("-")) {
                return new JavaCommandLine(options, arg, tail(argv, i + 1));
            }
            options.add(arg);
            if (WITH_VALUE.contains(arg) && i + 1 < argv.size()) {
                options.add(argv.get(i + 1));
                i++;
            }
            i++;
        }
        return new JavaCommandLine(options, "", List.of());
    }

    /** Whether the last {@code DisableAttachMechanism} flag among the options turns it on. */
    public boolean attachDisabled() {
        boolean disabled = false;
        for (String option : jvmOptions) {
            if (option.equals("-XX:+DisableAttachMechanism")) {
                disabled = true;
            } else if (option.equals("-XX:-DisableAttachMechanism")) {
                disabled = false;
            }
        }
        return disabled;
    }

    private static String moduleMain(String value) {
        int slash = value.indexOf('/');
        return slash < 0 ? value : value.substring(slash + 1);
    }

    private static List<String> tail(List<String> argv, int from) {
        return from >= argv.size() ? List.of() : List.copyOf(argv.subList(from, argv.size()));
    }
}
