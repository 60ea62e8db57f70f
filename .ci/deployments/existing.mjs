// The recipes for adding the sidecar to a Logstash that already runs in Kubernetes, each turned into
// the objects the cluster would receive and validated against the Kubernetes API schemas
// (kubernetes-models) and ECK's (@kubernetes-models/elastic-cloud):
// - the strategic merge patch, applied (containers, initContainers and volumes merge by name) to a
//   StatefulSet as Elastic's Helm chart or a hand-written manifest has it;
// - the Helm values, put where the chart's statefulset.yaml puts them;
// - the ECK resource, and its podTemplate merged into the pod ECK builds (ECK adds the API's
//   certificate volume).
// Each result must hold the sidecar as a native sidecar reading Logstash's log file.
import { parse } from 'yaml';
import fs from 'fs';
import { StatefulSet } from 'kubernetes-models/apps/v1/StatefulSet';
import { Pod } from 'kubernetes-models/v1/Pod';
import { Logstash } from '@kubernetes-models/elastic-cloud/logstash.k8s.elastic.co/v1alpha1/Logstash';

const dir = process.argv[2];
const read = f => parse(fs.readFileSync(`${dir}/${f}`, 'utf8'));
let failed = false;
const check = (what, fn) => {
  try { fn(); console.log(`valid: ${what}`); } catch (e) { console.error(`${what}: ${e.message}`); failed = true; }
};

// Strategic merge patch semantics for the lists a pod has: merged by name, maps merged, the rest replaced.
const NAMED = new Set(['containers', 'initContainers', 'volumes', 'env', 'volumeMounts', 'ports']);
function merge(target, patch, key) {
  if (Array.isArray(patch) && NAMED.has(key) && Array.isArray(target)) {
    const out = target.map(x => ({ ...x }));
    for (const p of patch) {
      const i = out.findIndex(x => x.name === p.name || (key === 'volumeMounts' && x.mountPath === p.mountPath));
      if (i >= 0) out[i] = merge(out[i], p); else out.push(p);
    }
    return out;
  }
  if (patch && typeof patch === 'object' && !Array.isArray(patch) && target && typeof target === 'object') {
    const out = { ...target };
    for (const [k, v] of Object.entries(patch)) out[k] = k in out ? merge(out[k], v, k) : v;
    return out;
  }
  return patch;
}

function logstashStatefulSet() {
  return {
    apiVersion: 'apps/v1', kind: 'StatefulSet',
    metadata: { name: 'logstash', labels: { app: 'logstash' } },
    spec: {
      serviceName: 'logstash', replicas: 2, selector: { matchLabels: { app: 'logstash' } },
      template: {
        metadata: { labels: { app: 'logstash' } },
        spec: {
          securityContext: { fsGroup: 1000, runAsUser: 1000 },
          containers: [{
            name: 'logstash', image: 'docker.elastic.co/logstash/logstash:9.5.2',
            env: [{ name: 'LS_JAVA_OPTS', value: '-Xmx1g -Xms1g' }],
            ports: [{ name: 'http', containerPort: 9600 }],
            volumeMounts: [{ name: 'logstashpipeline', mountPath: '/usr/share/logstash/pipeline/logstash.conf', subPath: 'logstash.conf' }],
          }],
          volumes: [{ name: 'logstashpipeline', configMap: { name: 'logstash-pipeline' } }],
        },
      },
    },
  };
}

// The schemas accept any extra key (their objects are open) and any restartPolicy string: a typo such
// as `volumeMount:` or `restartPolicy: always` would pass them and be dropped or refused by the API
// server. Containers are held to the fields of the Kubernetes 1.29 API, and a native sidecar's
// restartPolicy to the one value it takes.
const CONTAINER_FIELDS = new Set(['name', 'image', 'command', 'args', 'workingDir', 'ports', 'envFrom', 'env',
  'resources', 'resizePolicy', 'restartPolicy', 'volumeMounts', 'volumeDevices', 'livenessProbe', 'readinessProbe',
  'startupProbe', 'lifecycle', 'terminationMessagePath', 'terminationMessagePolicy', 'imagePullPolicy',
  'securityContext', 'stdin', 'stdinOnce', 'tty']);
function strictContainers(pod) {
  for (const c of [...(pod.initContainers || []), ...pod.containers]) {
    const unknown = Object.keys(c).filter(k => !CONTAINER_FIELDS.has(k));
    if (unknown.length) throw new Error(`container ${c.name}: no such field ${unknown.join(', ')}`);
    if ('restartPolicy' in c && c.restartPolicy !== 'Always') throw new Error(`container ${c.name}: restartPolicy ${c.restartPolicy}`);
  }
}

// What every recipe must give: the sidecar restarting beside Logstash, both on one log volume,
// Logstash writing its log file there, the sidecar reading it read-only.
function holdsTheSidecar(pod) {
  strictContainers(pod);
  const sidecar = (pod.initContainers || []).find(c => c.name === 'status-sidecar');
  const logstash = pod.containers.find(c => c.name === 'logstash');
  if (!sidecar || sidecar.restartPolicy !== 'Always') throw new Error('no native sidecar (initContainers, restartPolicy: Always)');
  const env = (c, n) => ((c.env || []).find(e => e.name === n) || {}).value;
  if (env(logstash, 'LOG_STYLE') !== 'file') throw new Error('Logstash does not log to a file (LOG_STYLE=file)');
  const logPath = env(sidecar, 'LOGSTASH_LOG_PATH');
  const sidecarMount = sidecar.volumeMounts.find(m => logPath.startsWith(m.mountPath + '/'));
  if (!sidecarMount || !sidecarMount.readOnly) throw new Error(`LOGSTASH_LOG_PATH ${logPath} is not on a read-only mount`);
  const logstashMount = logstash.volumeMounts.find(m => m.name === sidecarMount.name);
  if (!logstashMount || logstashMount.mountPath !== '/usr/share/logstash/logs') throw new Error('Logstash does not write where the sidecar reads');
  if (!(pod.volumes || []).some(v => v.name === sidecarMount.name && v.emptyDir)) throw new Error('no emptyDir for the log');
  for (const p of ['startupProbe', 'livenessProbe', 'readinessProbe']) if (!sidecar[p]) throw new Error(`the sidecar has no ${p}`);
}

check('kubernetes-patch.yaml applied to a StatefulSet', () => {
  const merged = merge(logstashStatefulSet(), read('kubernetes-patch.yaml'));
  new StatefulSet(merged).validate();
  holdsTheSidecar(merged.spec.template.spec);
  fs.writeFileSync(`${process.argv[3]}/patched-statefulset.json`, JSON.stringify(merged, null, 2));
});

check('helm-values.yaml rendered as the chart does', () => {
  const v = read('helm-values.yaml');
  const sts = logstashStatefulSet();
  const pod = sts.spec.template.spec;
  pod.containers[0].env.push(...v.extraEnvs);
  pod.containers[0].volumeMounts.push(...v.extraVolumeMounts);
  pod.volumes.push(...v.extraVolumes);
  pod.initContainers = v.extraInitContainers;
  new StatefulSet(sts).validate();
  holdsTheSidecar(pod);
});

check('eck-logstash.yaml (ECK schema, and its pod)', () => {
  const ls = read('eck-logstash.yaml');
  new Logstash(ls).validate();
  const built = {
    containers: [{ name: 'logstash', image: `docker.elastic.co/logstash/logstash:${ls.spec.version}`,
      volumeMounts: [{ name: 'elastic-internal-http-certificates', mountPath: '/mnt/elastic-internal/http-certs', readOnly: true }] }],
    volumes: [{ name: 'elastic-internal-http-certificates', secret: { secretName: `${ls.metadata.name}-ls-http-certs-internal` } }],
  };
  const pod = merge(built, ls.spec.podTemplate.spec);
  new Pod({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'logstash-ls-0' }, spec: pod }).validate();
  holdsTheSidecar(pod);
  const sidecar = pod.initContainers[0];
  const ca = sidecar.env.find(e => e.name === 'QUARKUS_TLS_LOGSTASH_TRUST_STORE_PEM_CERTS').value;
  if (!sidecar.volumeMounts.some(m => ca.startsWith(m.mountPath + '/') && pod.volumes.some(v => v.name === m.name))) {
    throw new Error(`the CA ${ca} is on no volume of the pod`);
  }
});
check('kubernetes/logstash.yaml (the pod of its Deployment)', () => {
  const docs = fs.readFileSync(`${dir}/../kubernetes/logstash.yaml`, 'utf8').split(/^---$/m).map(d => parse(d));
  const deployment = docs.find(d => d && d.kind === 'Deployment');
  const pod = deployment.spec.template.spec;
  strictContainers(pod);
  if (!(pod.initContainers || []).some(c => c.name === 'status-sidecar' && c.restartPolicy === 'Always')) {
    throw new Error('the sidecar is not a native sidecar');
  }
});
process.exit(failed ? 1 : 0);
