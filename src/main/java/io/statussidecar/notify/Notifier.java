package io.statussidecar.notify;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.quarkus.scheduler.Scheduled;
import io.statussidecar.config.EffectiveSettings;
import io.statussidecar.config.SidecarConfig;
import io.statussidecar.health.HealthEvaluator;
import io.vertx.core.Vertx;

/**
 * Tells a person when Logstash goes bad and when it recovers (SPEC §15). Its own scheduled task reads
 * the health verdict every second (hold and repeat are counted in seconds, whatever the poll interval),
 * never a request's thread and never the collector's poll; {@link NotifyPolicy} decides, {@link Delivery}
 * sends without ever blocking this task.
 */
@ApplicationScoped
public class Notifier {

    private static final Logger LOG = Logger.getLogger(Notifier.class);

    private final HealthEvaluator health;
    private final Optional<NotifySettings> settings;
    private final Optional<NotifyPolicy> policy;
    private final Optional<Delivery> delivery;

    @Inject
    Notifier(SidecarConfig config, HealthEvaluator health, Vertx vertx) {
        this.health = health;
        this.settings = NotifySettings.of(config);
        this.policy = settings.map(s -> new NotifyPolicy(s.minSeverity(), s.hold(), s.repeat()));
        // Tries are stamped with the wall clock: they happen in the receiver's time, whatever clock the rules read.
        this.delivery = settings.map(s -> new Delivery(vertx, s, Clock.systemUTC()));
    }

    void started(@Observes StartupEvent start) {
        settings.ifPresentOrElse(s -> LOG.infof(
                "Notifications: %s as %s, from %s, after a change holds %s, again every %s while not healthy", s,
                s.instance(), s.minSeverity().json(), EffectiveSettings.human(s.hold()),
                s.repeat().isZero() ? "never" : EffectiveSettings.human(s.repeat())),
                () -> LOG.debug("Notifications are off: SIDECAR_NOTIFY_URL is not set"));
    }

    void stopped(@Observes ShutdownEvent stop) {
        delivery.ifPresent(Delivery::close);
    }

    @Scheduled(identity = "notify", every = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        check();
    }

    /** Reads the verdict now and hands on what it calls for. Never throws, never waits on the receiver. */
    public synchronized void check() {
        if (policy.isEmpty()) {
            return;
        }
        try {
            policy.get().observe(health.verdict(), health.store().clock().instant()).ifPresent(delivery.get()::submit);
        } catch (RuntimeException e) {
            // A bug here must not stop the next second's check.
            LOG.errorf(e, "Could not evaluate the notifications");
        }
    }

    /**
     * For the dashboard's line (SPEC §15): where notifications go, the last one sent and the last try that
     * failed, each null when there was none.
     */
    @RegisterForReflection
    public record Summary(String format, String target, Attempt lastSent, Attempt lastFailure) {
    }

    public Optional<Summary> summary() {
        return settings.map(s -> new Summary(s.format().json(), s.target(), delivery.get().lastSent(), delivery.get().lastFailure()));
    }

    public Optional<NotifySettings> settings() {
        return settings;
    }

    /** Newest first, at most {@link Delivery#KEPT}. */
    public List<Attempt> attempts() {
        return delivery.map(Delivery::attempts).orElse(List.of());
    }

    /** One reading of the three counts, so that an answer never mixes two moments. */
    Delivery.Counts counts() {
        return delivery.map(Delivery::counts).orElse(new Delivery.Counts(0, 0, 0));
    }

    public long sent() {
        return counts().sent();
    }

    public long failed() {
        return counts().failed();
    }

    public long dropped() {
        return counts().dropped();
    }
}
