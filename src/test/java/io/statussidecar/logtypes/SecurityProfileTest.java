package io.statussidecar.logtypes;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.statussidecar.support.SecurityProfile;
import io.statussidecar.support.SimulatorResource;

@QuarkusTest
@TestProfile(SecurityProfile.class)
@WithTestResource(value = SimulatorResource.class, initArgs = @ResourceArg(name = "profile", value = "security"))
class SecurityProfileTest extends LogTypesApiTest {

    @Override
    protected String profile() {
        return "security";
    }
}
