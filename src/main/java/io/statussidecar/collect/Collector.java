package io.statussidecar.collect;

import java.time.Instant;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;
import io.statussidecar.logstash.LogstashClient;
import io.statussidecar.logstash.LogstashUnavailable;
import io.statussidecar.logstash.NodeInfo;
import io.statussidecar.logstash.NodeStats;
import io.statussidecar.store.MetricsStore;
import io.statussidecar.store.Poll;
import io.statussidecar.store.Snapshot;

/**
 * Polls Logstash and records the result in the store: the store's only writer. Runs never overlap
 * (SKIP): a slow Logstash delays the next poll, it never stacks them. {@code /_node} is read at the
 * first poll and again whenever Logstash's {@code ephemeral_id} changes (a restart).
 */
@ApplicationScoped
public class Collector {

    private static final Logger LOG = Logger.getLogger(Collector.class);

    private final LogstashClient client;
    private final MetricsStore store;
    private NodeInfo nodeInfo;
    private boolean wasFailing;

    @Inject
    Collector(LogstashClient client, MetricsStore store) {
        this.client = client;
        this.store = store;
    }

    @Scheduled(identity = "logstash-poll", every = "${sidecar.poll-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled(ScheduledExecution execution) {
        // The fire time, not the finish time, keeps poll steps evenly spaced whatever Logstash's latency.
        pollOnce(execution.getScheduledFireTime());
    }

    /** One poll, recorded in the store. Never throws. */
    public synchronized Poll pollOnce(Instant at) {
        long started = System.nanoTime();
        Poll poll;
        try {
            NodeStats stats = client.nodeStats();
            refreshNodeInfo(stats);
            Snapshot snapshot = SnapshotMapper.map(stats, nodeInfo, at);
            Snapshot previous = store.latest().orElse(null);
            poll = Poll.success(at, elapsedMillis(started), snapshot, Deltas.sample(previous, snapshot));
            if (wasFailing) {
                LOG.infof("Logstash at %s answers again", client.target());
            }
            wasFailing = false;
        } catch (LogstashUnavailable e) {
            poll = Poll.failure(at, elapsedMillis(started), e.getMessage());
            if (!wasFailing) {
                LOG.warnf("Polling Logstash failed: %s", e.getMessage());
            }
            wasFailing = true;
        } catch (RuntimeException e) {
            // A bug of ours must not stop the collector; the poll counts as failed and says why.
            LOG.error("Unexpected error while polling Logstash", e);
            poll = Poll.failure(at, elapsedMillis(started), "internal error while reading Logstash's answer: " + e);
            wasFailing = true;
        }
        store.record(poll);
        return poll;
    }

    private void refreshNodeInfo(NodeStats stats) {
        boolean restarted = nodeInfo != null && stats.ephemeralId() != null
                && !Objects.equals(stats.ephemeralId(), nodeInfo.ephemeralId());
        if (nodeInfo != null && !restarted) {
            return;
        }
        try {
            nodeInfo = client.node();
        } catch (LogstashUnavailable e) {
            // Stats are still worth recording; workers and batch size stay unknown until the next try.
            LOG.debugf("Reading /_node failed: %s", e.getMessage());
            nodeInfo = null;
        }
    }

    private long elapsedMillis(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }
}
