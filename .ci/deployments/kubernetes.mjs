// Validates every document of the Kubernetes manifests given against the Kubernetes API schemas of
// kubernetes-models (generated from Kubernetes' OpenAPI definitions). Unknown kinds fail: a manifest
// this check cannot validate is not passed silently.
import { parseAllDocuments } from 'yaml';
import fs from 'fs';

const kinds = {
  'v1/ConfigMap': () => import('kubernetes-models/v1/ConfigMap').then(m => m.ConfigMap),
  'v1/Service': () => import('kubernetes-models/v1/Service').then(m => m.Service),
  'apps/v1/Deployment': () => import('kubernetes-models/apps/v1/Deployment').then(m => m.Deployment),
  'apps/v1/StatefulSet': () => import('kubernetes-models/apps/v1/StatefulSet').then(m => m.StatefulSet),
};
let failed = false;
for (const file of process.argv.slice(2)) {
  for (const doc of parseAllDocuments(fs.readFileSync(file, 'utf8'))) {
    if (doc.errors.length) { console.error(`${file}: YAML: ${doc.errors[0].message}`); failed = true; continue; }
    const o = doc.toJS();
    const key = `${o.apiVersion}/${o.kind}`;
    if (!kinds[key]) { console.error(`${file}: no schema here for ${key}`); failed = true; continue; }
    const Model = await kinds[key]();
    try {
      new Model(o).validate();
      console.log(`valid ${key} ${o.metadata.name} (${file})`);
    } catch (e) {
      console.error(`${file}: ${key} ${o.metadata && o.metadata.name}: ${e.message}`);
      failed = true;
    }
  }
}
process.exit(failed ? 1 : 0);
