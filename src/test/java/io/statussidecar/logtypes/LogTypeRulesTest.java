package io.statussidecar.logtypes;

import io.statussidecar.StartupCheck;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;


class LogTypeRulesTest {

    private final LogTypeRules builtIn = LogTypeRules.builtIn();

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(nullValues = "-", value = { "microseg, microseg", "mitm, mitm", "suricata, suricata", "fqdn, fqdn",
            "cmd, cmd", "cmd-v1, cmd", "cmd-v2, cmd", "vpn-session, vpn_session", "vpn_session, vpn_session",
            "gw_net_stats, gw_net_stats", "gw-net-stats, gw_net_stats", "gw_sys_stats, gw_sys_stats",
            "gw-sys-stats, gw_sys_stats", "tunnel_status, tunnel_status", "tunnel-status, tunnel_status",
            "microseg-2, -", "syslog-parse, -", "MITM, -" })
    void entryIdsMapToTheirTypeExactly(String id, String type) {
        assertEquals(Optional.ofNullable(type), builtIn.entryType(id));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(nullValues = "-", value = { "splunk-microseg, microseg", "splunk_gw_net_stats, gw_net_stats",
            "splunk-gw-net-stats, gw_net_stats", "sentinel-vpn-session, vpn_session", "splunk-cmd, cmd",
            "splunk-cmdb, -", "elastic-all, -", "kafka-TUNNEL-STATUS, tunnel_status", "mitm, mitm" })
    void outputsForwardTheTypeTheirIdNamesAsWholeWords(String id, String type) {
        assertEquals(Optional.ofNullable(type), builtIn.outputType(id));
    }

    @Test
    void profilesForwardTheirTypes() {
        assertEquals(9, LogProfile.of("all", builtIn).forwards().size());
        assertEquals(List.of("microseg", "mitm", "suricata", "fqdn", "cmd", "vpn_session"),
                LogProfile.of("security", builtIn).forwards());
        assertEquals(List.of("gw_net_stats", "gw_sys_stats", "tunnel_status"), LogProfile.of("networking", builtIn).forwards());
        LogProfile bogus = LogProfile.of("Security", builtIn);
        assertFalse(bogus.valid());
        assertTrue(bogus.forwards().isEmpty(), "an unknown profile forwards nothing");
    }

    @Test
    void anOverrideReplacesTheBuiltInRules() {
        LogTypeRules rules = LogTypeRules.parse("microseg=ms-v1, ms-v2; firewall=fw ;");

        assertEquals(List.of("microseg", "firewall"), rules.types().stream().map(LogType::name).toList());
        assertEquals(Optional.of("microseg"), rules.entryType("ms-v2"));
        assertEquals(Optional.empty(), rules.entryType("mitm"));
        assertEquals("security", rules.types().get(0).profile(), "a built-in name keeps its profile");
        assertEquals(List.of("microseg", "firewall"), LogProfile.of("all", rules).forwards());
        assertEquals(List.of("microseg"), LogProfile.of("security", rules).forwards());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            microseg                  | has no '='
            =ms                       | bad type name ''
            micro seg=ms              | bad type name 'micro seg'
            microseg=                 | bad plugin id ''
            microseg=a,,b             | bad plugin id ''
            microseg=a;microseg=b     | appears twice
            microseg=a;mitm=a         | given to two types
            other=x                   | is reserved
            ' ; '                     | no type given
            """)
    void aBadOverrideIsRefusedAtStartUpSayingWhy(String spec, String why) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LogTypeRules.parse(spec));
        assertTrue(e.getMessage().contains(why), e.getMessage());
        String line = StartupCheck.problems(java.util.Map.of("SIDECAR_LOG_TYPES", spec)).get(0);
        assertTrue(line.startsWith("Invalid SIDECAR_LOG_TYPES=") && line.contains("type=id1,id2;type2=id3"), line);
    }

    @Test
    void breakdownSumsEntryPluginsAndForwardingOutputs() {
        LogTypes types = new LogTypes(builtIn, "networking");
        List<LogTypeStats> stats = types.breakdown(List.of(
                new LogTypes.PluginCount("cmd-v1", "filter", 4L),
                new LogTypes.PluginCount("cmd-v2", "filter", 6L),
                new LogTypes.PluginCount("splunk-cmd", "output", 0L),
                new LogTypes.PluginCount("gw-net-stats", "filter", 30L),
                new LogTypes.PluginCount("splunk-gw-net-stats", "output", 30L),
                new LogTypes.PluginCount("mutate-common", "filter", 999L),
                new LogTypes.PluginCount("microseg", "filter", null)));

        LogTypeStats cmd = stats.stream().filter(s -> s.type().equals("cmd")).findFirst().orElseThrow();
        assertEquals(10L, cmd.events());
        assertEquals(0L, cmd.forwarded());
        assertFalse(cmd.inProfile());
        assertEquals(List.of("cmd-v1", "cmd-v2", "splunk-cmd"), cmd.plugins());
        LogTypeStats net = stats.stream().filter(s -> s.type().equals("gw_net_stats")).findFirst().orElseThrow();
        assertEquals(30L, net.events());
        assertTrue(net.inProfile());
        LogTypeStats microseg = stats.stream().filter(s -> s.type().equals("microseg")).findFirst().orElseThrow();
        assertEquals(null, microseg.events(), "a plugin without counters adds nothing, not zero");
        assertEquals("other", types.typeOf("mutate-common", "filter"));
        assertEquals("other", types.typeOf("microseg", "codec"));
    }
}
