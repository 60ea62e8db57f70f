package io.statussidecar.logtypes;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.statussidecar.simulator.LogstashSimulator;
import io.statussidecar.support.Polls;
import io.statussidecar.support.SimulatorResource;

/**
 * The log-type breakdown of /api/stats and /api/history against the Aviatrix-style simulator matches
 * its plugin counters exactly. Subclasses run the same checks with LOG_PROFILE=security and networking.
 */
@QuarkusTest
@WithTestResource(SimulatorResource.class)
public class LogTypesApiTest {

    /** Type → entry filter ids and forwarding output of the simulated pipeline, written out independently. */
    static final Map<String, List<String>> PIPELINE = new LinkedHashMap<>();
    static {
        PIPELINE.put("microseg", List.of("microseg", "splunk-microseg"));
        PIPELINE.put("mitm", List.of("mitm", "splunk-mitm"));
        PIPELINE.put("suricata", List.of("suricata", "splunk-suricata"));
        PIPELINE.put("fqdn", List.of("fqdn", "splunk-fqdn"));
        PIPELINE.put("cmd", List.of("cmd-v1", "cmd-v2", "splunk-cmd"));
        PIPELINE.put("vpn_session", List.of("vpn-session", "splunk-vpn-session"));
        PIPELINE.put("gw_net_stats", List.of("gw_net_stats", "splunk-gw-net-stats"));
        PIPELINE.put("gw_sys_stats", List.of("gw-sys-stats", "splunk-gw-sys-stats"));
        PIPELINE.put("tunnel_status", List.of("tunnel_status", "splunk-tunnel-status"));
    }
    static final List<String> SECURITY = List.of("microseg", "mitm", "suricata", "fqdn", "cmd", "vpn_session");

    LogstashSimulator simulator;

    @Inject
    Polls polls;

    @BeforeEach
    void fresh() {
        simulator.recover();
        simulator.clearPatches();
        simulator.restart();
        polls.freshStart();
    }

    protected String profile() {
        return "all";
    }

    @Test
    void breakdownMatchesThePluginCountersExactly() {
        simulator.profile(profile());
        polls.poll(4);
        Map<String, long[]> counters = simulator.pluginCounters();

        JsonPath stats = given().get("/api/stats").then().statusCode(200).extract().jsonPath();

        assertEquals(profile(), stats.getString("logProfile.value"));
        assertEquals(true, stats.getBoolean("logProfile.valid"));
        assertEquals(List.copyOf(PIPELINE.keySet()), stats.getList("logTypes.type"));
        for (String type : PIPELINE.keySet()) {
            List<String> ids = PIPELINE.get(type);
            long events = ids.subList(0, ids.size() - 1).stream().mapToLong(id -> counters.get(id)[1]).sum();
            long forwarded = counters.get(ids.get(ids.size() - 1))[1];
            String at = "logTypes.find { it.type == '" + type + "' }.";
            assertEquals(events, stats.getLong(at + "events"), type + " events");
            assertEquals(forwarded, stats.getLong(at + "forwarded"), type + " forwarded");
            assertEquals(forwards(type), stats.getBoolean(at + "inProfile"), type + " inProfile");
            assertEquals(forwards(type) ? events : 0, forwarded, type + ": the simulated outputs forward as the profile says");
            assertEquals(ids, stats.getList(at + "plugins"));
            for (String id : ids) {
                assertEquals(type, stats.getString("pipelines[0].plugins.find { it.id == '" + id + "' }.logType"), id);
            }
        }
        assertEquals("other", stats.getString("pipelines[0].plugins.find { it.id == 'syslog-udp' }.logType"));
        assertEquals("other", stats.getString("pipelines[0].plugins.find { it.id == 'mutate-common' }.logType"));
    }

    @Test
    void historyHasEachTypesEventsPerPoll() {
        simulator.profile(profile());
        polls.poll();
        long before = simulator.pluginCounters().get("cmd-v1")[1] + simulator.pluginCounters().get("cmd-v2")[1];
        polls.poll();
        long after = simulator.pluginCounters().get("cmd-v1")[1] + simulator.pluginCounters().get("cmd-v2")[1];

        JsonPath h = given().get("/api/history?range=5m").then().statusCode(200).extract().jsonPath();

        assertEquals(List.copyOf(PIPELINE.keySet()), List.copyOf(h.getMap("logTypes").keySet()));
        List<Number> cmd = h.getList("logTypes.cmd");
        assertEquals(h.getList("timestamps").size(), cmd.size());
        assertEquals(after - before, cmd.get(cmd.size() - 1).longValue());
    }

    private boolean forwards(String type) {
        return switch (profile()) {
            case "security" -> SECURITY.contains(type);
            case "networking" -> !SECURITY.contains(type);
            default -> true;
        };
    }
}
