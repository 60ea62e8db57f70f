package io.statussidecar.support;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.statussidecar.simulator.LogstashSimulator;

/**
 * Starts an Aviatrix-style Logstash simulator on a free port for a {@code @QuarkusTest} and points the
 * sidecar at it; tests get the simulator injected into a {@code LogstashSimulator} field.
 */
public class SimulatorResource implements QuarkusTestResourceLifecycleManager {

    protected LogstashSimulator simulator;
    private String profile = "all";

    /** {@code profile}: what the simulated outputs forward (default {@code all}). */
    @Override
    public void init(Map<String, String> initArgs) {
        profile = initArgs.getOrDefault("profile", "all");
    }

    @Override
    public Map<String, String> start() {
        simulator = LogstashSimulator.aviatrix(Fixtures.DIR, profile).start(0);
        return Map.of("logstash.api-url", simulator.baseUrl());
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(simulator, new TestInjector.MatchesType(LogstashSimulator.class));
    }

    @Override
    public void stop() {
        if (simulator != null) {
            simulator.close();
        }
    }
}
