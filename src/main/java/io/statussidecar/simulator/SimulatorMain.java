package io.statussidecar.simulator;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the simulator as its own process, for benchmarks and manual trials:
 * {@code java -cp "target/classes:target/quarkus-app/lib/main/*" io.statussidecar.simulator.SimulatorMain
 * [port] [fixtures-dir] [profile] [log-file]}. Prints its base URL on the first line of standard output.
 * With a log file it also writes Logstash's log there (an entry or none every 2 s, rolled at 1 MiB).
 */
public final class SimulatorMain {

    private SimulatorMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 0;
        Path fixtures = Path.of(args.length > 1 ? args[1] : "src/test/resources/fixtures/logstash");
        String profile = args.length > 2 ? args[2] : "all";
        LogstashSimulator simulator = LogstashSimulator.aviatrix(fixtures, profile).start(port);
        if (args.length > 3) {
            simulator.writingLog(Path.of(args[3]), 1024 * 1024, 2000);
        }
        System.out.println(simulator.baseUrl());
        System.out.flush();
        Runtime.getRuntime().addShutdownHook(new Thread(simulator::close));
        new CountDownLatch(1).await();
    }
}
