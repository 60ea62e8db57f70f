package io.statussidecar.deployments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * The seed document's checklist, item by item, on the deployment files as real tools read them:
 * {@code .ci/deployments-check} parses every .tf with HashiCorp's HCL parser and renders every
 * .tftpl with Terraform's templatefile() into target/deployments/, which this test reads.
 */
@Tag("deployments")
class DeploymentChecklistTest {

    static final Path OUT = Path.of("target/deployments");
    static final Path DEPLOYMENTS = Path.of("deployments");
    static final String MODULE = "deployments/modules/aws-logstash";
    static final List<String> OUTPUTS = List.of("splunk-hec", "elasticsearch", "opensearch", "s3", "kafka");
    static final ObjectMapper JSON = new ObjectMapper();
    static final YAMLMapper YAML = new YAMLMapper();

    // ---- AWS module: variables, security group, init script ---------------------------------

    @Test
    void sidecarImageVariableIsEmptyMeaningDisabled() {
        JsonNode v = variable(MODULE, "sidecar_image");
        assertEquals("", v.path("default").asText("missing"), "default \"\" = sidecar disabled");
        for (String root : List.of("deployments/aws-ec2-single-instance", "deployments/aws-ec2-autoscale", "deployments/azure-aci")) {
            assertEquals("", variable(root, "sidecar_image").path("default").asText("missing"), root);
        }
        assertEquals("bool", variable("deployments/azure-aci", "sidecar_enabled").path("type").asText().replace("${", "").replace("}", ""));
    }

    @Test
    void port3000IsOpenOnlyToTheListedCidrsAndToNobodyByDefault() {
        assertEquals(3000, variable(MODULE, "sidecar_port").path("default").asInt());
        JsonNode cidrs = variable(MODULE, "sidecar_allowed_cidrs");
        assertTrue(cidrs.path("default").isArray() && cidrs.path("default").isEmpty(), "default: no access");
        assertTrue(cidrs.path("validation").get(0).path("condition").asText().contains("0.0.0.0/0"), "0.0.0.0/0 refused");

        JsonNode sg = resource(MODULE, "aws_security_group", "default");
        JsonNode rule = null;
        for (JsonNode d : sg.path("dynamic").path("ingress")) {
            JsonNode content = d.path("content").get(0);
            if (content.path("from_port").asText().equals("${var.sidecar_port}")) {
                rule = d;
            }
        }
        assertTrue(rule != null, "a dynamic ingress rule on var.sidecar_port");
        JsonNode content = rule.path("content").get(0);
        assertEquals("${var.sidecar_port}", content.path("to_port").asText());
        assertEquals("tcp", content.path("protocol").asText());
        assertEquals("${var.sidecar_allowed_cidrs}", content.path("cidr_blocks").asText());
        assertTrue(rule.path("for_each").asText().contains("local.sidecar_enabled"), "only with the sidecar on");
        for (JsonNode ingress : sg.path("ingress")) {
            assertFalse(ingress.path("from_port").asText().contains("sidecar") || ingress.path("from_port").asInt() == 3000,
                    "no static rule for the sidecar's port");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"splunk-hec", "elasticsearch", "opensearch", "s3", "kafka"})
    void theInitScriptCreatesTheLogDirectoryBeforeStartingContainers(String output) {
        for (String state : List.of("enabled", "disabled")) {
            String init = rendered("init-" + output + "." + state);
            int dir = init.indexOf("install -d -m 0755 -o 1000 -g 1000 /var/log/logstash");
            assertTrue(dir > 0, "creates /var/log/logstash for Logstash's uid");
            assertTrue(dir < init.indexOf("bash /logstash/docker_run.sh"), "before the containers start");
        }
    }

    // ---- the five docker_run templates ---------------------------------------------------------

    @Test
    void fiveOutputTemplates() throws IOException {
        try (Stream<Path> dirs = Files.list(Path.of(MODULE, "outputs"))) {
            assertEquals(new TreeSet<>(OUTPUTS), dirs.map(p -> p.getFileName().toString()).collect(java.util.stream.Collectors.toCollection(TreeSet::new)));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"splunk-hec", "elasticsearch", "opensearch", "s3", "kafka"})
    void logstashWritesItsLogToTheSharedVolumeAndKeeps9600OnLoopback(String output) {
        for (String state : List.of("enabled", "disabled")) {
            String logstash = dockerRun(rendered(output + "." + state), "logstash");
            assertTrue(logstash.endsWith("--path.logs /var/log/logstash"), "--path.logs: " + logstash);
            // The official image logs to the console only; LOG_STYLE=file (8.8+) writes logstash-plain.log.
            assertTrue(logstash.contains(" -e LOG_STYLE=file "), "a log file to read: " + logstash);
            assertTrue(logstash.contains(" -v /var/log/logstash:/var/log/logstash "), "the log volume");
            assertTrue(logstash.contains(" -p 127.0.0.1:9600:9600 "), "9600 on loopback");
            Matcher publish = Pattern.compile("-p (\\S+)").matcher(logstash);
            while (publish.find()) {
                String p = publish.group(1);
                assertTrue(!p.contains("9600") || p.equals("127.0.0.1:9600:9600"), "9600 published beyond loopback: " + p);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"splunk-hec", "elasticsearch", "opensearch", "s3", "kafka"})
    void theSidecarRunsOnlyWhenItsImageIsSet(String output) {
        assertFalse(rendered(output + ".disabled").contains("status-sidecar"), "no sidecar without an image");
        String sidecar = dockerRun(rendered(output + ".enabled"), "status-sidecar");
        // The Linux networking note, resolved: the host network and Logstash's loopback-published API.
        assertTrue(sidecar.contains(" --network host "), sidecar);
        assertTrue(sidecar.contains(" -e LOGSTASH_API_URL=http://127.0.0.1:9600 "), sidecar);
        assertFalse(sidecar.contains("host.docker.internal"), sidecar);
        assertTrue(sidecar.contains(" -v /var/log/logstash:/var/log/logstash:ro "), "the log volume, read-only");
        assertTrue(sidecar.contains(" --read-only "), "read-only root");
        assertTrue(sidecar.contains(" -e LOG_PROFILE=security "), "the deployment's LOG_PROFILE");
        assertTrue(sidecar.endsWith(" ghcr.io/example/status-sidecar:1.2.0"), sidecar);
        assertEquals(1, count(rendered(output + ".enabled"), "--name status-sidecar"));
    }

    @Test
    void theModulePassesTemplatesWhatTheyAreRenderedWithHere() throws IOException {
        JsonNode args = JSON.readTree(OUT.resolve("render-args.json").toFile());
        JsonNode locals = hcl(MODULE + "/main.tf").path("locals").get(0);
        assertEquals(names(args.path("sidecar_run")), templateArguments(locals.path("sidecar_run").asText()));
        assertEquals(names(args.path("docker_run")), templateArguments(locals.path("docker_run").asText()));
        assertEquals(names(args.path("init")), templateArguments(locals.path("user_data").asText()));
        assertTrue(locals.path("sidecar_run").asText().contains("local.sidecar_enabled ?"), "rendered only when enabled");
    }

    // ---- root modules ---------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"deployments/aws-ec2-single-instance", "deployments/aws-ec2-autoscale"})
    void rootModulesPassTheSidecarImageToTheModule(String root) {
        JsonNode module = hcl(root + "/main.tf").path("module").path("logstash").get(0);
        assertEquals("../modules/aws-logstash", module.path("source").asText());
        assertEquals("${var.sidecar_image}", module.path("sidecar_image").asText());
    }

    @Test
    void aNewSidecarImageReplacesTheSingleInstance() {
        String key = hcl(MODULE + "/outputs.tf").path("output").path("rollout_key").get(0).path("value").asText();
        assertTrue(key.contains("var.sidecar_image"), "the rollout key follows the sidecar image: " + key);
        String root = "deployments/aws-ec2-single-instance/main.tf";
        assertEquals("${module.logstash.rollout_key}", resource(root, "terraform_data", "rollout").path("input").asText());
        JsonNode lifecycle = resource(root, "aws_instance", "logstash").path("lifecycle").get(0);
        assertEquals(List.of("${terraform_data.rollout}"), strings(lifecycle.path("replace_triggered_by")));
    }

    @Test
    void aNewSidecarImageRollsTheAutoscalingGroup() {
        String root = "deployments/aws-ec2-autoscale/main.tf";
        JsonNode tags = resource(root, "aws_launch_template", "logstash").path("tag_specifications").get(0).path("tags");
        assertTrue(tags.path("Rollout").asText().contains("module.logstash.rollout_key"), tags.toString());
        JsonNode refresh = resource(root, "aws_autoscaling_group", "logstash").path("instance_refresh").get(0);
        assertEquals("Rolling", refresh.path("strategy").asText());
    }

    @Test
    void theNlbChecksEachInstanceWithApiHealthOnPort3000() {
        String root = "deployments/aws-ec2-autoscale/main.tf";
        JsonNode tg = resource(root, "aws_lb_target_group", "sidecar");
        assertEquals(3000, tg.path("port").asInt());
        JsonNode check = tg.path("health_check").get(0);
        assertEquals("HTTP", check.path("protocol").asText());
        assertEquals("/api/health", check.path("path").asText());
        assertEquals("3000", check.path("port").asText());
        assertEquals("200", check.path("matcher").asText(), "503 (unhealthy) fails the check; degraded stays in");
        assertTrue(tg.path("count").asText().contains("local.sidecar"));
        JsonNode asg = resource(root, "aws_autoscaling_group", "logstash");
        assertTrue(asg.path("health_check_type").asText().contains("\"ELB\""), "the group acts on the check");
        assertTrue(asg.path("target_group_arns").asText().contains("aws_lb_target_group.sidecar"));
        JsonNode listener = resource(root, "aws_lb_listener", "sidecar");
        assertTrue(listener.path("count").asText().contains("var.sidecar_listener"), "the listener is optional");
        assertEquals(3000, listener.path("port").asInt());
        assertFalse(variable("deployments/aws-ec2-autoscale", "sidecar_listener").path("default").asBoolean());
        // The NLB's own health checks must reach port 3000 even when no operator CIDR is listed.
        String cidrs = hcl(root).path("module").path("logstash").get(0).path("sidecar_allowed_cidrs").asText();
        assertTrue(cidrs.contains("data.aws_vpc.this.cidr_block"), cidrs);
    }

    // ---- ECS, ACI, Kubernetes, compose ------------------------------------------------------------

    @Test
    void ecsTaskHasBothContainersTheSharedVolumeAndALivenessCheck() {
        JsonNode main = hcl("deployments/aws-ecs/main.tf");
        JsonNode locals = main.path("locals").get(0);
        JsonNode logstash = locals.path("logstash");
        JsonNode sidecar = locals.path("sidecar_container");
        JsonNode task = resource("deployments/aws-ecs/main.tf", "aws_ecs_task_definition", "logstash");
        assertTrue(task.path("container_definitions").asText().contains("[local.logstash, local.sidecar_container]"));
        assertEquals("logstash-logs", task.path("volume").get(0).path("name").asText());

        String logPath = logstash.path("mountPoints").get(0).path("containerPath").asText();
        assertEquals("logstash-logs", logstash.path("mountPoints").get(0).path("sourceVolume").asText());
        assertEquals(List.of("logstash", "-f", "/usr/share/logstash/pipeline/", "--path.logs", logPath), strings(logstash.path("command")));
        assertEquals("file", env(logstash.path("environment"), "LOG_STYLE"), "the image logs to the console only without it");

        JsonNode mount = sidecar.path("mountPoints").get(0);
        assertEquals("logstash-logs", mount.path("sourceVolume").asText());
        assertEquals("/var/log/logstash", mount.path("containerPath").asText());
        assertTrue(mount.path("readOnly").asBoolean());
        assertEquals(List.of("CMD", "/work/application", "healthcheck"), strings(sidecar.path("healthCheck").path("command")),
                "the sidecar's liveness, never Logstash's health");
        assertTrue(sidecar.path("readonlyRootFilesystem").asBoolean());
        assertEquals("http://localhost:9600", env(sidecar.path("environment"), "LOGSTASH_API_URL"));
        for (JsonNode port : logstash.path("portMappings")) {
            assertFalse(port.path("containerPort").asInt() == 9600, "9600 stays in the task");
        }
    }

    @Test
    void aciGroupSharesAnEmptyDirAndProbesTheSidecar() {
        JsonNode group = resource("deployments/azure-aci/main.tf", "azurerm_container_group", "logstash");
        JsonNode logstash = group.path("container").get(0);
        JsonNode logs = volume(logstash.path("volume"), "logstash-logs");
        assertTrue(logs.path("empty_dir").asBoolean());
        assertTrue(strings(logstash.path("commands")).containsAll(List.of("--path.logs", logs.path("mount_path").asText())));
        // ACI's commands replace the entrypoint, which applies API_HTTP_HOST and LOG_STYLE: it is named first.
        assertEquals("/usr/local/bin/docker-entrypoint", strings(logstash.path("commands")).get(0));
        String env = logstash.path("environment_variables").asText();
        assertTrue(env.contains("LOG_STYLE = \"file\"") && env.contains("API_HTTP_HOST = \"127.0.0.1\""), env);

        JsonNode sidecar = group.path("dynamic").path("container").get(0).path("content").get(0);
        assertEquals("${var.sidecar_image}", sidecar.path("image").asText());
        JsonNode shared = volume(sidecar.path("volume"), "logstash-logs");
        assertTrue(shared.path("empty_dir").asBoolean() && shared.path("read_only").asBoolean());
        assertEquals("/var/log/logstash", shared.path("mount_path").asText());
        assertEquals("/q/health/live", sidecar.path("liveness_probe").get(0).path("http_get").get(0).path("path").asText());
        assertEquals("/q/health/ready", sidecar.path("readiness_probe").get(0).path("http_get").get(0).path("path").asText());
        assertEquals("http://localhost:9600", sidecar.path("environment_variables").path("LOGSTASH_API_URL").asText());
        assertTrue(group.path("dynamic").path("container").get(0).path("for_each").asText().contains("local.sidecar"));
        JsonNode exposed = group.path("dynamic").path("exposed_port").get(0);
        assertTrue(exposed.path("for_each").asText().contains("3000"), exposed.toString());
        String enabled = hcl("deployments/azure-aci/main.tf").path("locals").get(0).path("sidecar").asText();
        assertTrue(enabled.contains("var.sidecar_enabled") && enabled.contains("var.sidecar_image"), enabled);
    }

    @Test
    void kubernetesPodHasTheProbesTheReadmeNames() throws IOException {
        JsonNode deployment = null;
        for (JsonNode doc : yamlDocuments(DEPLOYMENTS.resolve("kubernetes/logstash.yaml"))) {
            if (doc.path("kind").asText().equals("Deployment")) {
                deployment = doc;
            }
        }
        assertTrue(deployment != null);
        JsonNode pod = deployment.path("spec").path("template").path("spec");
        JsonNode logstash = container(pod, "logstash");
        // A native sidecar (Kubernetes 1.29+): an init container that keeps running beside Logstash.
        JsonNode sidecar = container(pod.path("initContainers"), "status-sidecar");
        assertEquals("Always", sidecar.path("restartPolicy").asText());
        assertEquals("file", env(logstash.path("env"), "LOG_STYLE"));
        assertTrue(volume(pod.path("volumes"), "logstash-logs").has("emptyDir"));
        assertEquals("/var/log/logstash", mount(logstash, "logstash-logs").path("mountPath").asText());
        assertTrue(mount(sidecar, "logstash-logs").path("readOnly").asBoolean());
        assertTrue(strings(logstash.path("args")).containsAll(List.of("--path.logs", "/var/log/logstash")));

        String readme = Files.readString(Path.of("README.md"));
        String row = readme.lines().filter(l -> l.startsWith("| Kubernetes pod |")).findFirst().orElseThrow();
        Map<String, String> probes = Map.of("livenessProbe", "/q/health/live", "readinessProbe", "/q/health/ready",
                "startupProbe", "/q/health/started");
        probes.forEach((probe, path) -> {
            assertEquals(path, sidecar.path(probe).path("httpGet").path("path").asText(), probe);
            assertTrue(row.contains("`" + probe + ": " + path + "`"), "the README's probe table names " + probe + " " + path);
        });
        assertTrue(sidecar.path("securityContext").path("readOnlyRootFilesystem").asBoolean());

        // Readiness takes the pod out of the syslog Service only; the dashboard's own Service keeps it.
        Map<String, JsonNode> services = new java.util.HashMap<>();
        for (JsonNode doc : yamlDocuments(DEPLOYMENTS.resolve("kubernetes/logstash.yaml"))) {
            if (doc.path("kind").asText().equals("Service")) {
                services.put(doc.path("metadata").path("name").asText(), doc);
            }
        }
        assertFalse(services.get("logstash").toString().contains("3000"), "the dashboard is not behind readiness");
        JsonNode status = services.get("logstash-status");
        assertTrue(status.path("spec").path("publishNotReadyAddresses").asBoolean());
        assertEquals("sidecar", status.path("spec").path("ports").get(0).path("targetPort").asText());
        assertTrue(readme.contains("publishNotReadyAddresses"), "the README's probe table says why");
    }

    @Test
    void composeKeepsTheApiInternalAndTheSidecarReadOnly() throws IOException {
        JsonNode services = yamlDocuments(DEPLOYMENTS.resolve("docker-compose.yml")).get(0).path("services");
        JsonNode logstash = services.path("logstash");
        JsonNode sidecar = services.path("status-sidecar");
        for (JsonNode port : logstash.path("ports")) {
            assertFalse(port.asText().contains("9600"), "9600 is not published: " + port);
        }
        String logsMount = null;
        for (JsonNode v : logstash.path("volumes")) {
            if (v.asText().startsWith("logstash-logs:")) {
                logsMount = v.asText().substring("logstash-logs:".length());
            }
        }
        List<String> command = strings(logstash.path("command"));
        assertEquals(logsMount, command.get(command.indexOf("--path.logs") + 1), "Logstash logs into the shared volume");
        assertEquals("file", logstash.path("environment").path("LOG_STYLE").asText());
        assertTrue(strings(sidecar.path("volumes")).contains("logstash-logs:/var/log/logstash:ro"));
        assertTrue(sidecar.path("read_only").asBoolean());
        assertEquals(List.of("CMD", "/work/application", "healthcheck"), strings(sidecar.path("healthcheck").path("test")));
        assertEquals("http://logstash:9600", sidecar.path("environment").path("LOGSTASH_API_URL").asText());
    }

    // ---- every module: what it references, it declares ----------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"deployments/modules/aws-logstash", "deployments/aws-ec2-single-instance",
            "deployments/aws-ec2-autoscale", "deployments/aws-ecs", "deployments/azure-aci"})
    void everyReferencedVariableIsDeclared(String dir) throws IOException {
        Set<String> declared = new TreeSet<>();
        Set<String> referenced = new TreeSet<>();
        for (JsonNode file : moduleFiles(dir)) {
            file.path("variable").fieldNames().forEachRemaining(declared::add);
            Matcher m = Pattern.compile("\\bvar\\.([a-zA-Z_][a-zA-Z0-9_-]*)").matcher(file.toString());
            while (m.find()) {
                referenced.add(m.group(1));
            }
        }
        Set<String> undeclared = new TreeSet<>(referenced);
        undeclared.removeAll(declared);
        assertEquals(Set.of(), undeclared, dir + " references undeclared variables");
        Set<String> unused = new TreeSet<>(declared);
        unused.removeAll(referenced);
        assertEquals(Set.of(), unused, dir + " declares variables it never uses");
    }

    @ParameterizedTest
    @ValueSource(strings = {"deployments/aws-ec2-single-instance", "deployments/aws-ec2-autoscale"})
    void rootModulesPassOnlyWhatTheModuleDeclares(String root) throws IOException {
        Set<String> declared = new TreeSet<>();
        for (JsonNode file : moduleFiles(MODULE)) {
            file.path("variable").fieldNames().forEachRemaining(declared::add);
        }
        Set<String> passed = new TreeSet<>();
        hcl(root + "/main.tf").path("module").path("logstash").get(0).fieldNames().forEachRemaining(passed::add);
        passed.remove("source");
        Set<String> unknown = new TreeSet<>(passed);
        unknown.removeAll(declared);
        assertEquals(Set.of(), unknown);
    }

    @Test
    void theReleaseWorkflowBuildsTagsWithVersionAndShaAndPushes() throws IOException {
        JsonNode workflow = yamlDocuments(Path.of(".github/workflows/release.yml")).get(0);
        StringBuilder steps = new StringBuilder();
        for (JsonNode step : workflow.path("jobs").path("native-image").path("steps")) {
            steps.append(step.path("run").asText()).append('\n');
        }
        String run = steps.toString();
        assertTrue(run.contains("-t \"$IMAGE:${{ steps.version.outputs.version }}\""), "tagged with the version");
        assertTrue(run.contains("-t \"$IMAGE:${{ steps.version.outputs.sha }}\""), "tagged with the git SHA");
        assertTrue(run.indexOf("docker build") < run.indexOf("Smoke") || run.indexOf("docker build") < run.indexOf("docker run"));
        assertTrue(run.indexOf("docker run") < run.indexOf("docker push"), "tested before it is pushed");
    }

    // ---- reading what the tools produced --------------------------------------------------------------

    static JsonNode hcl(String tf) {
        Path json = OUT.resolve("hcl").resolve(tf + ".json");
        if (!Files.exists(json)) {
            throw new IllegalStateException(json + " is missing: run .ci/deployments-check, which parses the .tf files");
        }
        try {
            return JSON.readTree(json.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<JsonNode> moduleFiles(String dir) throws IOException {
        List<JsonNode> files = new ArrayList<>();
        try (Stream<Path> tfs = Files.list(Path.of(dir))) {
            for (Path tf : tfs.filter(p -> p.toString().endsWith(".tf")).sorted().toList()) {
                files.add(hcl(tf.toString()));
            }
        }
        return files;
    }

    static JsonNode variable(String dir, String name) {
        JsonNode v = hcl(dir + "/variables.tf").path("variable").path(name);
        assertFalse(v.isMissingNode(), dir + " declares " + name);
        return v.get(0);
    }

    static JsonNode resource(String tf, String type, String name) {
        String file = tf.endsWith(".tf") ? tf : tf + "/main.tf";
        JsonNode r = hcl(file).path("resource").path(type).path(name);
        assertFalse(r.isMissingNode(), file + " has " + type + "." + name);
        return r.get(0);
    }

    static String rendered(String name) {
        Path file = OUT.resolve("rendered").resolve(name + ".sh");
        if (!Files.exists(file)) {
            throw new IllegalStateException(file + " is missing: run .ci/deployments-check, which renders the templates");
        }
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The one {@code docker run} of the container named so, its continuation lines joined. */
    static String dockerRun(String script, String name) {
        String joined = script.replace("\\\n", " ").replaceAll(" +", " ");
        List<String> runs = joined.lines().map(String::trim)
                .filter(l -> l.startsWith("docker run ") && l.contains(" --name " + name + " ")).toList();
        assertEquals(1, runs.size(), "one docker run of " + name + ": " + runs);
        return runs.get(0);
    }

    static List<JsonNode> yamlDocuments(Path file) throws IOException {
        List<JsonNode> docs = new ArrayList<>();
        try (com.fasterxml.jackson.databind.MappingIterator<JsonNode> it = YAML.readerFor(JsonNode.class)
                .readValues(new YAMLFactory().createParser(file.toFile()))) {
            it.forEachRemaining(docs::add);
        }
        return docs;
    }

    static Set<String> names(JsonNode array) {
        Set<String> out = new TreeSet<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    /** The argument names of the templatefile("path", {...}) call in an HCL expression. */
    static Set<String> templateArguments(String expression) {
        Matcher call = Pattern.compile("templatefile\\(\"(?:[^\"\\\\]|\\\\.)*\",\\s*\\{([^}]*)\\}").matcher(expression);
        assertTrue(call.find(), "a templatefile call in " + expression);
        Set<String> out = new TreeSet<>();
        Matcher m = Pattern.compile("([a-z_0-9]+)\\s*=").matcher(call.group(1));
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    static String env(JsonNode list, String name) {
        for (JsonNode e : list) {
            if (e.path("name").asText().equals(name)) {
                return e.path("value").asText();
            }
        }
        return null;
    }

    static JsonNode volume(JsonNode list, String name) {
        for (JsonNode v : list) {
            if (v.path("name").asText().equals(name)) {
                return v;
            }
        }
        throw new AssertionError("no volume " + name + " in " + list);
    }

    /** The container of that name, in a pod's {@code containers} or in the list given. */
    static JsonNode container(JsonNode podOrList, String name) {
        for (JsonNode c : podOrList.isArray() ? podOrList : podOrList.path("containers")) {
            if (c.path("name").asText().equals(name)) {
                return c;
            }
        }
        throw new AssertionError("no container " + name);
    }

    static JsonNode mount(JsonNode container, String volume) {
        for (JsonNode m : container.path("volumeMounts")) {
            if (m.path("name").asText().equals(volume)) {
                return m;
            }
        }
        throw new AssertionError(container.path("name").asText() + " does not mount " + volume);
    }

    static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
