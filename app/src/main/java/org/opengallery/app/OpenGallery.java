package org.opengallery.app;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code opengallery} command: every tool of the project behind one entry point. */
@Command(name = "opengallery",
        mixinStandardHelpOptions = true,
        versionProvider = OpenGallery.Version.class,
        description = "OpenGallery: a software marketplace that speaks Huawei Cloud KooGallery's wire protocol.",
        subcommands = {DemoCommand.class, CommandLine.HelpCommand.class})
public final class OpenGallery implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line and returns its exit code; tests call this instead of {@link #main}. */
    public static int execute(String... args) {
        return commandLine().execute(args);
    }

    static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new OpenGallery());
        // Bad input exits 2 with a one-line reason, as the tool contract asks.
        cli.setExitCodeExceptionMapper(e -> 2);
        return cli;
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = OpenGallery.class.getPackage().getImplementationVersion();
            return new String[] {"opengallery " + (v == null ? "development build" : v)};
        }
    }
}
