package dev.vitals.app.cli;

import dev.vitals.attach.JvmDescriptor;
import dev.vitals.attach.LocalJvms;
import dev.vitals.model.export.Json;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code vitals list [--json]}: the JVMs on this machine as discovery finds them, with whether
 * Vitals can attach and, if not, why. This Vitals itself is listed and marked.
 */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = {"List the JVMs on this machine and whether Vitals can attach.",
                "Shows pid, name, JDK, access (stream, record_only or none, with the",
                "reason), uptime and user."})
final class ListCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "Print a JSON array of objects instead of a table.")
    boolean json;

    @Override
    public Integer call() {
        List<JvmDescriptor> jvms = LocalJvms.list();
        PrintWriter out = spec.commandLine().getOut();
        out.print(json ? json(jvms) : table(jvms));
        out.flush();
        return 0;
    }

    static String table(List<JvmDescriptor> jvms) {
        StringBuilder out = new StringBuilder(String.format("%8s  %-36s  %-10s  %-11s  %9s  %-10s  %s%n",
                "PID", "NAME", "JDK", "ACCESS", "UPTIME", "USER", "REASON"));
        for (JvmDescriptor jvm : jvms) {
            String name = jvm.self() ? jvm.name() + " (this Vitals)" : jvm.name();
            out.append(String.format("%8d  %-36s  %-10s  %-11s  %9s  %-10s  %s%n", jvm.pid(), name,
                    jvm.jdkVersion().isEmpty() ? "?" : jvm.jdkVersion(), jvm.access().name().toLowerCase(Locale.ROOT),
                    uptime(jvm.uptime()), jvm.user(), jvm.reason()));
        }
        return out.toString();
    }

    static String json(List<JvmDescriptor> jvms) {
        StringBuilder out = new StringBuilder("[");
        for (JvmDescriptor jvm : jvms) {
            out.append(out.length() > 1 ? ",\n  " : "\n  ")
                    .append("{\"pid\": ").append(jvm.pid())
                    .append(", \"name\": ").append(Json.quote(jvm.name()))
                    .append(", \"arguments\": ").append(jsonArray(jvm.arguments()))
                    .append(", \"jvmArguments\": ").append(jsonArray(jvm.jvmArguments()))
                    .append(", \"jdkVendor\": ").append(Json.quote(jvm.jdkVendor()))
                    .append(", \"jdkVersion\": ").append(Json.quote(jvm.jdkVersion()))
                    .append(", \"jdkFeature\": ").append(jvm.jdkFeature())
                    .append(", \"startEpochMillis\": ").append(jvm.startEpochMillis())
                    .append(", \"uptimeMillis\": ").append(jvm.uptimeMillis())
                    .append(", \"user\": ").append(Json.quote(jvm.user()))
                    .append(", \"access\": ").append(Json.quote(jvm.access().name().toLowerCase(Locale.ROOT)))
                    .append(", \"attachable\": ").append(jvm.attachable())
                    .append(", \"reason\": ").append(Json.quote(jvm.reason()))
                    .append(", \"self\": ").append(jvm.self()).append('}');
        }
        return out.append(jvms.isEmpty() ? "]\n" : "\n]\n").toString();
    }

    private static String uptime(Duration uptime) {
        long seconds = uptime.toSeconds();
        if (seconds < 60) {
            return seconds + "s";
        }
        if (seconds < 3600) {
            return seconds / 60 + "m" + seconds % 60 + "s";
        }
        return seconds / 3600 + "h" + seconds / 60 % 60 + "m";
    }

    private static String jsonArray(List<String> items) {
        return items.stream().map(Json::quote).collect(Collectors.joining(", ", "[", "]"));
    }
}
