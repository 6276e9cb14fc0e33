// The race test of the seed's exercises 4 and 5: 200 requests a second for one client, for a minute.
// With a limit of 100 a minute, exactly 100 are allowed in grain and redis_atomic modes; redis_naive
// lets more through, because silos read the same count before any of them writes.
//   docker compose run --rm k6 run /scripts/high-concurrency.js
//   k6 run -e BASE_URL=http://localhost:8080 k6/high-concurrency.js   (k6 on the host)
import http from 'k6/http';
import { check } from 'k6';
import { Counter } from 'k6/metrics';

const BASE_URL = __ENV.BASE_URL || 'http://localhost:8080';
const API_KEY = __ENV.API_KEY || 'race-client';

const allowed = new Counter('ratelimit_allowed');
const rejected = new Counter('ratelimit_rejected');
const errors = new Counter('ratelimit_errors');

export const options = {
  scenarios: {
    high_concurrency: {
      executor: 'constant-arrival-rate',
      rate: 200,
      timeUnit: '1s',
      duration: '60s',
      preAllocatedVUs: 200,
      maxVUs: 400,
    },
  },
};

export default function () {
  const res = http.get(`${BASE_URL}/api/request`, {
    headers: { 'X-API-Key': API_KEY },
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
    `high-concurrency.js against ${BASE_URL}, client: ${API_KEY}`,
    `  allowed (200):  ${ok}`,
    `  rejected (429): ${limited}`,
    `  errors (other): ${failed}`,
    `  total:          ${ok + limited + failed}`,
    '  More allowed than the limit (default 100 per 60 s) in the first minute means requests raced.',
    '',
  ];
  return { stdout: lines.join('\n') };
}
