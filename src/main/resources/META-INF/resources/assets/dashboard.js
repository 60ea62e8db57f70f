// The status sidecar's dashboard (SPEC §8). Everything shown comes from the sidecar's own JSON API
// and is put into the page as text nodes (never as markup): plugin ids, pipeline ids, reasons and
// Logstash's error messages are whatever Logstash or its configuration says.
(function () {
  'use strict';

  var REFRESH_MS = Number(document.body.dataset.refreshMs) || 5000;
  var RANGES = ['auto', '5m', '15m', '1h', '6h', '12h', '24h', '7d'];
  // "auto" spans the sidecar's whole history, at least a minute and at most an hour: a sidecar started
  // two minutes ago fills the width with its two minutes instead of a sliver at the right of an hour.
  // It is cut from the 1h answer, whose steps are the poll interval.
  var AUTO_MIN_SECONDS = 60;
  var RANGE_SECONDS = { '5m': 300, '15m': 900, '1h': 3600, '6h': 21600, '12h': 43200, '24h': 86400, '7d': 604800 };
  var RANGE_KEY = 'status-sidecar.range';
  var range = readRange();
  var charts = {};
  var timer = null;
  var historyInFlight = false;
  var chartsDrawn = false;

  var $ = function (id) { return document.getElementById(id); };

  // el('td', {className: 'num'}, 'text', childNode): an element whose string children are text.
  function el(tag, props) {
    var node = document.createElement(tag);
    if (props) {
      Object.keys(props).forEach(function (k) { node[k] = props[k]; });
    }
    for (var i = 2; i < arguments.length; i++) {
      var child = arguments[i];
      if (child === null || child === undefined) continue;
      node.appendChild(typeof child === 'object' ? child : document.createTextNode(String(child)));
    }
    return node;
  }

  function setText(id, value) { $(id).textContent = value; }

  // Numbers by hand: creating an Intl.NumberFormat costs a fresh page about 30 ms, a tenth of its budget.
  function grouped(digits) { return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ','); }
  function n(v) { return v === null || v === undefined ? '–' : (v < 0 ? '-' : '') + grouped(String(Math.round(Math.abs(v)))); }
  function d(v) {
    if (v === null || v === undefined) return '–';
    var fixed = Math.abs(v).toFixed(1).replace(/\.0$/, '').split('.');
    return (v < 0 && Number(fixed.join('.')) !== 0 ? '-' : '') + grouped(fixed[0]) + (fixed[1] ? '.' + fixed[1] : '');
  }
  function pct(v) { return v === null || v === undefined ? '–' : d(v) + ' %'; }
  function bytes(v) {
    if (v === null || v === undefined) return '–';
    var units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
    var i = 0;
    while (v >= 1024 && i < units.length - 1) { v /= 1024; i++; }
    return d(v) + ' ' + units[i];
  }
  function duration(ms) {
    if (ms === null || ms === undefined) return '–';
    var s = Math.floor(ms / 1000);
    var days = Math.floor(s / 86400), hours = Math.floor(s % 86400 / 3600), minutes = Math.floor(s % 3600 / 60);
    if (days > 0) return days + 'd ' + hours + 'h';
    if (hours > 0) return hours + 'h ' + minutes + 'm';
    if (minutes > 0) return minutes + 'm ' + (s % 60) + 's';
    return s + 's';
  }
  function flowNow(flow, name) {
    return flow && flow[name] && typeof flow[name].current === 'number' ? flow[name].current : null;
  }

  function readRange() {
    var fromHash = /(?:^#|&)range=([0-9a-z]+)/.exec(location.hash);
    var saved = fromHash ? fromHash[1] : null;
    try { saved = saved || localStorage.getItem(RANGE_KEY); } catch (e) { /* storage may be off */ }
    return RANGES.indexOf(saved) >= 0 ? saved : 'auto';
  }

  // {status, body}: the body parsed when it is JSON, else null; status 0 when the sidecar is unreachable.
  function getJson(path) {
    return fetch(path, { headers: { Accept: 'application/json' }, cache: 'no-store', credentials: 'same-origin' })
      .then(function (r) {
        return r.json().then(function (body) { return { status: r.status, body: body }; },
          function () { return { status: r.status, body: null }; });
      }, function () { return { status: 0, body: null }; });
  }

  // ---- health banner -------------------------------------------------------------------------

  function renderHealth(health, stats) {
    var banner = $('banner');
    var h = health.body;
    var s = stats.body;
    var status = h && h.status ? h.status : 'unknown';
    banner.className = 'banner ' + status;
    if (health.status === 0) {
      setText('status', 'Sidecar unreachable');
    } else if (!h || !h.status) {
      setText('status', 'Unknown (HTTP ' + health.status + ')');
    } else {
      setText('status', status.charAt(0).toUpperCase() + status.slice(1));
    }
    var reasons = (h && h.reasons) || [];
    $('reasons').replaceChildren.apply($('reasons'), reasons.map(function (r) {
      return el('li', { className: 'sev-' + r.severity },
        el('code', null, r.code), ' (' + r.severity + '): ', r.message);
    }));

    var unreachable = health.status === 0 || (h && h.logstash && h.logstash.reachable === false);
    var stale = unreachable || (s && s.stale === true) || stats.status === 0;
    $('stale').hidden = !stale;
    var lastError = s && s.lastError ? s.lastError : (s && s.error ? s.message : null);
    if (health.status === 0) lastError = 'the sidecar did not answer; showing what it last said';
    $('last-error').hidden = !(stale && lastError);
    $('last-error').textContent = stale && lastError
      ? 'Last error: ' + lastError + (s && s.collectedAt ? ' (data from ' + new Date(s.collectedAt).toLocaleString() + ')' : '')
      : '';
  }

  // SPEC §15: the last notification that failed, and whether one went through since.
  function renderNotifyFailure(nf) {
    var f = nf && nf.lastFailure;
    $('notify-failure').hidden = !f;
    if (!f) return;
    var at = function (a) { return new Date(a.at).toLocaleString(); };
    var sentSince = nf.lastSent && Date.parse(nf.lastSent.at) > Date.parse(f.at);
    $('notify-failure').textContent = 'Notification failed: ' + f.event.replace('_', ' ') + ' (' + f.status + ') to '
      + nf.target + ' at ' + at(f) + ': ' + f.detail
      + (sentSince ? '; one was delivered since, at ' + at(nf.lastSent)
        : f.retryInSeconds ? '; trying again in ' + f.retryInSeconds + ' s' : '; given up');
  }

  // ---- node summary and gauges ---------------------------------------------------------------

  function renderStats(s) {
    if (!s || !s.node) return;
    var pipelines = (s.pipelines || []).filter(function (p) { return !p.system; });
    var name = s.node.name || s.node.host || '';
    setText('node-name', name + (s.node.host && s.node.host !== name ? ' on ' + s.node.host : ''));
    document.title = (name ? name + ' · ' : '') + 'Logstash status';
    setText('node-version', (s.node.version || '–') + (s.node.status ? ' · ' + s.node.status : ''));
    setText('node-uptime', duration(s.node.uptimeMillis));
    setText('node-pipelines', String(pipelines.length));
    setText('node-workers', n(pipelines.reduce(function (sum, p) { return sum + (p.workers || 0); }, 0)));
    setText('node-events', s.events ? n(s.events.in) + ' / ' + n(s.events.out) : '–');
    var heap = s.jvm ? s.jvm.heapUsedPercent : null;
    setText('jvm-heap', s.jvm ? pct(heap) + ' of ' + bytes(s.jvm.heapMaxBytes) : '–');
    $('jvm-heap-meter').value = heap || 0;
    var cpu = s.process ? s.process.cpuPercent : null;
    setText('process-cpu', pct(cpu));
    $('process-cpu-meter').value = cpu || 0;
    setText('process-files', (s.jvm ? n(s.jvm.threads) : '–') + ' / '
      + (s.process ? n(s.process.openFileDescriptors) + ' of ' + n(s.process.maxFileDescriptors) : '–'));
    renderNotifyFailure(s.notifications);
    renderLogTypes(s);
    lastStatsAt = s.collectedAt;
    lastPipelines = pipelines;
    renderPipelines(pipelines);
  }

  function renderLogTypes(s) {
    var profile = s.logProfile || {};
    setText('log-profile', 'LOG_PROFILE=' + (profile.value || '?')
      + (profile.valid === false ? ' is not a known profile: Logstash forwards nothing' : ''));
    var rows = (s.logTypes || []).map(function (t) {
      var mark;
      if (!t.inProfile) {
        mark = el('span', { className: 'tag not-in-profile' }, 'not in profile');
      } else if (t.events > 0 && !t.forwarded) {
        mark = el('span', { className: 'tag not-forwarded' }, 'not forwarded');
      } else {
        mark = el('span', { className: 'tag forwarded' }, 'forwarded');
      }
      var row = el('tr', null, cell('Type', null, t.type), cell('Events', 'num', n(t.events)),
        cell('Forwarded', 'num', n(t.forwarded)), cell('Profile', null, mark));
      if (!t.inProfile) row.className = 'not-in-profile';
      row.dataset.logType = t.type;
      return row;
    });
    var body = $('logtypes').tBodies[0];
    body.replaceChildren.apply(body, rows);
  }

  // "grok @ main.conf:42": where a plugin is defined says more than a generated id (SPEC §13).
  function pluginName(pl) {
    var s = pl.source;
    if (!s || !s.file) return cell('Name', 'plugin-name', pl.name);
    var where = s.file.split('/').pop() + (s.line ? ':' + s.line : '');
    var td = cell('Name', 'plugin-name', (s.configName || pl.name) + ' @ ' + where);
    td.title = s.file + (s.line ? ':' + s.line + (s.column ? ':' + s.column : '') : '');
    return td;
  }

  // A cell with its column's name, which the phone layout shows beside the value.
  function cell(label, className, content) {
    var td = el('td', className ? { className: className } : null, content);
    td.dataset.label = label;
    return td;
  }

  // Logstash names a plugin without an id by a 64-character hash; its start and the source location
  // (the Name column) say more, and the whole id stays in the tooltip and in /api/stats.
  function pluginId(id) {
    var td = cell('Plugin id', 'plugin-id', /^[0-9a-f]{32,}$/.test(id) ? id.slice(0, 8) + '…' : id);
    td.title = id;
    return td;
  }

  // Logstash 9.2+: how full the workers' batches are, against pipeline.batch.size (SPEC §14). Mostly
  // empty batches mean Logstash waits for data; full ones with busy workers, that the work is the limit.
  function batchFact(p) {
    var ev = p.batch && p.batch.events;
    if (!ev) return null;
    var avg = ev.average || {};
    var window = avg.last1Minute != null ? ['last1Minute', 'last minute'] : avg.lifetime != null ? ['lifetime', 'since start'] : null;
    var fill = window ? avg[window[0]] : ev.current;
    if (fill == null) return null;
    var size = p.batch.bytes && p.batch.bytes.average && window ? p.batch.bytes.average[window[0]] : null;
    return 'batches ' + n(Math.round(fill)) + (p.batchSize ? ' of ' + p.batchSize : '') + ' events'
      + (size != null ? ', ' + bytes(size) : '') + (window ? ' on average (' + window[1] + ')' : ' now');
  }

  // An output's own delivery counters since it started (the elasticsearch output's bulk_requests and
  // documents, SPEC §14); the health reasons say what failed within the last 5 minutes.
  function deliveryFact(pl) {
    var text = deliveryText(pl);
    if (!text) return null;
    var b = pl.bulkRequests, dc = pl.documents;
    var bad = b && (b.withErrors || b.failures) || dc && (dc.retryableFailures || dc.nonRetryableFailures || dc.dlqRouted);
    var p = el('p', { className: 'delivery' + (bad ? ' failing' : '') }, el('strong', null, pl.id), ' – ' + text);
    p.dataset.pluginId = pl.id;
    return p;
  }

  function deliveryText(pl) {
    var b = pl.bulkRequests, dc = pl.documents, parts = [];
    if (b) {
      var codes = Object.keys(b.responses || {}).filter(function (c) { return c.charAt(0) !== '2'; })
        .map(function (c) { return c + ' ×' + n(b.responses[c]); });
      parts.push('bulk requests ' + n(b.successes || 0) + ' ok'
        + (b.withErrors ? ', ' + n(b.withErrors) + ' with document errors' : '')
        + (b.failures ? ', ' + n(b.failures) + ' refused or unanswered' : '')
        + (codes.length ? ' (HTTP ' + codes.join(', ') + ')' : ''));
    }
    if (dc) {
      parts.push('documents ' + n(dc.successes || 0) + ' indexed'
        + (dc.retryableFailures ? ', ' + n(dc.retryableFailures) + ' retried' : '')
        + (dc.nonRetryableFailures ? ', ' + n(dc.nonRetryableFailures) + ' rejected for good' : '')
        + (dc.dlqRouted ? ', ' + n(dc.dlqRouted) + ' to the dead-letter path' : ''));
    }
    return parts.length ? parts.join('; ') + ' since start' : null;
  }

  // ---- pipeline view (SPEC §8) -----------------------------------------------------------------

  var graphs = {};       // pipeline id -> its graph, as /api/pipelines/graph last said
  var graphTag = null;   // that answer's ETag: asked again with If-None-Match, mostly a 304
  var graphViews = {};   // pipeline id -> {graph, view}
  var lastStatsAt = null, lastPipelines = null, waitingForView = false;
  var rates = {};        // pipeline id -> plugin id -> events per second between the last two polls
  var lastCounts = null; // {at, counts: pipeline id -> plugin id -> events}

  function loadGraphs() {
    var headers = { Accept: 'application/json' };
    if (graphTag) headers['If-None-Match'] = graphTag;
    return fetch('/api/pipelines/graph', { headers: headers, cache: 'no-store', credentials: 'same-origin' }).then(function (r) {
      if (r.status !== 200) return false;
      graphTag = r.headers.get('ETag');
      return r.json().then(function (body) {
        graphs = {};
        (body.pipelines || []).forEach(function (g) { graphs[g.pipeline] = g; });
        return true;
      });
    }).catch(function () { return false; });
  }

  // Events per second per plugin from the counters of two polls (an input's out, the others' in).
  function updateRates(s) {
    var at = Date.parse(s.collectedAt);
    if (lastCounts && lastCounts.at === at) return;
    var counts = {};
    (s.pipelines || []).forEach(function (p) {
      counts[p.id] = {};
      (p.plugins || []).forEach(function (pl) {
        var ev = pl.events || {};
        counts[p.id][pl.id] = pl.type === 'input' ? ev.out : ev.in;
      });
    });
    rates = {};
    if (lastCounts && at > lastCounts.at) {
      var seconds = (at - lastCounts.at) / 1000;
      Object.keys(counts).forEach(function (pid) {
        rates[pid] = {};
        Object.keys(counts[pid]).forEach(function (id) {
          var was = (lastCounts.counts[pid] || {})[id], now = counts[pid][id];
          rates[pid][id] = typeof was === 'number' && typeof now === 'number' && now >= was ? (now - was) / seconds : null;
        });
      });
    }
    lastCounts = { at: at, counts: counts };
  }

  // Pipeline-to-pipeline: which pipeline input listens on each address, and who sends to it.
  function links(pipelines) {
    var listeners = {}, senders = {};
    pipelines.forEach(function (p) {
      (p.plugins || []).forEach(function (pl) {
        if (pl.address) listeners[pl.address] = { pipeline: p.id, vertex: pl.id };
        (pl.sendTo || []).forEach(function (a) { (senders[a] = senders[a] || []).push({ pipeline: p.id, vertex: pl.id }); });
      });
    });
    return { listeners: listeners, senders: senders };
  }

  function figures(p, joined) {
    var out = {}, b = p.bottleneck;
    (p.plugins || []).forEach(function (pl) {
      var link = null;
      (pl.sendTo || []).some(function (a) {
        var t = joined.listeners[a];
        if (t && t.pipeline !== p.id) link = { label: '→ pipeline ' + t.pipeline, pipeline: t.pipeline, vertex: t.vertex };
        return link;
      });
      var from = pl.address ? (joined.senders[pl.address] || []).filter(function (x) { return x.pipeline !== p.id; }) : [];
      if (!link && from.length) {
        link = { label: '← pipeline ' + from.map(function (x) { return x.pipeline; }).join(', '), pipeline: from[0].pipeline,
          vertex: from[0].vertex };
      }
      out[pl.id] = {
        rate: pl.type === 'input' && flowNow(pl.flow, 'throughput') !== null ? flowNow(pl.flow, 'throughput')
          : (rates[p.id] || {})[pl.id],
        ms: flowNow(pl.flow, 'workerMillisPerEvent'),
        utilization: flowNow(pl.flow, 'workerUtilization'),
        bottleneck: b && b.pluginId === pl.id ? b.stage + ': ' + b.evidence : null,
        link: link,
        plugin: pl,
        delivery: deliveryText(pl)
      };
    });
    return out;
  }

  function graphElement(p, joined) {
    var g = graphs[p.id];
    if (!g) return null;
    if (!window.PipelineView) {
      // Its script comes after this one's first requests; every deferred script has run by DOMContentLoaded.
      if (document.readyState === 'loading' && !waitingForView) {
        waitingForView = true;
        document.addEventListener('DOMContentLoaded', function () { if (lastPipelines) renderPipelines(lastPipelines); }, { once: true });
      }
      return null;
    }
    if (g.tooLarge) {
      return el('p', { className: 'note graph-note' }, 'The graph of this pipeline is too large to draw here (over 2,000 vertices or 4,000 edges).');
    }
    var cached = graphViews[p.id];
    if (!cached || cached.graph !== g) {
      cached = { graph: g, view: new window.PipelineView(g, { onLink: followLink }) };
      cached.view.element.dataset.pipelineId = p.id;
      graphViews[p.id] = cached;
      // bench/dashboard.sh reads this too: when the first pipeline graph stood on the page.
      if (performance.mark && !performance.getEntriesByName('sidecar:graph').length) performance.mark('sidecar:graph');
    }
    cached.view.update(figures(p, joined));
    return cached.view.element;
  }

  function followLink(target) {
    var cached = graphViews[target.pipeline];
    if (cached) cached.view.focus(target.vertex);
  }

  function renderPipelines(pipelines) {
    updateRates({ collectedAt: lastStatsAt, pipelines: pipelines });
    var joined = links(pipelines);
    // Moving a view to its pipeline's new block resets its scrolling: kept and put back.
    var scrolled = {};
    var shown = {};
    pipelines.forEach(function (p) { shown[p.id] = true; });
    Object.keys(graphViews).forEach(function (id) { if (!shown[id]) delete graphViews[id]; }); // a pipeline removed
    Object.keys(graphViews).forEach(function (id) {
      var sc = graphViews[id].view.scroller;
      scrolled[id] = [sc.scrollLeft, sc.scrollTop];
    });
    var blocks = pipelines.map(function (p) {
      var util = flowNow(p.flow, 'workerUtilization');
      var q = p.queue || {};
      var facts = [(p.workers == null ? '–' : p.workers) + ' workers', 'batch ' + (p.batchSize == null ? '–' : p.batchSize),
        'in ' + n(p.events && p.events.in), 'out ' + n(p.events && p.events.out),
        'worker utilization ' + pct(util), 'queue ' + (q.type || '–') + ' ' + n(q.events) + ' events'
          + (q.maxSizeBytes ? ', ' + bytes(q.sizeBytes) + ' of ' + bytes(q.maxSizeBytes) : '')];
      if (p.reloads && p.reloads.failures) facts.push(p.reloads.failures + ' reload failures');
      var batch = batchFact(p);
      if (batch) facts.push(batch);
      var rows = (p.plugins || []).map(function (pl) {
        var ev = pl.events || {};
        var row = el('tr', null,
          pluginId(pl.id), pluginName(pl), cell('Type', 'plugin-type', pl.type), cell('Log type', 'plugin-log-type', pl.logType),
          cell('In', 'num', n(ev.in)), cell('Out', 'num', n(ev.out)),
          cell('Worker util.', 'num', pct(flowNow(pl.flow, 'workerUtilization'))),
          cell('ms / event', 'num', d(flowNow(pl.flow, 'workerMillisPerEvent'))));
        row.dataset.pluginId = pl.id;
        return row;
      });
      var table = el('table', { className: 'plugins' },
        el('thead', null, el('tr', null, el('th', null, 'Plugin id'), el('th', null, 'Name'), el('th', null, 'Type'),
          el('th', null, 'Log type'), el('th', { className: 'num' }, 'In'), el('th', { className: 'num' }, 'Out'),
          el('th', { className: 'num' }, 'Worker util.'), el('th', { className: 'num' }, 'ms / event'))),
        el('tbody', null));
      table.tBodies[0].replaceChildren.apply(table.tBodies[0], rows);
      var b = p.bottleneck;
      var bottleneck = b ? el('p', { className: 'bottleneck stage-' + b.stage },
        el('strong', null, 'Bottleneck: ' + b.stage + (b.pipeline ? ' pipeline ' + b.pipeline + ' via' : '')
          + (b.pluginId ? ' ' + b.pluginId : '')), ' – ' + b.evidence) : null;
      var delivery = (p.plugins || []).map(deliveryFact).filter(function (x) { return x; });
      var block = el('div', { className: 'pipeline' }, el('h3', null, p.id), el('p', { className: 'facts' }, facts.join(' · ')),
        bottleneck);
      delivery.forEach(function (x) { block.appendChild(x); });
      var graph = graphElement(p, joined);
      if (graph) block.appendChild(graph);
      block.appendChild(el('div', { className: 'scroll' }, table));
      block.dataset.pipelineId = p.id;
      return block;
    });
    if (blocks.length === 0) blocks = [el('p', { className: 'note' }, 'No pipeline reported.')];
    $('pipelines').replaceChildren.apply($('pipelines'), blocks);
    Object.keys(scrolled).forEach(function (id) {
      var sc = graphViews[id].view.scroller;
      sc.scrollLeft = scrolled[id][0];
      sc.scrollTop = scrolled[id][1];
    });
  }

  // ---- charts --------------------------------------------------------------------------------

  function color(i) {
    return getComputedStyle(document.documentElement).getPropertyValue('--c' + (i % 10 + 1)).trim();
  }
  function cssVar(name) { return getComputedStyle(document.documentElement).getPropertyValue(name).trim(); }

  // Deltas per step become rates per second; gauges are drawn as they are.
  function perSecond(values, step) {
    return values.map(function (v) { return v === null ? null : v / step; });
  }

  // The seconds drawn: the range chosen, or for "auto" the span of the samples, from 1 minute to 1 hour.
  function shownSeconds(h) {
    if (range !== 'auto') return RANGE_SECONDS[range];
    var first = null;
    var names = Object.keys(h.series);
    for (var i = 0; i < h.timestamps.length && first === null; i++) {
      for (var k = 0; k < names.length; k++) {
        if (h.series[names[k]][i] !== null) { first = h.timestamps[i]; break; }
      }
    }
    var span = first === null ? 0 : (h.timestamps[h.timestamps.length - 1] - first) / 1000;
    return Math.min(RANGE_SECONDS['1h'], Math.max(AUTO_MIN_SECONDS, span));
  }

  // The last `seconds` of a poll-step answer (auto's 5m and 15m are cut from the 1h one).
  function lastSeconds(h, seconds) {
    var step = h.stepSeconds || 1;
    var keep = Math.min(h.timestamps.length, Math.ceil(seconds / step) + 1);
    var cut = function (a) { return a.slice(a.length - keep); };
    var series = {}, types = {};
    Object.keys(h.series).forEach(function (k) { series[k] = cut(h.series[k]); });
    Object.keys(h.logTypes || {}).forEach(function (k) { types[k] = cut(h.logTypes[k]); });
    return { stepSeconds: step, timestamps: cut(h.timestamps), series: series, logTypes: types };
  }

  function chartSpecs(h) {
    var step = h.stepSeconds || 1;
    var x = h.timestamps.map(function (t) { return t / 1000; });
    var s = h.series;
    var types = Object.keys(h.logTypes || {});
    return {
      'chart-events': { x: x, series: [['in', perSecond(s.eventsIn, step)], ['filtered', perSecond(s.eventsFiltered, step)],
        ['out', perSecond(s.eventsOut, step)]] },
      'chart-logtypes': { x: x, series: types.map(function (t) { return [t, perSecond(h.logTypes[t], step)]; }) },
      'chart-jvm': { x: x, series: [['heap %', s.heapUsedPercent], ['CPU %', s.cpuPercent]] },
      'chart-workers': { x: x, series: [['worker utilization %', s.workerUtilization], ['queued events', s.queueEvents]],
        twoScales: true }
    };
  }

  function pad2(v) { return v < 10 ? '0' + v : String(v); }
  // Short 24-hour labels: seconds only where the ticks are seconds apart, and the date at midnight.
  function timeLabels(u, splits, axisIdx, foundSpace, foundIncr) {
    return splits.map(function (t) {
      var dt = new Date(t * 1000);
      var hm = pad2(dt.getHours()) + ':' + pad2(dt.getMinutes());
      if (foundIncr < 60) return hm + ':' + pad2(dt.getSeconds());
      if (hm === '00:00' && foundIncr >= 3600) return (dt.getMonth() + 1) + '/' + dt.getDate();
      return hm;
    });
  }
  // A flat line at the maximum would lie on the top border: a tenth of headroom above the data.
  function headroom(u, min, max) { return [0, Math.max(1, max) * 1.1]; }

  function chartWidth(box) { return Math.max(120, box.clientWidth); }

  function makeChart(id, spec, seconds) {
    var box = $(id);
    box.replaceChildren();
    var axis = { stroke: cssVar('--muted'), grid: { stroke: cssVar('--grid'), width: 1 }, ticks: { stroke: cssVar('--grid') } };
    var series = [{}].concat(spec.series.map(function (s, i) {
      return { label: s[0], stroke: color(i), width: 1.5, spanGaps: false, scale: spec.twoScales && i === 1 ? 'count' : 'y',
        value: function (u, v) { return v === null || v === undefined ? '–' : d(v); } };
    }));
    var narrow = chartWidth(box) < 420;
    var chart = { seconds: seconds, width: chartWidth(box), labels: spec.series.map(function (s) { return s[0]; }).join('\u0000') };
    var axes = [Object.assign({ space: narrow ? 70 : 90, values: timeLabels }, axis),
      Object.assign({ scale: 'y', size: narrow ? 44 : 56 }, axis)];
    if (spec.twoScales) axes.push(Object.assign({ scale: 'count', side: 1, size: narrow ? 44 : 56 }, axis, { grid: { show: false } }));
    var opts = {
      width: chartWidth(box), height: narrow ? 180 : 200, series: series, axes: axes,
      // Room at the right for the newest time label, which is centred on the right edge.
      padding: [10, spec.twoScales ? 8 : 30, 0, 0],
      // The x axis spans the range shown, ending at the newest step.
      scales: { x: { time: true, range: function (u, min, max) { return [max - chart.seconds, max]; } }, y: { range: headroom },
        count: { range: headroom } },
      cursor: { drag: { x: false, y: false } }, legend: { live: true }
    };
    var data = [spec.x].concat(spec.series.map(function (s) { return s[1]; }));
    chart.plot = new uPlot(opts, data, box);
    box.uplot = chart.plot; // the browser tests read the drawn scales and axis labels from it
    return chart;
  }

  // A chart follows its box: a scrollbar that appears once the data arrives, a window narrowed or a
  // phone turned all change the width, and the canvas is redrawn to it before the next paint.
  var resizer = window.ResizeObserver ? new ResizeObserver(function (entries) {
    entries.forEach(function (e) {
      var chart = charts[e.target.id];
      var width = chartWidth(e.target);
      if (chart && chart.width !== width) {
        chart.width = width;
        chart.plot.setSize({ width: width, height: chart.plot.height });
      }
    });
  }) : null;

  // The page asks for its data while the chart library is still being parsed (it comes after this
  // script); the first history waits for it.
  function chartLibrary() {
    return new Promise(function (resolve) {
      if (window.uPlot) resolve();
      else window.addEventListener('DOMContentLoaded', function () { resolve(); }, { once: true });
    });
  }

  function renderHistory(answer) {
    if (!answer || !answer.timestamps) return;
    var seconds = shownSeconds(answer);
    var h = range === 'auto' ? lastSeconds(answer, seconds) : answer;
    setText('range-note', range === 'auto' ? (seconds >= RANGE_SECONDS['1h'] ? '(last hour)'
      : '(since the sidecar started, ' + duration(seconds * 1000) + ')') : '');
    var specs = chartSpecs(h);
    Object.keys(specs).forEach(function (id) {
      var spec = specs[id];
      var labels = spec.series.map(function (s) { return s[0]; }).join('\u0000');
      if (spec.series.length === 0) {
        if (charts[id]) { charts[id].plot.destroy(); delete charts[id]; }
        $(id).replaceChildren(el('p', { className: 'empty' }, 'No data yet.'));
        return;
      }
      if (!charts[id] || charts[id].labels !== labels) {
        if (charts[id]) charts[id].plot.destroy();
        charts[id] = makeChart(id, spec, seconds);
        if (resizer) resizer.observe($(id));
      } else {
        charts[id].seconds = seconds; // an auto span that grew, or another range chosen
        charts[id].plot.setData([spec.x].concat(spec.series.map(function (s) { return s[1]; })));
      }
    });
  }

  function redrawCharts() {
    Object.keys(charts).forEach(function (id) { charts[id].plot.destroy(); delete charts[id]; });
    loadHistory();
  }

  function loadHistory() {
    if (historyInFlight) return Promise.resolve();
    historyInFlight = true;
    var asked = range === 'auto' ? '1h' : range;
    return getJson('/api/history?range=' + encodeURIComponent(asked)).then(function (r) {
      historyInFlight = false;
      if (r.status === 200) return chartLibrary().then(function () { renderHistory(r.body); });
    });
  }

  function selectRange(next) {
    range = next;
    try { localStorage.setItem(RANGE_KEY, range); } catch (e) { /* storage may be off */ }
    Array.prototype.forEach.call($('ranges').querySelectorAll('button'), function (b) {
      b.setAttribute('aria-pressed', String(b.dataset.range === range));
    });
    loadHistory();
  }

  // ---- downloads -----------------------------------------------------------------------------

  // Download Logs and Support Bundle are fetched first, so that a refusal (no log file, a bundle
  // already being built, 401) shows the sidecar's JSON message here instead of a broken file.
  function download(e) {
    var link = e.currentTarget;
    e.preventDefault();
    if (link.getAttribute('aria-busy') === 'true') return;
    link.setAttribute('aria-busy', 'true');
    $('action-error').hidden = true;
    fetch(link.href, { cache: 'no-store', credentials: 'same-origin' }).then(function (r) {
      if (!r.ok) {
        return r.json().then(function (b) { return b && b.message ? b.message : 'HTTP ' + r.status; },
          function () { return 'HTTP ' + r.status; }).then(function (message) {
          $('action-error').textContent = link.textContent + ' failed: ' + message;
          $('action-error').hidden = false;
        });
      }
      var name = /filename="([^"]+)"/.exec(r.headers.get('Content-Disposition') || '');
      return r.blob().then(function (blob) {
        var a = el('a', { href: URL.createObjectURL(blob), download: name ? name[1] : 'download' });
        document.body.appendChild(a);
        a.click();
        a.remove();
        setTimeout(function () { URL.revokeObjectURL(a.href); }, 60000);
      });
    }, function () {
      $('action-error').textContent = link.textContent + ' failed: the sidecar did not answer';
      $('action-error').hidden = false;
    }).then(function () { link.removeAttribute('aria-busy'); });
  }

  // ---- hot threads ---------------------------------------------------------------------------

  // The CPU each thread used within the window (SPEC §13), not Logstash's since-start figure.
  function loadHotThreads() {
    var button = $('hot-threads-button');
    var panel = $('hot-threads-panel');
    var span = $('hot-threads-window').value;
    button.disabled = true;
    panel.hidden = false;
    setText('hot-threads-note', 'Sampling Logstash\'s threads for ' + span + '…');
    setText('hot-threads', '');
    getJson('/api/hot-threads?window=' + encodeURIComponent(span) + '&threads=10&stacktrace_size=15').then(function (r) {
      var h = r.body;
      if (r.status !== 200 || !h || !h.threads) {
        setText('hot-threads-note', 'Not available (HTTP ' + r.status + '): ' + (h && h.message ? h.message : 'no answer'));
        return;
      }
      setText('hot-threads-note', 'CPU within ' + d(h.windowMillis / 1000) + ' s, 100 % = one core, busiest first; exact to ±'
        + d(h.resolutionPercent) + ' % (Logstash\'s own figure covers each thread since Logstash started). Taken '
        + new Date().toLocaleTimeString());
      var text = h.threads.map(function (t) {
        return pad(d(t.cpuPercent) + ' %', 8) + ' of a core  ' + t.name + '  ' + (t.state || '') + '  (id ' + t.id
          + '; Logstash since start: ' + d(t.lifetimePercent) + ' %)\n' + (t.traces || []).map(function (l) { return '    ' + l; }).join('\n');
      }).join('\n\n');
      setText('hot-threads', text || 'No thread was sampled twice.');
    }).then(function () { button.disabled = false; panel.scrollIntoView({ block: 'nearest' }); });
  }

  function pad(s, n) { return s.length >= n ? s : new Array(n - s.length + 1).join(' ') + s; }

  // ---- refresh loop --------------------------------------------------------------------------

  // Health and stats are drawn as soon as they arrive; the charts follow when the history does, so a
  // slow history never holds back the status.
  function refresh() {
    clearTimeout(timer);
    // Asked beside the stats; drawn once both are in (an unchanged graph is a 304 and nothing to draw).
    var graphsLoaded = loadGraphs();
    var status = Promise.all([getJson('/api/health'), getJson('/api/stats')]).then(function (r) {
      renderHealth(r[0], r[1]);
      if (r[1].status === 200) renderStats(r[1].body);
      graphsLoaded.then(function (changed) { if (changed && lastPipelines) renderPipelines(lastPipelines); });
      var refreshed = Number(document.body.dataset.refreshed || 0) + 1;
      document.body.dataset.refreshed = String(refreshed);
      // bench/dashboard.sh reads these: when live data, and then the charts, first stood on the page.
      if (refreshed === 1 && performance.mark) performance.mark('sidecar:first-render');
      setText('updated', 'Updated ' + new Date().toLocaleTimeString() + ', every ' + Math.round(REFRESH_MS / 1000) + ' s');
    });
    var history = loadHistory().then(function () {
      if (!chartsDrawn && Object.keys(charts).length > 0) {
        chartsDrawn = true;
        if (performance.mark) performance.mark('sidecar:charts');
      }
    });
    return Promise.all([status, history]).catch(function (e) {
      setText('updated', 'Could not draw the page: ' + e.message);
    }).then(function () {
      if (!document.hidden) timer = setTimeout(refresh, REFRESH_MS);
    });
  }

  function start() {
    $('ranges').addEventListener('click', function (e) {
      var b = e.target.closest('button[data-range]');
      if (b) selectRange(b.dataset.range);
    });
    $('hot-threads-button').addEventListener('click', loadHotThreads);
    document.addEventListener('visibilitychange', function () { if (!document.hidden) refresh(); });
    if (window.matchMedia) {
      window.matchMedia('(prefers-color-scheme: dark)').addEventListener('change', redrawCharts);
    }
    Array.prototype.forEach.call(document.querySelectorAll('a.download'), function (a) {
      a.addEventListener('click', download);
    });
    Array.prototype.forEach.call($('ranges').querySelectorAll('button'), function (b) {
      b.setAttribute('aria-pressed', String(b.dataset.range === range));
    });
    refresh();
  }

  start();
}());
