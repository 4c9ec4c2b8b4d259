package org.opengallery.app;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code opengallery} command: every tool of the project behind one entry point. */
@Command(name = "opengallery",
        mixinStandardHelpOptions = true,
        versionProvider = OpenGallery.Version.class,
        description = "OpenGallery: a software marketplace that speaks Huawei Cloud KooGallery's wire protocol.",
        subcommands = {
            DemoCommand.class,
            SignCommand.class,
            VerifyCommand.class,
            EncryptCommand.class,
            DecryptCommand.class,
            BenchCommand.class,
            BenchTargetCommand.class,
            CheckCommand.class,
            SellerDemoCommand.class,
            ServeCommand.class,
            CommandLine.HelpCommand.class})
public final class OpenGallery implements Runnable {

    /** Exit code for bad input: a one-line reason goes to stderr. */
    static final int BAD_INPUT = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine(new PrintWriter(System.out, true), new PrintWriter(System.err, true)).execute(args));
    }

    /** The command line writing to the given streams; tests run it without touching System.out. */
    static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new OpenGallery());
        cli.setOut(out);
        cli.setErr(err);
        cli.setParameterExceptionHandler(OpenGallery::badUsage);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            // Bad input found while running (an unreadable file, a malformed value): one line, exit 2.
            commandLine.getErr().println(qualifiedName(commandLine) + ": " + oneLine(e));
            commandLine.getErr().flush();
            return BAD_INPUT;
        });
        return cli;
    }

    private static int badUsage(CommandLine.ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        cmd.getErr().println(qualifiedName(cmd) + ": " + oneLine(e) + " (see --help)");
        cmd.getErr().flush();
        return BAD_INPUT;
    }

    static String qualifiedName(CommandLine cmd) {
        return cmd.getCommandSpec().qualifiedName();
    }

    static String oneLine(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.replaceAll("\\s*[\\r\\n]+\\s*", " ").trim();
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = OpenGallery.class.getPackage().getImplementationVersion();
            return new String[] {"opengallery " + (v == null ? "development build" : v)};
        }
    }
}
