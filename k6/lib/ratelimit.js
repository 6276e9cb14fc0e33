// What both scenarios share: one rate-limited request, its outcome counted, and the closing summary.
import http from 'k6/http';
import { check } from 'k6';
import { Counter } from 'k6/metrics';

export const BASE_URL = __ENV.BASE_URL || 'http://localhost:8080';

const allowed = new Counter('ratelimit_allowed');
const rejected = new Counter('ratelimit_rejected');
const errors = new Counter('ratelimit_errors');

// Sends GET /api/request as the given client and counts a 200 as allowed, a 429 as rejected.
export function request(apiKey) {
  const res = http.get(`${BASE_URL}/api/request`, {
    headers: { 'X-API-Key': apiKey },
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
  return res;
}

function count(data, name) {
  const metric = data.metrics[name];
  return metric && metric.values && typeof metric.values.count === 'number' ? metric.values.count : 0;
}

// The allowed/rejected counts as k6's end-of-test output, after a heading and before any notes.
export function summary(data, heading, notes = []) {
  const ok = count(data, 'ratelimit_allowed');
  const limited = count(data, 'ratelimit_rejected');
  const failed = count(data, 'ratelimit_errors');
  const lines = [
    '',
    heading,
    `  allowed (200):  ${ok}`,
    `  rejected (429): ${limited}`,
    `  errors (other): ${failed}`,
    `  total:          ${ok + limited + failed}`,
    ...notes.map((note) => `  ${note}`),
    '',
  ];
  return { stdout: lines.join('\n') };
}
