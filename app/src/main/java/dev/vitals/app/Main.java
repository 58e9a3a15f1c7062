package dev.vitals.app;

import dev.vitals.app.cli.VitalsCommand;

/** Entry point of {@code ./vitals} and of the installed {@code vitals} command. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(VitalsCommand.execute(args));
    }
}
