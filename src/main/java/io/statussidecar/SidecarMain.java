package io.statussidecar;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;
import io.smallrye.config.ConfigValidationException;
import io.statussidecar.health.HealthcheckCommand;

/**
 * Starts the sidecar, and makes a start-up failure readable: a bad setting (found by
 * {@link io.statussidecar.StartupCheck} in any configuration source) prints one line per problem,
 * naming the variable, and exits with code 2, instead of a stack trace. With the argument
 * {@code healthcheck} it only probes a running sidecar (for container HEALTHCHECKs) and exits.
 */
@QuarkusMain
public class SidecarMain implements QuarkusApplication {

    public static void main(String... args) {
        if (args.length > 0 && args[0].equals("healthcheck")) {
            System.exit(HealthcheckCommand.run(System.getenv()));
        }
        Quarkus.run(SidecarMain.class, SidecarMain::exit, args);
    }

    @Override
    public int run(String... args) {
        Quarkus.waitForExit();
        return 0;
    }

    private static void exit(int code, Throwable failure) {
        if (failure == null) {
            System.exit(code);
        }
        ConfigValidationException invalid = find(failure, ConfigValidationException.class);
        if (invalid != null) {
            for (int i = 0; i < invalid.getProblemCount(); i++) {
                System.err.println(invalid.getProblem(i).getMessage());
            }
            System.err.flush();
            System.exit(2);
        }
        // Anything else is not the operator's setting: keep the whole story for whoever fixes it.
        System.err.println("The sidecar could not start: " + rootMessage(failure));
        failure.printStackTrace();
        System.err.flush();
        System.exit(code == 0 ? 1 : code);
    }

    private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
