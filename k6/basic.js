// A gentle load over five clients: watch the Grafana dashboard while it runs.
//   docker compose run --rm k6 run /scripts/basic.js
//   k6 run -e BASE_URL=http://localhost:8080 k6/basic.js        (k6 on the host)
//   k6 run -e API_KEY=my-client k6/basic.js                     (one client instead of five)
import http from 'k6/http';
import { check, sleep } from 'k6';
import { Counter } from 'k6/metrics';

const BASE_URL = __ENV.BASE_URL || 'http://localhost:8080';
const API_KEYS = __ENV.API_KEY
  ? [__ENV.API_KEY]
  : ['client-1', 'client-2', 'client-3', 'client-4', 'client-5'];

const allowed = new Counter('ratelimit_allowed');
const rejected = new Counter('ratelimit_rejected');
const errors = new Counter('ratelimit_errors');

export const options = {
  scenarios: {
    basic: {
      executor: 'constant-vus',
      vus: 10,
      duration: '30s',
    },
  },
};

export default function () {
  // Round robin over the keys, across VUs and iterations alike.
  const key = API_KEYS[(__VU + __ITER) % API_KEYS.length];
  const res = http.get(`${BASE_URL}/api/request`, {
    headers: { 'X-API-Key': key },
    tags: { name: 'api_request' },
  });

  if (res.status === 200) {
    allowed.add(1);
  } else if (res.status === 429) {
    rejected.add(1);
  } else {
    errors.add(1);
  }
  check(res, { 'status is 200 or 429': (r) => r.status === 200 || r.status === 429 });
  sleep(0.1);
}

function count(data, name) {
  const metric = data.metrics[name];
  return metric && metric.values && typeof metric.values.count === 'number' ? metric.values.count : 0;
}

export function handleSummary(data) {
  const ok = count(data, 'ratelimit_allowed');
  const limited = count(data, 'ratelimit_rejected');
  const failed = count(data, 'ratelimit_errors');
  const lines = [
    '',
    `basic.js against ${BASE_URL}, clients: ${API_KEYS.join(', ')}`,
    `  allowed (200):  ${ok}`,
    `  rejected (429): ${limited}`,
    `  errors (other): ${failed}`,
    `  total:          ${ok + limited + failed}`,
    '',
  ];
  return { stdout: lines.join('\n') };
}
