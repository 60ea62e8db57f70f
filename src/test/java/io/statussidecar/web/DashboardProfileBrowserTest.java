package io.statussidecar.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;


import jakarta.inject.Inject;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.statussidecar.support.Polls;
import io.statussidecar.support.SecurityProfile;

/**
 * SPEC §6 and §8: with {@code LOG_PROFILE=security} the dashboard marks the networking types as not
 * in the profile and the security types as forwarded (the simulated outputs forward what the profile
 * says, as Logstash's would).
 */
@QuarkusTest
@Tag("browser")
@TestProfile(SecurityProfile.class)
@WithTestResource(value = io.statussidecar.support.SimulatorResource.class,
        initArgs = @ResourceArg(name = "profile", value = "security"))
class DashboardProfileBrowserTest extends DashboardPage {

    @Inject
    Polls polls;

    @Test
    void marksWhatTheProfileDoesNotForward() {
        polls.freshStart();
        polls.poll(3);
        browser.driver().get(page.toString());
        browser.await(PATIENCE, d -> d.findElements(By.cssSelector("#logtypes tbody tr")).size() == 9);
        assertEquals("LOG_PROFILE=security", browser.driver().findElement(By.id("log-profile")).getText());
        for (String type : new String[] {"gw_net_stats", "gw_sys_stats", "tunnel_status"}) {
            WebElement row = row(type);
            assertEquals("not-in-profile", row.getAttribute("class"), type);
            assertTrue(row.getText().endsWith("not in profile"), row.getText());
        }
        for (String type : new String[] {"microseg", "mitm", "suricata", "fqdn", "cmd", "vpn_session"}) {
            assertTrue(row(type).getText().endsWith("forwarded"), row(type).getText());
        }
        browser.screenshot("log-profile-security");
    }

    private WebElement row(String type) {
        return browser.driver().findElement(By.cssSelector("#logtypes tr[data-log-type='" + type + "']"));
    }
}
