package io.statussidecar.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.statussidecar.notify.NotifierTest;
import io.statussidecar.notify.Notifier;
import io.statussidecar.simulator.LogstashSimulator;
import io.statussidecar.support.Polls;
import io.statussidecar.support.Receiver;
import io.statussidecar.support.SimulatorResource;

/** SPEC §15: the dashboard shows the last notification that failed, and says when one went through since. */
@QuarkusTest
@Tag("browser")
@TestProfile(NotifierTest.Notifying.class)
@WithTestResource(SimulatorResource.class)
class NotifyDashboardBrowserTest extends DashboardPage {

    LogstashSimulator simulator;

    @Inject
    Polls polls;

    @Inject
    Notifier notifier;

    private void seconds(int n) {
        polls.everySecond(n, notifier::check);
    }

    @Test
    void showsTheLastFailedNotificationAndThatOneWasDeliveredSince() throws InterruptedException {
        Receiver receiver = NotifierTest.RECEIVER;
        receiver.mode(Receiver.Mode.ERROR_500);
        polls.freshStart();
        seconds(5);
        simulator.patch("/pipelines", Map.of(".monitoring-logstash", Map.of("events", Map.of("in", 1))));
        seconds(10);
        receiver.await(1, 5000);
        long end = System.currentTimeMillis() + 5000;
        while (notifier.failed() == 0 && System.currentTimeMillis() < end) {
            Thread.sleep(20);
        }
        browser.viewport(1280, 900, false);
        browser.classicScrollbars();
        open();
        String failed = browser.await(PATIENCE, d -> text("notify-failure").isEmpty() ? null : text("notify-failure"));
        assertTrue(failed.startsWith("Notification failed: status changed (unhealthy) to http://127.0.0.1:" + receiver.port()
                + "/*** at "), failed);
        assertTrue(failed.contains(": HTTP 500: internal error; trying again in "), failed);
        browser.screenshot("notify-failed-1280");
        browser.viewport(375, 800, true);
        open();
        browser.await(PATIENCE, d -> !text("notify-failure").isEmpty());
        assertEquals(Boolean.FALSE, browser.script("return document.documentElement.scrollWidth > window.innerWidth;"),
                "no sideways scroll at 375 px");
        browser.screenshot("notify-failed-375");

        receiver.mode(Receiver.Mode.OK);
        end = System.currentTimeMillis() + 15_000;
        while (notifier.sent() == 0 && System.currentTimeMillis() < end) {
            Thread.sleep(50);
        }
        browser.viewport(1280, 900, false);
        open();
        browser.await(PATIENCE, d -> text("notify-failure").contains("; one was delivered since, at "));
        // The 503s of /api/health while Logstash is unhealthy are the browser's own lines; no script error.
        assertEquals(List.of(), browser.console().stream().filter(l -> !l.contains("Failed to load resource")).toList());
        simulator.clearPatches();
    }
}
