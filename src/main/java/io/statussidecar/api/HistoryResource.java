package io.statussidecar.api;

import io.statussidecar.http.Requests;
import io.statussidecar.http.ApiException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;


import io.smallrye.common.annotation.NonBlocking;
import io.statussidecar.logtypes.LogType;
import io.statussidecar.logtypes.LogTypes;
import io.statussidecar.store.History;
import io.statussidecar.store.HistoryRange;
import io.statussidecar.store.MetricsStore;
import io.statussidecar.store.Series;

/** Per-interval deltas and gauges over a range, from the store's rings. */
@Path("/api/history")
public class HistoryResource {

    private final MetricsStore store;
    private final LogTypes logTypes;

    @Inject
    HistoryResource(MetricsStore store, LogTypes logTypes) {
        this.store = store;
        this.logTypes = logTypes;
    }

    @GET
    @NonBlocking
    @Produces(MediaType.APPLICATION_JSON)
    public HistoryView history(@Context UriInfo uri) {
        String label = Requests.single(uri, "range").orElse(HistoryRange.H1.label());
        HistoryRange r = HistoryRange.parse(label).orElseThrow(() -> ApiException.badRequest("invalid_range",
                "range must be one of " + String.join(", ", HistoryRange.labels()) + "; got \"" + Requests.echo(label) + "\""));
        return view(r);
    }

    public HistoryView view(HistoryRange r) {
        History.Read read = store.history().read(r, store.clock().millis());
        double[][] values = read.window().values();
        Map<String, List<Double>> series = new LinkedHashMap<>();
        for (Series s : Series.values()) {
            series.put(s.key(), column(values[s.ordinal()]));
        }
        Map<String, List<Double>> types = new LinkedHashMap<>();
        List<LogType> rules = logTypes.rules().types();
        for (int i = 0; i < rules.size(); i++) {
            types.put(rules.get(i).name(), column(values[Series.values().length + i]));
        }
        return new HistoryView(r.label(), read.stepSeconds(), read.window().timestamps(), series, types);
    }

    private static List<Double> column(double[] values) {
        List<Double> out = new ArrayList<>(values.length);
        for (double v : values) {
            out.add(Double.isNaN(v) ? null : v);
        }
        return out;
    }
}
