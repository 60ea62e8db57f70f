package io.statussidecar;

import java.util.List;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import io.statussidecar.config.ConfigCheck;
import io.statussidecar.health.HealthcheckCommand;

/**
 * Checks the environment before Quarkus reads it, so that a bad variable stops start-up with one
 * readable line per problem and exit code 2, rather than a converter's stack trace. With the argument
 * {@code healthcheck} it only probes a running sidecar (for container HEALTHCHECKs) and exits.
 */
@QuarkusMain
public class SidecarMain {

    public static void main(String... args) {
        if (args.length > 0 && args[0].equals("healthcheck")) {
            System.exit(HealthcheckCommand.run(System.getenv()));
        }
        List<String> problems = ConfigCheck.problems(System.getenv());
        if (!problems.isEmpty()) {
            problems.forEach(System.err::println);
            System.err.flush();
            System.exit(2);
        }
        Quarkus.run(args);
    }
}
