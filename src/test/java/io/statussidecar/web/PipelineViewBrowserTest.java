package io.statussidecar.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.statussidecar.simulator.LogstashSimulator;
import io.statussidecar.support.Fixtures;
import io.statussidecar.support.Polls;
import io.statussidecar.support.SimulatorResource;

/**
 * The pipeline view of SPEC §8 in a real headless Chromium: each pipeline drawn from the graph the
 * collector read, with live figures on its boxes, on the simulator's branching pipelines and on the
 * captured 8.5 graph; hostile text shown as text; a 500-vertex graph drawn within a second; the phone
 * width scrolling inside the graph's box only. Screenshots go to {@code target/screenshots/}.
 */
@QuarkusTest
@Tag("browser")
@WithTestResource(SimulatorResource.class)
class PipelineViewBrowserTest extends DashboardPage {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String HOSTILE = "<img src=x onerror=\"window.__pwned='img'\"><script>window.__pwned='script'</script>";

    LogstashSimulator simulator;

    @Inject
    Polls polls;

    @BeforeEach
    void healthyLogstash() {
        simulator.recover();
        simulator.clearPatches();
        simulator.resumeModel();
        polls.freshStart();
        browser.viewport(1280, 1800, false);
        browser.colorScheme("light");
        browser.classicScrollbars(); // as a desktop browser draws them: they take width from the graph's box
    }

    @AfterEach
    void noScriptErrors() {
        List<String> errors = browser.console().stream().filter(m -> m.startsWith("SEVERE")).toList();
        assertEquals(List.of(), errors, "console errors");
        assertEquals(List.of(), browser.script("return window.__csp"), "CSP violations");
        simulator.clearPatches();
        simulator.resumeModel();
    }

    private WebElement graph(String pipeline) {
        By view = By.cssSelector(".graph[data-pipeline-id='" + pipeline + "'] svg");
        browser.await(PATIENCE, d -> !d.findElements(view).isEmpty());
        return browser.driver().findElement(view);
    }

    private List<String> texts(String pipeline, String css) {
        return browser.driver().findElements(By.cssSelector(".graph[data-pipeline-id='" + pipeline + "'] " + css)).stream()
                .map(e -> e.getAttribute("textContent")).toList();
    }

    private WebElement box(String pipeline, String vertexId) {
        return browser.driver().findElement(By.cssSelector(".graph[data-pipeline-id='" + pipeline + "'] [data-vertex-id='" + vertexId + "']"));
    }

    /**
     * The simulator's main pipeline (an if/else-if chain per log type for filters and for outputs, a
     * hash-named filter) sending to the archive pipeline, whose output is slow: every vertex a box,
     * every edge an arrow, conditions and branches labelled, the bottlenecks marked, the link to the
     * archive followed by a click, the details of a box, and the figures changing at the next refresh
     * while the boxes stay where they are.
     */
    @Test
    void drawsBranchesLinkedPipelinesAndTheBottleneckWithLiveFigures() {
        simulator.anonymousFilter(true);
        simulator.archiveSlow(true);
        polls.poll(3);
        open();
        graph("main");
        graph("archive");
        var api = io.restassured.RestAssured.given().get("/api/pipelines/graph").then().statusCode(200).extract().jsonPath();
        int vertices = api.getList("pipelines.find { it.pipeline == 'main' }.vertices").size();
        assertEquals(vertices, browser.driver().findElements(By.cssSelector(".graph[data-pipeline-id='main'] .node")).size(),
                "a box per vertex");
        assertTrue(browser.driver().findElements(By.cssSelector(".graph[data-pipeline-id='main'] path.edge")).size() >= 40, "arrows");
        assertTrue(texts("main", ".box-condition").contains("[log_type] == \"microseg\""), texts("main", ".box-condition").toString());
        assertTrue(texts("main", ".edge-label").containsAll(List.of("true", "false")));
        String anonymous = "8f3a5c0e9d2b47a1c6e5f4b3a2918d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f1e";
        assertEquals("main.conf:42", box("main", anonymous).findElement(By.cssSelector(".box-id")).getAttribute("textContent"));
        assertEquals("grok · filter", box("main", "microseg").findElement(By.cssSelector(".box-title")).getAttribute("textContent"));

        browser.await(PATIENCE, d -> box("main", "to-archive").getAttribute("class").contains("bottleneck"));
        assertTrue(box("archive", "es-archive").getAttribute("class").contains("bottleneck"));
        assertEquals("→ pipeline archive", box("main", "to-archive").findElement(By.cssSelector(".box-link")).getAttribute("textContent"));
        assertEquals("← pipeline main", box("archive", "from-main").findElement(By.cssSelector(".box-link")).getAttribute("textContent"));
        String figures = box("main", "to-archive").findElement(By.cssSelector(".box-figures")).getAttribute("textContent");
        assertTrue(figures.matches("(–|[0-9.,]+) ev/s · 9 ms/ev"), figures); // a rate needs two polls the page has seen

        box("main", "to-archive").findElement(By.cssSelector(".box-link")).click();
        browser.await(PATIENCE, d -> box("archive", "from-main").getAttribute("class").contains("selected"));
        String details = browser.driver().findElement(By.cssSelector(".graph[data-pipeline-id='archive'] .graph-details")).getText();
        assertTrue(details.contains("Listens on\narchive-events") && details.contains("Defined at\n/usr/share/logstash/pipeline/archive.conf:2:3"),
                details);

        box("main", "microseg").click();
        String shown = browser.driver().findElement(By.cssSelector(".graph[data-pipeline-id='main'] .graph-details")).getText();
        assertTrue(shown.contains("Plugin\ngrok (filter)") && shown.contains("Id\nmicroseg") && shown.contains("Worker ms per event\n0.25"),
                shown);

        // The next refresh: the same SVG, the same box positions, new figures.
        browser.script("arguments[0].__kept = true", graph("main"));
        String at = box("main", "microseg").findElement(By.tagName("rect")).getAttribute("x");
        String before = box("main", "syslog-udp").findElement(By.cssSelector(".box-figures")).getAttribute("textContent");
        polls.poll(1);
        browser.await(PATIENCE, d -> !box("main", "syslog-udp").findElement(By.cssSelector(".box-figures")).getAttribute("textContent")
                .equals(before));
        assertEquals(Boolean.TRUE, browser.script("return arguments[0].__kept === true", graph("main")), "not redrawn");
        assertEquals(at, box("main", "microseg").findElement(By.tagName("rect")).getAttribute("x"));
        assertTrue(box("main", "microseg").getAttribute("class").contains("selected"), "the selection survives a refresh");
        String rate = box("main", "to-archive").findElement(By.cssSelector(".box-figures")).getAttribute("textContent");
        assertTrue(rate.matches("[0-9.,]+ ev/s · 9 ms/ev"), rate);
        browser.screenshot("pipeline-view-desktop");

        // The same page on a phone: the graph keeps its layout and scrolls in its box, the page does not.
        browser.viewport(375, 800, true);
        open();
        WebElement phone = graph("main");
        long pageWidth = (Long) browser.script("return document.documentElement.scrollWidth");
        assertTrue(pageWidth <= 375, "the page scrolls sideways: " + pageWidth);
        assertTrue((Boolean) browser.script("var s = arguments[0].parentNode; return s.scrollWidth > s.clientWidth && s.clientWidth <= 375", phone),
                "the graph scrolls sideways inside its own box");
        browser.script("arguments[0].scrollIntoView()", phone);
        browser.screenshot("pipeline-view-phone");
    }

    /**
     * The captured 8.5.0 graph (an input, the persisted queue, a filter and an output, all with ids
     * Logstash generated), served beside stats made for its plugin ids: the generated ids are shown as
     * file:line, the queue as a box of its own.
     */
    @Test
    void drawsTheCaptured85Graph() throws IOException {
        Path graphFile = Fixtures.DIR.resolve("integrations/8.5.0/node_pipelines_graph.json");
        var captured = JSON.readTree(graphFile.toFile()).path("pipelines").path("pipeline-with-persisted-queue");
        Path stats = statsFor("pipeline-with-persisted-queue", captured.path("hash").asText() + "-85", captured.path("graph").path("graph"));
        simulator.replay(Map.of("/_node/stats", stats, "/_node/pipelines", withHash(graphFile, "pipeline-with-persisted-queue", "-85")));
        polls.poll(3);
        open();
        graph("pipeline-with-persisted-queue");
        assertEquals(4, browser.driver().findElements(By.cssSelector(".graph[data-pipeline-id='pipeline-with-persisted-queue'] .node")).size());
        assertEquals(List.of("persisted-queue.conf:2", "persisted-queue.conf:8", "persisted-queue.conf:15"),
                texts("pipeline-with-persisted-queue", ".box-id"));
        assertEquals(List.of("java_generator · input", "queue", "sleep · filter", "elasticsearch · output"),
                texts("pipeline-with-persisted-queue", ".box-title"));
        assertEquals(3, browser.driver().findElements(By.cssSelector(".graph[data-pipeline-id='pipeline-with-persisted-queue'] path.edge")).size());
    }

    /** Ids, condition text and file names holding markup are drawn as that text, and nothing runs. */
    @Test
    void hostileTextIsDrawnAsTextAndRunsNothing() throws IOException {
        ObjectNode graph = JSON.createObjectNode();
        ArrayNode vertices = graph.putArray("vertices");
        ArrayNode edges = graph.putArray("edges");
        vertices.addObject().put("id", HOSTILE).put("type", "plugin").put("config_name", "</text><script>x</script>")
                .put("plugin_type", "input").put("explicit_id", true)
                .putObject("meta").putObject("source").put("id", "/etc/<b>bold</b>.conf").put("line", 1).put("column", 1);
        vertices.addObject().put("id", "cond").put("type", "if").put("condition", "[a] == \"" + HOSTILE + "\"");
        vertices.addObject().put("id", "out").put("type", "plugin").put("config_name", "stdout").put("plugin_type", "output");
        edges.addObject().put("from", HOSTILE).put("to", "cond").put("type", "plain");
        edges.addObject().put("from", "cond").put("to", "out").put("type", "boolean").put("when", true);
        simulator.replay(Map.of("/_node/stats", statsFor("evil", "evil-hash", graph), "/_node/pipelines", graphsFile("evil", "evil-hash", graph)));
        polls.poll(3);
        open();
        graph("evil");
        WebElement evil = (WebElement) browser.script("return Array.from(document.querySelectorAll(\".graph[data-pipeline-id='evil'] .node\"))"
                + ".find(n => n.getAttribute('data-vertex-id') === arguments[0])", HOSTILE);
        assertEquals(HOSTILE, evil.findElement(By.tagName("title")).getAttribute("textContent"));
        assertTrue(HOSTILE.startsWith(evil.findElement(By.cssSelector(".box-id")).getAttribute("textContent").replace("…", "")));
        evil.click();
        String details = browser.driver().findElement(By.cssSelector(".graph[data-pipeline-id='evil'] .graph-details")).getText();
        assertTrue(details.contains(HOSTILE) && details.contains("/etc/<b>bold</b>.conf:1:1"), details);
        box("evil", "cond").click();
        assertTrue(browser.driver().findElement(By.cssSelector(".graph[data-pipeline-id='evil'] .graph-details")).getText()
                .contains("[a] == \"" + HOSTILE + "\""));
        assertTrue(browser.driver().findElements(By.cssSelector(".graph img, .graph script, .graph b")).isEmpty(), "no markup made");
        assertNull(browser.script("return window.__pwned === undefined ? null : window.__pwned"), "nothing ran");
    }

    /**
     * 500 vertices (a chain of if/else pairs, as a long configuration makes): laid out and drawn within a
     * second (the view's own measure, from the graph's arrival to its SVG), every box there, and usable:
     * a click shows a box's details. At 375 px the graph scrolls inside its box and the page does not
     * scroll sideways.
     */
    @Test
    void aGraphOf500VerticesIsDrawnWithinASecondAndScrollsInsideItsBoxOnAPhone() throws IOException {
        ObjectNode graph = JSON.createObjectNode();
        ArrayNode vertices = graph.putArray("vertices");
        ArrayNode edges = graph.putArray("edges");
        plugin(vertices, "in", "input");
        vertices.addObject().put("id", "__QUEUE__").put("type", "queue");
        edge(edges, "in", "__QUEUE__", null);
        String last = "__QUEUE__";
        for (int k = 0; vertices.size() + 4 <= 498; k++) {
            String cond = "if-" + k;
            vertices.addObject().put("id", cond).put("type", "if").put("condition", "[n] == " + k);
            edge(edges, last, cond, null);
            plugin(vertices, "a-" + k, "filter");
            plugin(vertices, "b-" + k, "filter");
            edge(edges, cond, "a-" + k, true);
            edge(edges, cond, "b-" + k, false);
            String join = "j-" + k;
            plugin(vertices, join, "filter");
            edge(edges, "a-" + k, join, null);
            edge(edges, "b-" + k, join, null);
            last = join;
        }
        while (vertices.size() < 500) {
            String out = "out-" + vertices.size();
            plugin(vertices, out, "output");
            edge(edges, last, out, null);
        }
        assertEquals(500, vertices.size());
        simulator.replay(Map.of("/_node/stats", statsFor("long", "long-hash", graph), "/_node/pipelines", graphsFile("long", "long-hash", graph)));
        polls.poll(3);
        browser.viewport(375, 800, true);
        open();
        WebElement svg = graph("long");
        assertEquals(500, browser.driver().findElements(By.cssSelector(".graph[data-pipeline-id='long'] .node")).size());
        long drawnIn = Long.parseLong(browser.driver().findElement(By.cssSelector(".graph[data-pipeline-id='long']")).getAttribute("data-drawn-in-ms"));
        assertTrue(drawnIn < 1000, "drawn in " + drawnIn + " ms");
        box("long", "a-7").click();
        assertTrue(browser.driver().findElement(By.cssSelector(".graph[data-pipeline-id='long'] .graph-details")).getText().contains("Id\na-7"));
        long pageWidth = (Long) browser.script("return document.documentElement.scrollWidth");
        assertTrue(pageWidth <= 375, "the page scrolls sideways: " + pageWidth);
        Map<?, ?> box = (Map<?, ?>) browser.script("var s = arguments[0].parentNode; return {sw: s.scrollWidth, cw: s.clientWidth, sh: s.scrollHeight, ch: s.clientHeight}", svg);
        assertTrue(((Long) box.get("sh")) > ((Long) box.get("ch")), "the graph scrolls in its box: " + box);
        assertTrue(((Long) box.get("cw")) <= 375, "its box fits the phone: " + box);
        browser.screenshot("pipeline-view-phone-500");
        System.out.println("PipelineViewBrowserTest: 500 vertices drawn in " + drawnIn + " ms");
    }

    private static void plugin(ArrayNode vertices, String id, String type) {
        vertices.addObject().put("id", id).put("type", "plugin").put("config_name", type.equals("filter") ? "mutate" : "stdout")
                .put("plugin_type", type).put("explicit_id", true);
    }

    private static void edge(ArrayNode edges, String from, String to, Boolean when) {
        ObjectNode e = edges.addObject().put("from", from).put("to", to).put("type", when == null ? "plain" : "boolean");
        if (when != null) {
            e.put("when", when);
        }
    }

    /** A /_node/pipelines?graph=true answer holding one pipeline's graph. */
    private static Path graphsFile(String pipeline, String hash, ObjectNode graph) throws IOException {
        ObjectNode root = JSON.createObjectNode().put("id", "x").put("version", "8.15.2");
        ObjectNode p = root.putObject("pipelines").putObject(pipeline).put("hash", hash);
        p.putObject("graph").put("hash", hash).put("type", "lir").set("graph", graph);
        Path file = Files.createTempFile("graph-", ".json");
        JSON.writeValue(file.toFile(), root);
        return file;
    }

    /** The captured graph answer with each pipeline's hash made this test's own, so the collector reads it. */
    private static Path withHash(Path capture, String pipeline, String suffix) throws IOException {
        ObjectNode root = (ObjectNode) JSON.readTree(capture.toFile());
        ObjectNode p = (ObjectNode) root.path("pipelines").path(pipeline);
        p.put("hash", p.path("hash").asText() + suffix);
        Path file = Files.createTempFile("graph-", ".json");
        JSON.writeValue(file.toFile(), root);
        return file;
    }

    /** /_node/stats with one pipeline whose plugins are the graph's plugin vertices, each with counters and flows. */
    private static Path statsFor(String pipeline, String hash, com.fasterxml.jackson.databind.JsonNode graph) throws IOException {
        ObjectNode root = JSON.createObjectNode().put("id", "x").put("name", "graph-test").put("version", "8.15.2").put("status", "green")
                .put("ephemeral_id", "graph-" + pipeline);
        root.putObject("events").put("in", 1000).put("out", 1000);
        ObjectNode p = root.putObject("pipelines").putObject(pipeline).put("hash", hash).put("ephemeral_id", "p-" + pipeline);
        p.putObject("events").put("in", 1000).put("filtered", 1000).put("out", 1000).put("duration_in_millis", 500);
        p.putObject("flow").putObject("worker_utilization").put("current", 20.0).put("lifetime", 20.0);
        ObjectNode plugins = p.putObject("plugins");
        ArrayNode inputs = plugins.putArray("inputs");
        ArrayNode filters = plugins.putArray("filters");
        ArrayNode outputs = plugins.putArray("outputs");
        plugins.putArray("codecs");
        for (var v : graph.path("vertices")) {
            if (!"plugin".equals(v.path("type").asText())) {
                continue;
            }
            String type = v.path("plugin_type").asText();
            ArrayNode list = type.equals("input") ? inputs : type.equals("output") ? outputs : filters;
            ObjectNode pl = list.addObject().put("id", v.path("id").asText()).put("name", v.path("config_name").asText());
            pl.putObject("events").put("in", 1000).put("out", 1000).put("duration_in_millis", 250);
            pl.putObject("flow").putObject("worker_millis_per_event").put("current", 0.25).put("lifetime", 0.25);
        }
        Path file = Files.createTempFile("stats-", ".json");
        JSON.writeValue(file.toFile(), root);
        return file;
    }
}
