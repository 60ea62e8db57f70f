package io.statussidecar.collect;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;
import io.statussidecar.logstash.HealthReport;
import io.statussidecar.logstash.LogstashClient;
import io.statussidecar.logstash.LogstashUnavailable;
import io.statussidecar.logstash.NodeInfo;
import io.statussidecar.logstash.NodeStats;
import io.statussidecar.diagnosis.Bottlenecks;
import io.statussidecar.logtypes.LogTypes;
import io.statussidecar.store.LogstashHealth;
import io.statussidecar.store.MetricsStore;
import io.statussidecar.store.PipelineGraph;
import io.statussidecar.store.PluginSource;
import io.statussidecar.store.Poll;
import io.statussidecar.store.Snapshot;
import io.statussidecar.store.State;

/**
 * Polls Logstash and records the result in the store (the log follower adds only plugin restarts). Runs never overlap
 * (SKIP): a slow Logstash delays the next poll, it never stacks them. {@code /_node} is read at the
 * first poll and whenever Logstash's {@code ephemeral_id} changes (a restart); {@code /_health_report}
 * every {@link #HEALTH_REPORT_EVERY}, because Logstash documents it as expensive, and not at all once it
 * answered 404 (before 8.16) until Logstash restarts.
 */
@ApplicationScoped
public class Collector {

    static final Duration HEALTH_REPORT_EVERY = Duration.ofSeconds(30);
    private static final Logger LOG = Logger.getLogger(Collector.class);

    private final LogstashClient client;
    private final MetricsStore store;
    private final LogTypes logTypes;
    private NodeInfo nodeInfo;
    /** The pipelines' hashes when {@link #nodeInfo} was read. */
    private Map<String, String> infoHashes = Map.of();
    private boolean healthReportMissing;
    private Instant healthReportAt;
    private LogstashHealth logstashHealth;
    private boolean wasFailing;

    @Inject
    Collector(LogstashClient client, MetricsStore store, LogTypes logTypes) {
        this.client = client;
        this.store = store;
        this.logTypes = logTypes;
    }

    @Scheduled(identity = "logstash-poll", every = "${sidecar.poll-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled(ScheduledExecution execution) {
        // The fire time, not the finish time, keeps poll steps evenly spaced whatever Logstash's latency.
        pollOnce(execution.getScheduledFireTime());
    }

    /** One poll, recorded in the store. Never throws. */
    public synchronized Poll pollOnce(Instant at) {
        Poll poll;
        try {
            NodeStats stats = client.nodeStats();
            State before = store.state();
            Snapshot previous = before.latest();
            // The first successful poll meets this Logstash process for the first time, as a restart does.
            boolean newProcess = previous == null || Deltas.restarted(previous, stats.ephemeralId());
            Map<String, String> hashes = hashes(stats);
            // A reload can add a pipeline or change its workers: /_node says so (stats only from 8.18).
            if (newProcess || nodeInfo == null || !hashes.equals(infoHashes)) {
                nodeInfo = readNodeInfo();
                infoHashes = nodeInfo == null ? Map.of() : hashes;
            }
            refreshHealthReport(at, newProcess);
            refreshSources(hashes, at);
            Snapshot mapped = SnapshotMapper.map(stats, nodeInfo, at, logTypes).withSources(sources);
            Snapshot snapshot = mapped.withBottlenecks(Bottlenecks.of(previous, mapped));
            poll = Poll.success(at, snapshot, Deltas.sample(previous, snapshot),
                    TrendTracker.next(before.trends(), previous, snapshot, at), logstashHealth, graphs);
            if (wasFailing) {
                LOG.infof("Logstash at %s answers again", client.target());
            }
            wasFailing = false;
        } catch (LogstashUnavailable e) {
            poll = Poll.failure(at, e.detail(), e.getMessage());
            if (!wasFailing) {
                LOG.warnf("Polling Logstash failed: %s", e.getMessage());
            }
            wasFailing = true;
        } catch (RuntimeException e) {
            // A bug of ours must not stop the collector; the poll counts as failed and says why.
            LOG.error("Unexpected error while polling Logstash", e);
            String why = "internal error while reading Logstash's answer: " + e.getClass().getSimpleName();
            poll = Poll.failure(at, why, why);
            wasFailing = true;
        }
        store.record(poll);
        return poll;
    }

    /** A graph that could not be read is asked for again after this, not at every poll. */
    static final Duration GRAPH_RETRY = Duration.ofMinutes(5);

    private Map<String, String> graphHashes = Map.of();
    private Map<String, Map<String, PluginSource>> sources = Map.of();
    private Map<String, PipelineGraph> graphs = Map.of();
    private Instant graphFailedAt;

    /**
     * SPEC §13: where each plugin is defined, from the pipelines' graphs, read again only when a
     * pipeline's configuration hash changes (a reload, a restart, a pipeline added). Logstash before
     * 7 has no hash in its stats, and no graph.
     */
    private void refreshSources(Map<String, String> hashes, Instant at) {
        if (hashes.isEmpty() || hashes.equals(graphHashes)
                || (graphFailedAt != null && Duration.between(graphFailedAt, at).compareTo(GRAPH_RETRY) < 0)) {
            return;
        }
        try {
            graphs = Map.copyOf(Sources.graphs(client.pipelineGraphs()));
            sources = Sources.of(graphs);
            graphHashes = Map.copyOf(hashes);
            graphFailedAt = null;
        } catch (LogstashUnavailable e) {
            LOG.debugf("Reading the pipeline graphs failed: %s", e.getMessage());
            graphFailedAt = at;
        }
    }

    /** Each pipeline's configuration hash (Logstash 7+), by pipeline id. */
    private static Map<String, String> hashes(NodeStats stats) {
        Map<String, String> hashes = new java.util.HashMap<>();
        if (stats.pipelines() != null) {
            stats.pipelines().forEach((id, p) -> {
                if (p != null && p.hash() != null) {
                    hashes.put(id, p.hash());
                }
            });
        }
        return hashes;
    }

    private NodeInfo readNodeInfo() {
        try {
            return client.node();
        } catch (LogstashUnavailable e) {
            // Stats are still worth recording; workers and batch size stay unknown until the next try.
            LOG.debugf("Reading /_node failed: %s", e.getMessage());
            return null;
        }
    }

    private void refreshHealthReport(Instant at, boolean newProcess) {
        if (newProcess) {
            healthReportMissing = false;
            logstashHealth = null;
            healthReportAt = null;
        }
        if (healthReportMissing || healthReportAt != null && at.isBefore(healthReportAt.plus(HEALTH_REPORT_EVERY))) {
            return;
        }
        healthReportAt = at;
        try {
            Optional<HealthReport> report = client.healthReport();
            healthReportMissing = report.isEmpty();
            logstashHealth = SnapshotMapper.health(report.orElse(null));
        } catch (LogstashUnavailable e) {
            // An old report would describe a past state; without one the rules fall back to stats.
            LOG.debugf("Reading /_health_report failed: %s", e.getMessage());
            logstashHealth = null;
        }
    }
}
