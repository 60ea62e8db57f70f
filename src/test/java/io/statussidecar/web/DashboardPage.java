package io.statussidecar.web;

import java.net.URL;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.openqa.selenium.By;

import io.quarkus.test.common.http.TestHTTPResource;
import io.statussidecar.support.Browser;

/** One headless Chromium per test class, and how the dashboard tests open and read the page. */
abstract class DashboardPage {

    /** The page refreshes every poll interval (5 s in the tests); three of them and a margin. */
    static final Duration PATIENCE = Duration.ofSeconds(20);
    /** Records what the page's Content-Security-Policy refused, before any of the page's own scripts run. */
    static final String RECORD_CSP = "window.__csp = []; document.addEventListener('securitypolicyviolation', "
            + "e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));";

    static Browser browser;

    @TestHTTPResource("/")
    URL page;

    @BeforeAll
    static void startBrowser() {
        browser = Browser.start();
        browser.onEveryPage(RECORD_CSP);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    /** Loads the page and waits until it has drawn its first data and charts. */
    void open() {
        browser.driver().get(page.toString());
        browser.await(PATIENCE, d -> !"Loading…".equals(text("status"))
                && d.findElements(By.cssSelector("#chart-events .uplot")).size() == 1);
    }

    String text(String id) {
        return browser.driver().findElement(By.id(id)).getAttribute("textContent");
    }
}
