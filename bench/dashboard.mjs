// Loads the dashboard RUNS times in fresh browser contexts (cold cache) and prints what it weighs
// and when live data, then the charts, first stood on the page (the page's own 'sidecar:first-render'
// 'sidecar:charts' and 'sidecar:graph' marks, in ms from the start of navigation). Used by bench/dashboard.sh.
import { chromium } from 'playwright-core';

const [url, runs = '20'] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
    '--no-first-run', '--disable-sync', '--disable-quic'],
});
const renders = [];
const charts = [];
const graphs = [];
let weight = null;
for (let i = 0; i < Number(runs); i++) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 1600 } });
  const page = await context.newPage();
  const hosts = new Set();
  page.on('request', r => hosts.add(new URL(r.url()).host || r.url().slice(0, 5)));
  await page.goto(url);
  await page.waitForFunction(() => performance.getEntriesByName('sidecar:charts').length > 0
    && performance.getEntriesByName('sidecar:first-render').length > 0
    && performance.getEntriesByName('sidecar:graph').length > 0, null, { timeout: 10000 });
  const m = await page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0];
    const res = performance.getEntriesByType('resource');
    return {
      render: performance.getEntriesByName('sidecar:first-render')[0].startTime,
      charts: performance.getEntriesByName('sidecar:charts')[0].startTime,
      graph: performance.getEntriesByName('sidecar:graph')[0].startTime,
      bytes: nav.transferSize + res.reduce((s, r) => s + r.transferSize, 0),
      decoded: nav.decodedBodySize + res.reduce((s, r) => s + r.decodedBodySize, 0),
      items: res.map(r => [new URL(r.name).pathname + new URL(r.name).search, r.transferSize]),
    };
  });
  renders.push(m.render);
  charts.push(m.charts);
  graphs.push(m.graph);
  if (i === 0) weight = { ...m, hosts: [...hosts] };
  await context.close();
}
await browser.close();
const summary = (name, values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const q = p => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))].toFixed(0);
  console.log(`${name} over ${values.length} cold loads: median ${q(0.5)} ms, p90 ${q(0.9)} ms, max ${q(1)} ms` +
    ` (in order: ${values.map(v => v.toFixed(0)).join(' ')})`);
};
console.log(`page weight: ${(weight.bytes / 1024).toFixed(1)} KB transferred (${(weight.decoded / 1024).toFixed(1)} KB decoded), ` +
  `${weight.items.length + 1} requests, hosts: ${weight.hosts.join(' ')}`);
for (const [path, size] of weight.items) console.log(`  ${String(size).padStart(7)}  ${path}`);
summary('first render of live data (health, node, tables)', renders);
summary('charts drawn', charts);
summary('pipeline graph drawn', graphs);
