package io.statussidecar.api;

import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.common.annotation.NonBlocking;
import io.statussidecar.store.MetricsStore;
import io.statussidecar.store.PipelineGraph;

/**
 * The pipelines' graphs for the dashboard's pipeline view (SPEC §8), answered from the store's copy:
 * never a call to Logstash. An endpoint of its own rather than part of {@code /api/stats}: a graph
 * changes only when a pipeline's configuration does, and one of a few hundred vertices weighs more than
 * all the rest of the stats, which the page reads every poll. Its ETag is the pipelines' configuration
 * hashes, so the page asks with {@code If-None-Match} and mostly gets an empty 304.
 */
@Path("/api/pipelines/graph")
public class GraphResource {

    private final MetricsStore store;
    /** The ETag of the graphs last answered: the same map (a graph is read again only on a change) is not hashed again. */
    private volatile Tagged tagged = new Tagged(Map.of(), etag(Map.of()));

    private record Tagged(Map<String, PipelineGraph> graphs, String etag) {
    }

    @Inject
    GraphResource(MetricsStore store) {
        this.store = store;
    }

    /** Returned inside a {@link Response}, so the native image needs it registered for Jackson. */
    @RegisterForReflection
    public record GraphsView(List<PipelineGraph> pipelines) {
    }

    @GET
    @NonBlocking
    @Produces(MediaType.APPLICATION_JSON)
    public Response graphs(@HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        Map<String, PipelineGraph> graphs = store.state().graphs();
        Tagged t = tagged;
        if (t.graphs() != graphs) {
            t = new Tagged(graphs, etag(graphs));
            tagged = t;
        }
        String etag = t.etag();
        if (etag.equals(ifNoneMatch)) {
            return Response.notModified().header(HttpHeaders.ETAG, etag).header(HttpHeaders.CACHE_CONTROL, "no-cache").build();
        }
        List<PipelineGraph> sorted = graphs.values().stream().sorted(Comparator.comparing(PipelineGraph::pipeline)).toList();
        return Response.ok(new GraphsView(sorted)).header(HttpHeaders.ETAG, etag).header(HttpHeaders.CACHE_CONTROL, "no-cache")
                .build();
    }

    // The same pipelines with the same hashes are the same graphs: Logstash's hash is of the configuration.
    static String etag(Map<String, PipelineGraph> graphs) {
        StringBuilder key = new StringBuilder();
        graphs.values().stream().sorted(Comparator.comparing(PipelineGraph::pipeline))
                .forEach(g -> key.append(g.pipeline()).append('\u0000').append(g.hash()).append('\u0000')
                        .append(g.vertices().size()).append('\u0000').append(g.edges().size()).append('\n'));
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(key.toString().getBytes(StandardCharsets.UTF_8));
            return "\"" + HexFormat.of().formatHex(digest, 0, 12) + "\"";
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
