package io.statussidecar.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.statussidecar.simulator.Fault;
import io.statussidecar.simulator.LogstashSimulator;
import io.statussidecar.support.Polls;
import io.statussidecar.support.SimulatorResource;

/**
 * SPEC §8 in a real headless Chromium against the running sidecar and the simulator: what an operator
 * sees, that nothing Logstash says can run in the page, that the page talks to no other host, that it
 * follows Logstash without a reload, and that it holds on a phone and in both themes. Screenshots go to
 * {@code target/screenshots/}.
 */
@QuarkusTest
@Tag("browser")
@WithTestResource(SimulatorResource.class)
class DashboardBrowserTest extends DashboardPage {

    /** A plugin id as hostile as a Logstash configuration can make it. */
    static final String HOSTILE_ID = "<img src=x onerror=\"window.__pwned='img'\"><script>window.__pwned='script'</script>";
    LogstashSimulator simulator;

    @Inject
    Polls polls;

    @BeforeEach
    void healthyLogstash() {
        simulator.recover();
        simulator.clearPatches();
        polls.freshStart();
        polls.poll(12);
        browser.viewport(1280, 1800, false);
        browser.colorScheme("light");
        browser.driver().get(page.toString());
        browser.script("localStorage.clear()"); // the range chosen by an earlier test
        browser.requests();
    }

    @AfterEach
    void noScriptErrors() {
        List<String> errors = browser.console().stream().filter(m -> m.startsWith("SEVERE")).toList();
        // A 503 of /api/health while Logstash is down is the page asking, not failing.
        assertEquals(List.of(), errors.stream().filter(m -> !m.contains("503")).toList(), "console errors");
        assertEquals(List.of(), browser.script("return window.__csp"), "CSP violations");
        simulator.recover();
        simulator.clearPatches();
    }

    @Test
    void showsHealthNodeLogTypesPipelinesAndCharts() {
        open();
        assertEquals("Healthy", text("status"));
        assertTrue(browser.driver().findElement(By.id("stale")).getAttribute("hidden") != null, "not stale");
        assertEquals("8.15.2 · green", text("node-version"));
        assertEquals("1", text("node-pipelines"));

        List<WebElement> types = browser.driver().findElements(By.cssSelector("#logtypes tbody tr"));
        assertEquals(9, types.size(), "one row per log type");
        assertEquals("microseg", types.get(0).findElement(By.tagName("td")).getText());
        assertTrue(types.get(0).getText().contains("forwarded"));

        List<WebElement> plugins = browser.driver().findElements(By.cssSelector("#pipelines tr[data-plugin-id]"));
        assertTrue(plugins.size() >= 20, "every plugin of main: " + plugins.size());
        WebElement microseg = browser.driver().findElement(By.cssSelector("#pipelines tr[data-plugin-id='microseg']"));
        assertTrue(microseg.getText().contains("microseg"), microseg.getText());

        // Four charts drawn by uPlot, each with a series that has values.
        assertEquals(4L, browser.script("return document.querySelectorAll('.chart .uplot canvas').length"));
        Object drawn = browser.script("return Array.from(document.querySelectorAll('#chart-logtypes .u-legend .u-series'))"
                + ".map(s => s.textContent)");
        assertTrue(drawn.toString().contains("microseg") && drawn.toString().contains("tunnel_status"), drawn.toString());
        browser.screenshot("healthy");
    }

    @Test
    void hostilePluginIdIsTextAndRunsNothing() {
        simulator.patch("/pipelines/main/plugins/filters/0/id", HOSTILE_ID);
        polls.poll();
        open();
        browser.await(PATIENCE, d -> !d.findElements(By.cssSelector("#pipelines td")).isEmpty());
        List<WebElement> cells = browser.driver().findElements(By.cssSelector("#pipelines tr[data-plugin-id] td:first-child"));
        assertTrue(cells.stream().anyMatch(c -> c.getText().equals(HOSTILE_ID)), "the id shown as it is, as text");
        assertEquals(0L, browser.script("return document.querySelectorAll('#pipelines img, #pipelines script').length"));
        assertNull(browser.script("return window.__pwned === undefined ? null : window.__pwned"), "nothing ran");
    }

    /** SPEC §14: a 9.4 pipeline's batch fill against its batch size; an 8.x one says nothing of batches. */
    @Test
    void showsHowFullA9xPipelinesBatchesAre() {
        open();
        browser.await(PATIENCE, d -> !d.findElements(By.cssSelector("#pipelines .facts")).isEmpty());
        String before = browser.driver().findElement(By.cssSelector("#pipelines [data-pipeline-id='main'] .facts")).getText();
        assertTrue(!before.contains("batches"), before);
        simulator.logstash9(true);
        try {
            polls.poll(2);
            open();
            browser.await(PATIENCE, d -> d.findElement(By.cssSelector("#pipelines [data-pipeline-id='main'] .facts")).getText()
                    .contains("batches"));
            String facts = browser.driver().findElement(By.cssSelector("#pipelines [data-pipeline-id='main'] .facts")).getText();
            assertTrue(facts.matches(".*batches \\d+ of 125 events, [0-9.,]+ [KMG]?i?B on average \\(last minute\\).*"), facts);
        } finally {
            simulator.logstash9(false);
        }
    }

    /**
     * SPEC §14: an elasticsearch output's delivery since start under its pipeline, marked when it
     * failed, with the status codes; the reason in the health list; and the upstream pipeline's
     * bottleneck naming the pipeline it waits on.
     */
    @Test
    void showsAFailingOutputsDeliveryAndADownstreamBottleneck() {
        simulator.elasticsearchThrottling(true);
        simulator.archiveSlow(true);
        try {
            polls.poll(3);
            open();
            By delivery = By.cssSelector("#pipelines [data-pipeline-id='archive'] p.delivery[data-plugin-id='es-archive']");
            browser.await(PATIENCE, d -> !d.findElements(delivery).isEmpty());
            WebElement line = browser.driver().findElement(delivery);
            assertTrue(line.getAttribute("class").contains("failing"), line.getAttribute("class"));
            assertTrue(line.getText().matches("es-archive – bulk requests [0-9,]+ ok, [0-9,]+ with document errors, [0-9,]+ refused or"
                    + " unanswered \\(HTTP 429 ×[0-9,]+\\); documents [0-9,]+ indexed, [0-9,]+ retried since start"), line.getText());
            String reasons = browser.driver().findElement(By.id("reasons")).getText();
            assertTrue(reasons.contains("output_failing") && reasons.contains("Output 'es-archive' (elasticsearch) of pipeline 'archive'"),
                    reasons);
            String bottleneck = browser.driver().findElement(By.cssSelector("#pipelines [data-pipeline-id='main'] .bottleneck strong"))
                    .getText();
            assertEquals("Bottleneck: downstream pipeline archive via to-archive", bottleneck);
            assertTrue(browser.driver().findElements(By.cssSelector("#pipelines [data-pipeline-id='main'] p.delivery")).isEmpty(),
                    "outputs without delivery counters have no line");
        } finally {
            simulator.elasticsearchThrottling(false);
            simulator.archiveSlow(false);
            simulator.archivePipeline(false);
        }
    }

    @Test
    void aHashNamedPluginShowsWhereItIsDefined() {
        simulator.anonymousFilter(true);
        polls.poll(2);
        open();
        String hashId = "8f3a5c0e9d2b47a1c6e5f4b3a2918d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f1e";
        WebElement name = browser.driver().findElement(By.cssSelector("#pipelines tr[data-plugin-id='" + hashId + "'] td.plugin-name"));
        assertEquals("mutate @ main.conf:42", name.getText());
        assertEquals("/usr/share/logstash/pipeline/main.conf:42:5", name.getAttribute("title"));
        WebElement known = browser.driver().findElement(By.cssSelector("#pipelines tr[data-plugin-id='syslog-udp'] td.plugin-name"));
        assertEquals("udp @ aviatrix.conf:2", known.getText());
    }

    @Test
    void asksNoHostButItsOwn() {
        open();
        new org.openqa.selenium.support.ui.Select(browser.driver().findElement(By.id("hot-threads-window"))).selectByValue("5s");
        browser.driver().findElement(By.id("hot-threads-button")).click();
        browser.await(PATIENCE, d -> !text("hot-threads").isEmpty());
        browser.driver().findElement(By.cssSelector("#ranges button[data-range='24h']")).click();
        browser.await(PATIENCE, d -> d.findElements(By.cssSelector("#chart-events .uplot")).size() == 1);
        List<String> urls = browser.requests();
        String origin = origin(page.toString());
        List<String> elsewhere = urls.stream().filter(u -> !u.startsWith("data:") && !origin(u).equals(origin)).toList();
        assertEquals(List.of(), elsewhere, "requests to other hosts");
        for (String expected : List.of("/webjars/uplot/dist/uPlot.iife.min.js", "/assets/dashboard.js", "/assets/pipeline-view.js",
                "/api/pipelines/graph", "/api/health",
                "/api/stats", "/api/history?range=24h", "/api/hot-threads")) {
            assertTrue(urls.stream().anyMatch(u -> u.contains(expected)), expected + " in " + urls);
        }
    }

    @Test
    void hotThreadsOverAWindowShownAsReadableText() {
        simulator.burn("[main]>worker0", 0.6, 2.0);
        open();
        new org.openqa.selenium.support.ui.Select(browser.driver().findElement(By.id("hot-threads-window"))).selectByValue("5s");
        browser.driver().findElement(By.id("hot-threads-button")).click();
        String shown = browser.await(PATIENCE, d -> text("hot-threads").isEmpty() ? null : text("hot-threads"));
        String first = shown.lines().findFirst().orElse("");
        assertTrue(first.contains("% of a core  [main]>worker0  runnable"), shown);
        assertTrue(shown.contains("    org.logstash.execution.WorkerLoop.run"), "with its stack: " + shown);
        assertTrue(text("hot-threads-note").startsWith("CPU within 5"), text("hot-threads-note"));
        assertTrue(simulator.lastHotThreadsQuery().contains("ignore_idle_threads=false"), simulator.lastHotThreadsQuery());
        browser.screenshot("hot-threads");
    }

    @Test
    void followsLogstashWithoutReloading() {
        open();
        browser.script("window.__sameDocument = true");
        String events = text("node-events");
        polls.poll(2);
        browser.await(PATIENCE, d -> !text("node-events").equals(events));

        simulator.fail(Fault.REFUSE);
        polls.poll(5); // longer than the 15 s grace
        browser.await(PATIENCE, d -> text("status").equals("Unhealthy"));
        assertTrue(browser.driver().findElement(By.id("stale")).isDisplayed(), "data is stale");
        assertEquals("data is stale", text("stale"));
        String lastError = text("last-error");
        assertTrue(lastError.startsWith("Last error: ") && lastError.toLowerCase().contains("refused"), lastError);
        assertTrue(text("reasons").contains("logstash_unreachable"), text("reasons"));
        assertEquals(Boolean.TRUE, browser.script("return window.__sameDocument === true"), "no reload");
        browser.screenshot("logstash-down");

        simulator.recover();
        polls.poll();
        browser.await(PATIENCE, d -> text("status").equals("Healthy"));
        assertFalse(browser.driver().findElement(By.id("stale")).isDisplayed());
        assertEquals(Boolean.TRUE, browser.script("return window.__sameDocument === true"), "no reload");
    }

    @Test
    void holdsAtPhoneWidth() {
        browser.viewport(375, 812, true);
        open();
        Map<?, ?> size = (Map<?, ?>) browser.script("return {scroll: document.documentElement.scrollWidth, "
                + "width: document.documentElement.clientWidth, chart: document.querySelector('#chart-events canvas').width}");
        assertEquals(375L, size.get("width"));
        assertTrue((Long) size.get("scroll") <= 375L, "no horizontal scroll: " + size);
        assertTrue((Long) size.get("chart") <= 375L, "charts fit: " + size);
        browser.screenshot("phone-375");
    }

    @Test
    void readableInDarkAndLightThemes() {
        browser.colorScheme("dark");
        open();
        double darkBackground = luminance("getComputedStyle(document.body).backgroundColor");
        double darkText = luminance("getComputedStyle(document.body).color");
        double darkAxis = luminance("getComputedStyle(document.documentElement).getPropertyValue('--muted')");
        assertTrue(darkBackground < 0.05 && darkText > 0.7 && darkAxis > 0.3,
                "dark: background " + darkBackground + ", text " + darkText + ", axes " + darkAxis);
        browser.screenshot("dark");
        browser.colorScheme("light");
        open();
        double lightBackground = luminance("getComputedStyle(document.body).backgroundColor");
        double lightText = luminance("getComputedStyle(document.body).color");
        assertTrue(lightBackground > 0.9 && lightText < 0.05, "light: background " + lightBackground + ", text " + lightText);
    }

    /** WCAG relative luminance of a CSS color the page computes (rgb(), or #rrggbb from a custom property). */
    private double luminance(String expression) {
        Object rgb = browser.script("const c = document.createElement('canvas').getContext('2d'); c.fillStyle = ("
                + expression + ").trim(); c.fillRect(0, 0, 1, 1); return Array.from(c.getImageData(0, 0, 1, 1).data).slice(0, 3);");
        List<?> channels = (List<?>) rgb;
        double[] linear = channels.stream().mapToDouble(v -> ((Number) v).doubleValue() / 255)
                .map(c -> c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4)).toArray();
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2];
    }

    private static String origin(String url) {
        URI u = URI.create(url);
        return u.getScheme() + "://" + u.getHost() + ":" + u.getPort();
    }
}
