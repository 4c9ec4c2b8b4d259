package org.opengallery.app;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** The main job: a marketplace and a reference seller on an embedded database, driven end to end. */
@Command(name = "demo",
        mixinStandardHelpOptions = true,
        description = {
            "Start the marketplace and the reference seller on an embedded database and run a purchase end to end.",
            "Not built yet: the marketplace-core and seller-kit issues make it real."})
final class DemoCommand implements Callable<Integer> {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("opengallery demo: not built yet - the marketplace and the reference seller do not exist;"
                + " only the protocol tools work today (see ./opengallery --help).");
        return 3;
    }
}
