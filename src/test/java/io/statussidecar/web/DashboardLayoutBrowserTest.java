package io.statussidecar.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.statussidecar.simulator.LogstashSimulator;
import io.statussidecar.support.Polls;
import io.statussidecar.support.SimulatorResource;

/**
 * SPEC §8, measured in a real headless Chromium: every chart, table and the pipeline panel fit their
 * own card at 375 px, with classic scrollbars that take room from the page, loaded at that width and
 * narrowed from 1280 px, right after the first render; no word breaks inside itself; and the first look
 * on a desktop says something (the sidecar's whole history across the charts, axis labels apart, a
 * flat line below the top border, every control labelled).
 */
@QuarkusTest
@Tag("browser")
@WithTestResource(SimulatorResource.class)
class DashboardLayoutBrowserTest extends DashboardPage {

    /**
     * What does not fit, as lines: each box whose content is wider than the box (scrolled or cut off),
     * each chart's canvas or legend outside its figure, each figure outside its panel, each word that
     * stands on two lines, and the page wider than the window.
     */
    static final String LAYOUT_PROBLEMS = """
            const out = [];
            const r = e => e.getBoundingClientRect();
            const name = e => e.id ? '#' + e.id : e.tagName.toLowerCase() + (e.className && e.className.baseVal === undefined
                ? '.' + String(e.className).trim().split(/\\s+/).join('.') : '');
            const outside = (inner, outer) => r(inner).left < r(outer).left - 0.5 || r(inner).right > r(outer).right + 0.5;
            if (document.documentElement.scrollWidth > document.documentElement.clientWidth) {
              out.push('page ' + document.documentElement.scrollWidth + ' > ' + document.documentElement.clientWidth);
            }
            document.querySelectorAll('.panel, .card, figure, .banner, .pipeline, .scroll, #pipelines, table, td, th, .chart')
              .forEach(e => { if (e.scrollWidth > e.clientWidth + 1) out.push(name(e) + ' content ' + e.scrollWidth + ' > ' + e.clientWidth); });
            document.querySelectorAll('.chart').forEach(box => {
              const fig = box.closest('figure'), panel = box.closest('.panel');
              box.querySelectorAll('canvas, .u-legend, .u-wrap').forEach(x => { if (outside(x, fig)) out.push(box.id + ' ' + name(x)
                + ' ' + Math.round(r(x).left) + '..' + Math.round(r(x).right) + ' outside ' + Math.round(r(fig).left) + '..' + Math.round(r(fig).right)); });
              if (outside(fig, panel)) out.push(box.id + ' figure outside its panel');
            });
            document.querySelectorAll('table, #pipelines .pipeline').forEach(t => {
              const panel = t.closest('.panel');
              if (outside(t, panel)) out.push(name(t) + ' outside its panel');
            });
            const walker = document.createTreeWalker(document.querySelector('main'), NodeFilter.SHOW_TEXT);
            for (let n = walker.nextNode(); n; n = walker.nextNode()) {
              if (!n.parentElement || n.parentElement.closest('pre, [hidden]')) continue;
              for (const m of n.data.matchAll(/[\\p{L}\\p{N}_]{2,}/gu)) {
                const range = document.createRange();
                range.setStart(n, m.index); range.setEnd(n, m.index + m[0].length);
                const lines = new Set(Array.from(range.getClientRects()).filter(x => x.width > 0).map(x => Math.round(x.top)));
                if (lines.size > 1) out.push('"' + m[0] + '" broken over ' + lines.size + ' lines in ' + name(n.parentElement));
              }
            }
            return out;
            """;

    LogstashSimulator simulator;

    @Inject
    Polls polls;

    @BeforeEach
    void busyLogstash() {
        simulator.recover();
        simulator.clearPatches();
        simulator.anonymousFilter(true); // a hash-named plugin: the longest word the table shows
        polls.freshStart();
        polls.poll(12);
        browser.colorScheme("light");
        browser.viewport(1280, 900, false);
        browser.classicScrollbars();
        browser.driver().get(page.toString());
        browser.script("localStorage.clear()");
    }

    @AfterEach
    void noScriptErrors() {
        List<String> errors = browser.console().stream().filter(m -> m.startsWith("SEVERE"))
                .filter(m -> !m.contains("/api/logs")).toList(); // the 404 of a refused download is the page asking
        assertEquals(List.of(), errors, "console errors");
        assertEquals(List.of(), browser.script("return window.__csp"), "CSP violations");
        simulator.anonymousFilter(false);
    }

    @Test
    void loadedAtPhoneWidthWithClassicScrollbarsEverythingFitsItsCard() {
        browser.viewport(375, 812, false);
        open();
        assertEquals(375L, browser.script("return window.innerWidth"));
        long scrollbar = (Long) browser.script("return window.innerWidth - document.documentElement.clientWidth");
        assertTrue(scrollbar > 0, "a classic scrollbar takes room from the page: " + scrollbar + " px");
        assertEquals(List.of(), problems(), "at 375 px with a " + scrollbar + " px scrollbar");
        browser.screenshot("phone-375-scrollbar");
        browser.driver().findElement(By.id("pipelines")).getLocation();
        browser.script("document.getElementById('pipelines').scrollIntoView()");
        browser.screenshot("phone-375-plugins");
    }

    @Test
    void asAPhoneDoesWithOverlayScrollbars() {
        browser.viewport(375, 812, true);
        open();
        assertEquals(List.of(), problems(), "at 375 px, mobile");
        browser.screenshot("phone-375");
    }

    @Test
    void narrowedFrom1280EveryChartFollowsItsCard() {
        open();
        Map<?, ?> wide = (Map<?, ?>) browser.script("return {canvas: document.querySelector('#chart-events canvas').getBoundingClientRect().width}");
        assertTrue(((Number) wide.get("canvas")).doubleValue() > 500, "drawn wide first: " + wide);
        browser.viewport(375, 812, false);
        // The resize observer redraws before the next paint: two frames later the page has settled.
        browser.settle(0);
        assertEquals(List.of(), problems(), "narrowed to 375 px");
        browser.screenshot("narrowed-375");
        browser.viewport(1280, 900, false);
        browser.settle(0);
        double widened = ((Number) browser.script("return document.querySelector('#chart-events canvas').getBoundingClientRect().width")).doubleValue();
        assertTrue(widened > 500, "and wide again: " + widened);
    }

    @Test
    void theFirstLookOnADesktopSaysSomething() {
        open();
        assertEquals("Logstash status logstash", browser.driver().findElement(By.tagName("h1")).getText());
        assertEquals("logstash · Logstash status", browser.driver().getTitle());
        assertEquals("true", browser.driver().findElement(By.cssSelector("#ranges button[data-range='auto']")).getAttribute("aria-pressed"),
                "the sidecar's own history is the first range");
        assertTrue(text("range-note").startsWith("(since the sidecar started"), text("range-note"));

        // The samples span the width: the first one stands at the left, not in a sliver at the right.
        Map<?, ?> x = (Map<?, ?>) browser.script("""
                const u = document.getElementById('chart-events').uplot;
                const xs = u.data[0].filter((t, i) => u.data[1][i] !== null);
                return {min: u.scales.x.min, max: u.scales.x.max, first: xs[0], last: xs[xs.length - 1]};""");
        double min = num(x.get("min")), max = num(x.get("max")), first = num(x.get("first"));
        assertTrue((first - min) / (max - min) < 0.25, "the first sample in the left quarter: " + x);

        // Time labels stand apart at every range (they are drawn on the canvas: measured with its font).
        for (String range : List.of("auto", "5m", "15m", "1h", "24h")) {
            browser.driver().findElement(By.cssSelector("#ranges button[data-range='" + range + "']")).click();
            browser.await(PATIENCE, d -> range.equals(browser.script("return localStorage.getItem('status-sidecar.range')")));
            browser.settle(300);
            for (String chart : List.of("chart-events", "chart-workers")) {
                Object overlaps = browser.script("""
                        const u = document.getElementById(arguments[0]).uplot, a = u.axes[0];
                        u.ctx.font = a.font[0];
                        const labels = a._values.map((v, i) => ({v, x: u.valToPos(a._splits[i], 'x'), w: u.ctx.measureText(v).width / devicePixelRatio}));
                        const out = [];
                        const left = u.bbox.left / devicePixelRatio;
                        labels.forEach(l => { if (left + l.x + l.w / 2 > u.width + 0.5 || left + l.x - l.w / 2 < -0.5) out.push(l.v + ' cut at the edge'); });
                        for (let i = 1; i < labels.length; i++) {
                          if (labels[i].x - labels[i - 1].x < (labels[i].w + labels[i - 1].w) / 2 + 4) out.push(labels[i - 1].v + ' / ' + labels[i].v);
                        }
                        return out;""", chart);
                assertEquals(List.of(), overlaps, range + " " + chart + ": time labels overlapping or cut");
            }
        }

        // A flat line at its maximum is drawn below the top border, not on it.
        Map<?, ?> y = (Map<?, ?>) browser.script("""
                const u = document.getElementById('chart-workers').uplot;
                return {top: u.scales.y.max, max: Math.max(...u.data[1].filter(v => v !== null))};""");
        assertTrue(num(y.get("top")) > num(y.get("max")) * 1.05, "headroom above the worker utilization: " + y);

        // Every control says what it is, with text a reader sees.
        WebElement select = browser.driver().findElement(By.id("hot-threads-window"));
        WebElement label = browser.driver().findElement(By.cssSelector("label[for='hot-threads-window']"));
        assertTrue(label.isDisplayed() && !label.getText().isBlank(), "the window select has a visible label");
        assertEquals("10 s", new org.openqa.selenium.support.ui.Select(select).getFirstSelectedOption().getText());
        browser.screenshot("desktop-first-look");
    }

    @Test
    void aRefusedDownloadShowsTheSidecarsMessage() throws IOException {
        Path log = Path.of("target/test-logs/logstash-plain.log");
        Files.deleteIfExists(log);
        open();
        browser.driver().findElement(By.id("download-logs")).click();
        String shown = browser.await(PATIENCE, d -> d.findElement(By.id("action-error")).isDisplayed() ? text("action-error") : null);
        assertTrue(shown.startsWith("Download Logs failed: The Logstash log ") && shown.contains("LOGSTASH_LOG_PATH"), shown);

        Files.createDirectories(log.getParent());
        Files.writeString(log, "[2026-11-30T10:00:00,000][INFO ][logstash.agent] Pipelines running\n");
        browser.driver().findElement(By.id("download-logs")).click();
        browser.await(PATIENCE, d -> d.findElement(By.id("download-logs")).getAttribute("aria-busy") == null);
        assertFalse(browser.driver().findElement(By.id("action-error")).isDisplayed(), "a download that works clears the message");
    }

    private List<?> problems() {
        return (List<?>) browser.script(LAYOUT_PROBLEMS);
    }

    private static double num(Object o) {
        return ((Number) o).doubleValue();
    }
}
