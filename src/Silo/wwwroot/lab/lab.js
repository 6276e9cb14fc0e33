// The lab page. Everything it shows or does goes through the documented admin API; charts are plain SVG
// drawn by the few functions at the end, so the page needs no library and no build step.

const TOKEN_KEY = 'ratelimiter-lab-admin-token';
const POLL_MS = 1000;
const CONFIG_REFRESH_MS = 5000;
const HISTORY_POINTS = 60;
const MAX_REQUESTS = { burst: 10000, compare: 2500 };
const MAX_CONCURRENCY = 500;
const SILO_COLORS = ['var(--silo-1)', 'var(--silo-2)', 'var(--silo-3)'];
const siloColors = new Map();
const WHY = {
  local: 'each silo counts alone: about 3 × the limit',
  grain: 'one activation per client, one turn at a time: exact',
  redis_naive: 'count, then write, in separate round trips: races',
  redis_atomic: 'count and write in one Lua script: exact',
};

const $ = (selector, root = document) => root.querySelector(selector);
const $$ = (selector, root = document) => [...root.querySelectorAll(selector)];

/** An answer other than 2xx, carrying the API's JSON error: { error, field, message }. */
class ApiError extends Error {
  constructor(status, body) {
    super(body.message ?? `HTTP ${status}`);
    this.status = status;
    this.field = body.field ?? 'body';
    this.code = body.error ?? `http_${status}`;
  }

  toString() { return `${this.field}: ${this.message}`; }
}

async function api(path, { method = 'GET', body } = {}) {
  const headers = {};
  const token = sessionStorage.getItem(TOKEN_KEY);
  if (token) headers['X-Admin-Token'] = token;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let response;
  try {
    response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch {
    throw new ApiError(0, { error: 'network', field: 'network', message: 'no answer: is the lab running?' });
  }
  const text = await response.text();
  let json = null;
  try { json = JSON.parse(text); } catch { /* nginx or a dying silo can answer with plain text */ }
  if (response.status === 401) askForToken(json?.message);
  if (!response.ok) {
    throw new ApiError(response.status, json ?? { error: `http_${response.status}`, field: 'body', message: text.slice(0, 200) || response.statusText });
  }
  return json;
}

// ---- admin token -------------------------------------------------------------------------------------------

function askForToken(message) {
  const form = $('#token-form');
  const wasHidden = form.hidden;
  form.hidden = false;
  $('#token-error').textContent = sessionStorage.getItem(TOKEN_KEY) ? 'That token was refused.' : (message ?? '');
  if (wasHidden) $('#token-input').focus();
}

$('#token-form').addEventListener('submit', event => {
  event.preventDefault();
  sessionStorage.setItem(TOKEN_KEY, $('#token-input').value);
  $('#token-form').hidden = true;
  $('#token-error').textContent = '';
  refreshConfiguration();
});

// ---- errors next to the field they name --------------------------------------------------------------------

function clearErrors(...scopes) {
  for (const scope of scopes) {
    for (const element of $$(`[data-error-for="${scope}"]`)) element.textContent = '';
  }
  for (const input of $$('[aria-invalid="true"]')) input.removeAttribute('aria-invalid');
}

/** Shows an error beside its field when the page has one of that name, otherwise beside the action. */
function showError(error, fallback, form) {
  const target = $(`[data-error-for="${error.field}"]`) && !form ? error.field : fallback;
  $(`[data-error-for="${target}"]`).textContent = error.toString();
  const input = form?.elements.namedItem(error.field) ?? (!form ? $(`#config-form [name="${error.field}"]`) : null);
  if (input) input.setAttribute('aria-invalid', 'true');
}

// ---- the cluster, live ---------------------------------------------------------------------------------------

const siloHistory = new Map();
const seenDown = new Set();
const BACK_NOTE_SECONDS = 60;

async function pollCluster() {
  try {
    renderCluster(await api('/admin/cluster'));
  } catch (error) {
    $('#served-by').textContent = `cluster view: ${error}`;
  } finally {
    setTimeout(pollCluster, POLL_MS);
  }
}

function renderCluster(cluster) {
  $('#served-by').textContent = `This view was answered by ${cluster.instance}.`;
  const cards = $('#silos');
  const now = performance.now();
  const notes = [];
  for (const silo of cluster.silos) {
    siloColor(silo.name);
    const card = cardFor(cards, `silo-${silo.name}`);
    card.dataset.silo = silo.name;
    card.dataset.health = silo.health;
    const rates = recordRates(silo, now);
    if (silo.health === 'down') {
      seenDown.add(silo.name);
      notes.push(`${silo.name} is down (${silo.membership === 'dead' ? 'declared dead by the cluster' : 'not answering'}). ./lab up starts it again; this page notices by itself.`);
    } else if (silo.health === 'up' && seenDown.has(silo.name)) {
      notes.push(`${silo.name} is back: up ${formatSeconds(silo.uptime_seconds)}.`);
      if (silo.uptime_seconds > BACK_NOTE_SECONDS) seenDown.delete(silo.name);
    }
    card.replaceChildren(
      h('h3', {}, silo.name, h('span', { class: 'badge', 'data-health': silo.health }, silo.health)),
      h('dl', {},
        ...pair('membership', silo.membership),
        ...pair('uptime', silo.uptime_seconds == null ? '–' : formatSeconds(silo.uptime_seconds)),
        ...pair('allowed / s', rates ? rates.allowed.toFixed(1) : '–'),
        ...pair('rejected / s', rates ? rates.rejected.toFixed(1) : '–'),
        ...pair('grain activations', silo.client_grains ?? '–'),
        ...pair('local clients', silo.local_client_count ?? '–'),
        ...pair('races detected', silo.races_detected ?? '–'),
        ...pair('fail-open answers', silo.fail_open ?? '–')),
      sparkline(siloHistory.get(silo.name)?.points ?? []));
  }

  const redis = cardFor(cards, 'redis');
  redis.dataset.health = cluster.redis.status === 'up' ? 'up' : 'down';
  redis.dataset.redis = cluster.redis.status;
  redis.replaceChildren(
    h('h3', {}, 'Redis', h('span', { class: 'badge', 'data-health': redis.dataset.health }, cluster.redis.status)),
    h('dl', {},
      ...pair('keys', cluster.redis.keys ?? '–'),
      ...pair('memory', cluster.redis.used_memory ?? '–'),
      ...(cluster.redis.error ? pair('why', cluster.redis.error.slice(0, 60)) : [])));
  if (cluster.redis.status !== 'up') notes.push('Redis does not answer: the Redis modes fail open (or closed), grain and local keep deciding exactly.');

  const note = $('#cluster-note');
  note.hidden = notes.length === 0;
  note.textContent = notes.join(' ');
  renderChaos(cluster);
}

function cardFor(container, id) {
  let card = container.querySelector(`#${id}`);
  if (!card) {
    card = h('article', { class: 'card', id });
    container.append(card);
  }
  return card;
}

/** Decisions per second from the difference between two polls; a restarted silo starts a new series. */
function recordRates(silo, now) {
  if (silo.allowed == null) return null;
  const history = siloHistory.get(silo.name) ?? { points: [] };
  const last = history.last;
  siloHistory.set(silo.name, history);
  history.last = { now, allowed: silo.allowed, rejected: silo.rejected, uptime: silo.uptime_seconds };
  if (!last || silo.uptime_seconds < last.uptime || silo.allowed < last.allowed) return null;
  const seconds = Math.max((now - last.now) / 1000, 0.001);
  const rates = { allowed: (silo.allowed - last.allowed) / seconds, rejected: (silo.rejected - last.rejected) / seconds };
  history.points.push(rates);
  if (history.points.length > HISTORY_POINTS) history.points.shift();
  return rates;
}

// ---- configuration -------------------------------------------------------------------------------------------

let config = null;

async function refreshConfiguration() {
  try {
    const [current, tiers] = await Promise.all([api('/admin/config'), api('/admin/tiers')]);
    config = current;
    renderConfig();
    renderTiers(tiers);
  } catch (error) {
    showError(error, 'config');
  }
}

function renderConfig() {
  const form = $('#config-form');
  // A fail_mode field, when the API has one, replaces the seed's fail_open flag.
  const failMode = 'fail_mode' in config;
  form.elements.fail_mode.hidden = !failMode;
  form.elements.fail_open.hidden = failMode;
  for (const name of ['mode', 'algorithm', 'rate_limit', 'window_size_seconds', failMode ? 'fail_mode' : 'fail_open']) {
    const control = form.elements.namedItem(name);
    if (document.activeElement !== control && control.getAttribute('aria-invalid') !== 'true') control.value = String(config[name]);
  }
  $('#use-redis').textContent = String(config.use_redis);
  $('#use-lua-script').textContent = String(config.use_lua_script);
  for (const [form, kind] of [[$('#compare-form'), 'compare'], [$('#burst-form'), 'burst']]) {
    suggest(form.elements.requests, Math.min(MAX_REQUESTS[kind], Math.max(10, config.rate_limit * 6)));
    suggest(form.elements.concurrency, Math.min(MAX_CONCURRENCY, Math.max(1, config.rate_limit * 4)));
  }
}

/** Fills an experiment's default from the limit until the user types their own. */
function suggest(input, value) {
  if (input.dataset.edited !== 'true') input.value = String(value);
}

for (const input of $$('#compare-form input, #burst-form input')) {
  input.addEventListener('input', () => { input.dataset.edited = 'true'; });
}

$('#config-form').addEventListener('change', async event => {
  const control = event.target;
  clearErrors(control.name, 'config');
  const patch = { [control.name]: wireValue(control) };
  try {
    config = await api('/admin/config', { method: 'POST', body: patch });
    renderConfig();
  } catch (error) {
    showError(error, 'config');
  }
});

function wireValue(control) {
  if (control.name === 'fail_open') return control.value === 'true';
  if (control.type === 'number') return control.value === '' ? null : Number(control.value);
  return control.value;
}

function renderTiers(tiers) {
  const rows = [['default', tiers.default], ...Object.entries(tiers.tiers)];
  $('#tiers-table tbody').replaceChildren(...rows.map(([name, tier]) =>
    h('tr', {}, h('td', {}, name), h('td', {}, tier.rate_limit), h('td', {}, `${tier.window_size_seconds} s`), h('td', {}, tier.algorithm), h('td', {}, tier.shadow ? 'shadow: refuses nothing' : 'enforced'))));
  const assignments = Object.entries(tiers.assignments);
  $('#assignments-table tbody').replaceChildren(...(assignments.length
    ? assignments.map(([key, tier]) => h('tr', {}, h('td', {}, key), h('td', {}, tier)))
    : [h('tr', {}, h('td', { colspan: 2, class: 'why' }, 'No API key is assigned to a tier: every client is in the default tier.'))]));
}

$('#reset-all').addEventListener('click', () => reset(null));
$('#reset-one').addEventListener('click', () => reset($('#reset-client').value));

async function reset(client) {
  clearErrors('client');
  const query = client === null ? '' : `?client=${encodeURIComponent(client)}`;
  try {
    const answer = await api(`/admin/reset${query}`, { method: 'POST' });
    $('#reset-status').textContent = client === null ? 'Every client starts afresh.' : `${answer.client} starts afresh.`;
  } catch (error) {
    showError(error, 'client');
  }
}

// ---- compare all modes ---------------------------------------------------------------------------------------

/** Runs an experiment form's action, its button disabled and its results marked running until it ends. */
function onExperiment(kind, run) {
  $(`#${kind}-form`).addEventListener('submit', async event => {
    event.preventDefault();
    const form = event.target;
    const results = $(`#${kind}-results`);
    const status = $(`#${kind}-status`);
    clearErrors(kind);
    form.elements[`${kind}-run`].disabled = true;
    results.dataset.state = 'running';
    status.textContent = 'Running…';
    try {
      status.textContent = await run(form);
      results.dataset.state = 'done';
    } catch (error) {
      results.dataset.state = 'error';
      status.textContent = '';
      showError(error, kind, form);
    } finally {
      form.elements[`${kind}-run`].disabled = false;
    }
  });
}

onExperiment('compare', async form => {
  const started = performance.now();
  try {
    const comparison = await api('/admin/experiments/compare', { method: 'POST', body: numbers(form, 'requests', 'concurrency') });
    renderComparison(comparison);
    return `Done in ${((performance.now() - started) / 1000).toFixed(1)} s; the mode is ${comparison.restored_mode} again.`;
  } finally {
    refreshConfiguration();
  }
});

function numbers(form, ...names) {
  return Object.fromEntries(names.map(name => [name, form.elements[name].value === '' ? null : Number(form.elements[name].value)]));
}

function renderComparison(comparison) {
  const silos = siloNames(comparison.results);
  $('#compare-chart').replaceChildren(
    stackedBars(comparison.results.map(result => ({
      label: result.mode,
      notes: notesFor(result),
      limit: result.limit_allows,
      segments: silos.map(silo => ({ value: result.by_instance[silo]?.admitted ?? 0, color: siloColor(silo), title: `${silo}: ${result.by_instance[silo]?.admitted ?? 0} admitted` })),
    })), `admitted, by the silo that took the request (sent from ${comparison.instance}); dashed: what the limit allows`),
    legend(silos.map(silo => [silo, siloColor(silo)])),
    latencyBars(comparison.results.flatMap(result => [
      { label: `${result.mode} p50`, value: result.latency_ms.p50 },
      { label: `${result.mode} p99`, value: result.latency_ms.p99 },
    ])));
  $('#compare-table tbody').replaceChildren(...comparison.results.map(result => {
    const row = h('tr', {},
      h('td', {}, result.mode),
      ...outcomeCells(result),
      h('td', {}, silos.map(silo => result.by_instance[silo]?.admitted ?? 0).join(' / ')),
      h('td', {}, Object.keys(result.decided_by).join(', ')),
      h('td', {}, `${result.latency_ms.p50.toFixed(1)} / ${result.latency_ms.p99.toFixed(1)}`),
      h('td', { class: 'why' }, WHY[result.mode] ?? ''));
    Object.assign(row.dataset, {
      mode: result.mode,
      client: result.client,
      admitted: result.admitted,
      limit: result.limit,
      limitAllows: result.limit_allows,
      overAdmission: result.over_admission,
      races: result.races,
      failOpen: result.fail_open,
      unavailable: result.unavailable,
      errors: result.errors,
    });
    return row;
  }));
}

/** The cells both result tables share: admitted against what the limit allows, and what went wrong. */
function outcomeCells(result) {
  return [
    h('td', { class: result.over_admission > 0 ? 'bad' : 'exact' }, result.admitted),
    h('td', {}, result.limit_allows),
    h('td', { class: result.over_admission > 0 ? 'bad' : '' }, result.over_admission),
    h('td', { class: result.races > 0 ? 'bad' : '' }, result.races),
    h('td', { class: result.fail_open > 0 ? 'warn' : '' }, result.fail_open),
    h('td', {}, result.unavailable),
    h('td', {}, result.errors),
  ];
}

function notesFor(result) {
  const notes = [];
  if (result.races > 0) notes.push({ text: `${result.races} races`, color: 'var(--races)' });
  if (result.fail_open > 0) notes.push({ text: `${result.fail_open} fail-open`, color: 'var(--fail-open)' });
  if (result.unavailable + result.errors > 0) notes.push({ text: `${result.unavailable + result.errors} unanswered`, color: 'var(--unavailable)' });
  return notes;
}

function siloNames(results) {
  return [...new Set(results.flatMap(result => Object.keys(result.by_instance)))].sort();
}

// ---- burst ---------------------------------------------------------------------------------------------------

let burstCount = 0;

onExperiment('burst', async form => {
  // A fresh key starts from zero without a reset, which writes to Redis and so fails while Redis is unreachable.
  const client = form.elements.client.value + (form.elements.fresh.checked ? `-${Math.random().toString(36).slice(2, 8)}` : '');
  const burst = await api('/admin/experiments/burst', { method: 'POST', body: { client, ...numbers(form, 'requests', 'concurrency') } });
  renderBurst(burst);
  $('#where-form').elements.client.value = burst.client;
  return `Burst ${burstCount}: ${burst.client} in ${burst.mode}, tier ${burst.tier} (${burst.limit} per ${burst.window_size_seconds} s, ${burst.algorithm}), ${burst.seconds} s.`;
});

function renderBurst(burst) {
  burstCount += 1;
  const silos = Object.keys(burst.by_instance).sort();
  const outcome = tally => [
    { value: tally.admitted, color: 'var(--allowed)', title: `${tally.admitted} admitted` },
    { value: tally.rejected, color: 'var(--rejected)', title: `${tally.rejected} rejected (429)` },
    { value: tally.unavailable, color: 'var(--unavailable)', title: `${tally.unavailable} refused (503)` },
    { value: tally.errors, color: 'var(--errors)', title: `${tally.errors} got no answer` },
  ];
  $('#burst-chart').replaceChildren(
    stackedBars([
      { label: 'admitted', notes: notesFor(burst), limit: burst.limit_allows, segments: silos.map(silo => ({ value: burst.by_instance[silo].admitted, color: siloColor(silo), title: `${silo}: ${burst.by_instance[silo].admitted}` })) },
      ...silos.map(silo => ({ label: silo, notes: [`${burst.by_instance[silo].admitted} admitted`], segments: outcome(burst.by_instance[silo]) })),
    ], `${burst.requests} requests in ${burst.mode}, ${burst.concurrency} at a time, sent from ${burst.instance}; dashed: what the limit allows`),
    legend([...silos.map(silo => [`admitted via ${silo}`, siloColor(silo)]), ['admitted', 'var(--allowed)'], ['rejected', 'var(--rejected)'], ['503', 'var(--unavailable)'], ['no answer', 'var(--errors)']]),
    latencyBars(['p50', 'p90', 'p99', 'max'].map(p => ({ label: p, value: burst.latency_ms[p] }))));
  const row = h('tr', {},
    h('td', {}, burstCount),
    h('td', {}, burst.mode),
    ...outcomeCells(burst),
    h('td', {}, silos.map(silo => `${silo} ${burst.by_instance[silo].admitted}/${burst.by_instance[silo].rejected}`).join(', ')),
    h('td', {}, `${burst.latency_ms.p50.toFixed(1)} / ${burst.latency_ms.p99.toFixed(1)}`));
  Object.assign(row.dataset, { mode: burst.mode, admitted: burst.admitted, limitAllows: burst.limit_allows, races: burst.races, failOpen: burst.fail_open, errors: burst.errors });
  $('#burst-table tbody').prepend(row);
}

// ---- where is my grain? --------------------------------------------------------------------------------------

$('#where-form').addEventListener('submit', async event => {
  event.preventDefault();
  clearErrors('where');
  const client = event.target.elements.client.value;
  try {
    const where = await api(`/admin/where?client=${encodeURIComponent(client)}`);
    const placement = where.activation
      ? [h('strong', {}, where.activation), ` holds ${where.client}'s grain activation.`]
      : [`${where.client} has no grain activation: it is created by its first grain-mode decision and leaves after a window without one.`];
    const mode = where.mode === 'grain'
      ? ' The mode is grain: every request, wherever it arrives, is decided there.'
      : ` The mode is ${where.mode}: requests are decided where they arrive; the grain decides only in grain mode.`;
    $('#where-result').replaceChildren(
      h('p', { 'data-activation': where.activation ?? '' }, ...placement, mode),
      where.recent.length
        ? h('table', {},
            h('thead', {}, h('tr', {}, h('th', {}, 'at'), h('th', {}, 'arrived at'), h('th', {}, 'decided by'), h('th', {}, 'result'))),
            h('tbody', {}, ...where.recent.map(d => h('tr', {}, h('td', {}, new Date(d.at).toLocaleTimeString()), h('td', {}, d.instance), h('td', {}, d.decided_by), h('td', {}, d.allowed ? 'ok' : 'rate_limited')))))
        : h('p', { class: 'hint' }, 'No recent grain-mode decision for this client.'));
  } catch (error) {
    showError(error, 'where', event.target);
  }
});

// ---- breaking things -----------------------------------------------------------------------------------------

function renderChaos(cluster) {
  $('#chaos-section').hidden = !cluster.chaos;
  if (!cluster.chaos) return;
  const buttons = $('#kill-buttons');
  for (const silo of cluster.silos) {
    let button = buttons.querySelector(`[data-kill="${silo.name}"]`);
    if (!button) {
      button = h('button', { type: 'button', class: 'danger', 'data-kill': silo.name }, `kill -9 ${silo.name}`);
      button.addEventListener('click', () => kill(silo.name));
      buttons.append(button);
    }
    button.disabled = silo.health !== 'up';
  }
}

async function kill(silo) {
  clearErrors('chaos');
  try {
    await api('/admin/chaos/kill', { method: 'POST', body: { silo } });
    $('#chaos-status').textContent = `${silo} was killed as kill -9 would. Its card turns red above; ./lab up starts it again.`;
  } catch (error) {
    showError(error, 'chaos');
  }
}

$('#pause-form').addEventListener('submit', async event => {
  event.preventDefault();
  clearErrors('chaos');
  try {
    const answer = await api('/admin/chaos/redis-pause', { method: 'POST', body: numbers(event.target, 'seconds') });
    $('#chaos-status').textContent = `Redis serves no client for ${answer.seconds} s, and keeps every key. Run the burst now.`;
  } catch (error) {
    showError(error, 'chaos', event.target);
  }
});

$('#burst-again').addEventListener('click', () => $('#burst-form').requestSubmit());

// ---- drawing -------------------------------------------------------------------------------------------------

function h(tag, attributes, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  element.append(...children.map(child => (child instanceof Node ? child : String(child))));
  return element;
}

function svg(tag, attributes = {}, ...children) {
  const element = document.createElementNS('http://www.w3.org/2000/svg', tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  element.append(...children.map(child => (child instanceof Node ? child : String(child))));
  return element;
}

/** One colour per silo name for the page's life, so a silo keeps its colour when another one is down. */
function siloColor(name) {
  if (!siloColors.has(name)) siloColors.set(name, SILO_COLORS[siloColors.size % SILO_COLORS.length]);
  return siloColors.get(name);
}

function pair(term, value) {
  return [h('dt', {}, term), h('dd', {}, value)];
}

function formatSeconds(seconds) {
  if (seconds < 90) return `${Math.round(seconds)} s`;
  if (seconds < 5400) return `${Math.round(seconds / 60)} min`;
  return `${(seconds / 3600).toFixed(1)} h`;
}

/** Bars of stacked segments, each with notes under its label and an optional dashed limit across it. */
function stackedBars(groups, caption) {
  const width = 920, height = 300, top = 34, bottom = 64, left = 44;
  const slot = (width - left) / groups.length;
  const barWidth = Math.min(120, slot * 0.55);
  const peak = Math.max(1, ...groups.map(g => Math.max(g.limit ?? 0, g.segments.reduce((s, x) => s + x.value, 0))));
  const scale = (height - top - bottom) / (peak * 1.1);
  const base = height - bottom;
  const chart = svg('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': caption });
  chart.append(svg('text', { x: left, y: 16, class: 'muted', 'font-size': 13 }, caption));
  chart.append(svg('line', { x1: left, x2: width, y1: base, y2: base, class: 'axis' }));
  groups.forEach((group, i) => {
    const x = left + slot * i + (slot - barWidth) / 2;
    let y = base;
    for (const segment of group.segments.filter(s => s.value > 0)) {
      const heightOf = segment.value * scale;
      y -= heightOf;
      chart.append(svg('rect', { x, y, width: barWidth, height: heightOf, fill: segment.color }, svg('title', {}, segment.title)));
    }
    if (group.limit != null) {
      const limitY = base - group.limit * scale;
      chart.append(svg('line', { x1: x - 10, x2: x + barWidth + 10, y1: limitY, y2: limitY, class: 'limit' }));
    }
    const total = group.segments.reduce((s, x) => s + x.value, 0);
    chart.append(svg('text', { x: x + barWidth / 2, y: Math.min(y, base - (group.limit ?? 0) * scale) - 6, 'text-anchor': 'middle', 'font-size': 14, 'font-weight': 600 }, total));
    chart.append(svg('text', { x: x + barWidth / 2, y: base + 18, 'text-anchor': 'middle', 'font-size': 14, 'font-weight': 600 }, group.label));
    (group.notes ?? []).forEach((note, n) => chart.append(svg('text', {
      x: x + barWidth / 2, y: base + 36 + n * 15, 'text-anchor': 'middle', 'font-size': 12, fill: note.color ?? 'var(--muted)',
    }, note.text ?? note)));
  });
  return chart;
}

/** Horizontal bars of latencies in milliseconds. */
function latencyBars(rows) {
  const width = 920, rowHeight = 18, left = 130, right = 70;
  const height = rows.length * rowHeight + 24;
  const peak = Math.max(1, ...rows.map(r => r.value));
  const chart = svg('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': 'latency in milliseconds' });
  chart.append(svg('text', { x: 0, y: 14, class: 'muted', 'font-size': 13 }, 'latency as the coordinating silo waited for each decision (ms)'));
  rows.forEach((row, i) => {
    const y = 22 + i * rowHeight;
    const length = (row.value / peak) * (width - left - right);
    chart.append(svg('text', { x: left - 8, y: y + 12, 'text-anchor': 'end', 'font-size': 12 }, row.label));
    chart.append(svg('rect', { x: left, y: y + 2, width: Math.max(1, length), height: rowHeight - 6, fill: 'var(--silo-2)' }));
    chart.append(svg('text', { x: left + length + 6, y: y + 12, 'font-size': 12 }, row.value.toFixed(1)));
  });
  return chart;
}

/** Allowed (green) and rejected (grey) decisions per second over the last minute. */
function sparkline(points) {
  const width = 220, height = 38;
  const peak = Math.max(1, ...points.flatMap(p => [p.allowed, p.rejected]));
  const line = key => points.map((p, i) => `${(i / (HISTORY_POINTS - 1)) * width},${height - 2 - (p[key] / peak) * (height - 4)}`).join(' ');
  return svg('svg', { class: 'spark', viewBox: `0 0 ${width} ${height}`, width, height, role: 'img', 'aria-label': 'decisions per second, last minute' },
    svg('polyline', { points: line('rejected'), fill: 'none', stroke: 'var(--rejected)', 'stroke-width': 1.5 }),
    svg('polyline', { points: line('allowed'), fill: 'none', stroke: 'var(--allowed)', 'stroke-width': 1.5 }));
}

function legend(entries) {
  return h('div', { class: 'legend' }, ...entries.map(([label, color]) => h('span', { style: `--swatch: ${color}` }, label)));
}

// ---- start ---------------------------------------------------------------------------------------------------

refreshConfiguration();
pollCluster();
setInterval(() => {
  if (!$('#config-form').contains(document.activeElement)) refreshConfiguration();
}, CONFIG_REFRESH_MS);
