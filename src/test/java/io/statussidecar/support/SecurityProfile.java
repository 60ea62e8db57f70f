package io.statussidecar.support;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** {@code LOG_PROFILE=security}, for the tests of what the sidecar shows and forwards then. */
public class SecurityProfile implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("log.profile", "security");
    }
}
