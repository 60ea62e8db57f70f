package io.statussidecar.health;

import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;
import org.eclipse.microprofile.health.Startup;

import io.statussidecar.store.CollectorStatus;

/**
 * The SmallRye Health probes. Liveness is the sidecar's own: a Logstash outage must never get the
 * sidecar restarted, only a collector that stopped finishing polls. Readiness follows Logstash's
 * health. Started turns UP once the first poll was attempted.
 */
public class Probes {

    @Liveness
    @ApplicationScoped
    public static class CollectorAlive implements HealthCheck {

        private final HealthEvaluator evaluator;

        @Inject
        CollectorAlive(HealthEvaluator evaluator) {
            this.evaluator = evaluator;
        }

        @Override
        public HealthCheckResponse call() {
            CollectorStatus status = evaluator.store().state().collector();
            boolean stuck = status.stuck(evaluator.store().clock().instant(), evaluator.thresholds().collectorStuckAfter());
            HealthCheckResponseBuilder b = HealthCheckResponse.named("collector").status(!stuck)
                    .withData("attempts", status.attempts());
            if (status.lastFinishedAt() != null) {
                b.withData("lastPollFinishedAt", status.lastFinishedAt().toString());
            }
            return b.build();
        }
    }

    @Readiness
    @ApplicationScoped
    public static class LogstashReady implements HealthCheck {

        private final HealthEvaluator evaluator;

        @Inject
        LogstashReady(HealthEvaluator evaluator) {
            this.evaluator = evaluator;
        }

        @Override
        public HealthCheckResponse call() {
            Verdict v = evaluator.verdict();
            HealthCheckResponseBuilder b = HealthCheckResponse.named("logstash").status(v.status() != Status.UNHEALTHY)
                    .withData("status", v.status().json());
            if (!v.reasons().isEmpty()) {
                b.withData("reasons", v.reasons().stream().map(Reason::code).collect(Collectors.joining(",")));
            }
            return b.build();
        }
    }

    @Startup
    @ApplicationScoped
    public static class FirstPoll implements HealthCheck {

        private final HealthEvaluator evaluator;

        @Inject
        FirstPoll(HealthEvaluator evaluator) {
            this.evaluator = evaluator;
        }

        @Override
        public HealthCheckResponse call() {
            return HealthCheckResponse.named("first-poll").status(evaluator.store().state().collector().attempted()).build();
        }
    }
}
