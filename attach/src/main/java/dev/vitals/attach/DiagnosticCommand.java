package dev.vitals.attach;

import java.util.List;
import java.util.Optional;

/**
 * A diagnostic command ({@code jcmd}) a JVM offers through its DiagnosticCommand MBean.
 *
 * @param name        the command as {@code jcmd} names it ({@code GC.class_histogram})
 * @param operation   the MBean operation that runs it ({@code gcClassHistogram})
 * @param description one line of what it does
 * @param impact      the JVM's own word on its cost ({@code Low}, {@code High: depends on heap size…})
 * @param arguments   its arguments and options
 * @param effect      what it changes in the JVM or on disk, in one sentence, when it changes anything
 */
public record DiagnosticCommand(String name, String operation, String description, String impact,
                                List<Argument> arguments, Optional<String> effect) {
    public DiagnosticCommand {
        arguments = List.copyOf(arguments);
    }

    /**
     * One argument or option of a command.
     *
     * @param name         its name, with the leading {@code -} of an option ({@code -all})
     * @param description  what it means
     * @param type         its type ({@code BOOLEAN}, {@code STRING}, {@code NANOTIME}, {@code MEMORY SIZE}…)
     * @param mandatory    whether the command needs it
     * @param option       an option ({@code -all}, {@code name=value}) rather than a positional argument
     * @param defaultValue its default, empty when none
     */
    public record Argument(String name, String description, String type, boolean mandatory, boolean option,
                           String defaultValue) {
    }

    /** Whether it changes the JVM (collects garbage, sets a flag, writes a file…) and should be confirmed first. */
    public boolean changesJvm() {
        return effect.isPresent();
    }

    /** The help text: description, impact, effect and arguments, as {@code jcmd PID help NAME} shows. */
    public String help() {
        StringBuilder out = new StringBuilder(name).append('\n').append(description).append("\n\nImpact: ").append(impact)
                .append('\n');
        effect.ifPresent(e -> out.append("Changes the JVM: ").append(e).append('\n'));
        if (!arguments.isEmpty()) {
            out.append("\nSyntax: ").append(name);
            arguments.forEach(a -> out.append(a.mandatory() ? " " : " [").append(a.name()).append(a.mandatory() ? "" : "]"));
            out.append("\n\nArguments:\n");
            for (Argument a : arguments) {
                out.append("  ").append(a.name()).append(" : ")
                        .append(a.mandatory() ? "" : "[optional] ").append(a.description()).append(" (")
                        .append(a.type()).append(a.defaultValue().isEmpty() ? "" : ", " + a.defaultValue()).append(")\n");
            }
        }
        return out.toString();
    }
}
