package io.statussidecar.logtypes;

import java.util.Map;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.statussidecar.support.SimulatorResource;

@QuarkusTest
@TestProfile(NetworkingProfileTest.Networking.class)
@WithTestResource(value = SimulatorResource.class, initArgs = @ResourceArg(name = "profile", value = "networking"))
class NetworkingProfileTest extends LogTypesApiTest {

    public static class Networking implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("log.profile", "networking");
        }
    }

    @Override
    protected String profile() {
        return "networking";
    }
}
