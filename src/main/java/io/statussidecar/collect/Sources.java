package io.statussidecar.collect;

import java.util.HashMap;
import java.util.Map;

import io.statussidecar.logstash.PipelineGraphs;
import io.statussidecar.store.PluginSource;

/** Each pipeline's plugins, by id, with where they are defined, from the pipelines' graphs. Pure. */
public final class Sources {

    private Sources() {
    }

    public static Map<String, Map<String, PluginSource>> of(PipelineGraphs graphs) {
        Map<String, Map<String, PluginSource>> out = new HashMap<>();
        if (graphs == null || graphs.pipelines() == null) {
            return out;
        }
        graphs.pipelines().forEach((pipeline, p) -> {
            if (p == null || p.graph() == null || p.graph().graph() == null || p.graph().graph().vertices() == null) {
                return;
            }
            Map<String, PluginSource> plugins = new HashMap<>();
            for (PipelineGraphs.Vertex v : p.graph().graph().vertices()) {
                if (v == null || v.id() == null || !"plugin".equals(v.type())) {
                    continue; // the queue, if-conditions and separators are no plugins
                }
                PipelineGraphs.Source s = v.meta() == null ? null : v.meta().source();
                plugins.put(v.id(), new PluginSource(s == null ? null : s.id(), s == null ? null : s.line(),
                        s == null ? null : s.column(), v.configName()));
            }
            out.put(pipeline, Map.copyOf(plugins));
        });
        return out;
    }
}
