// A gentle load over five clients: watch the Grafana dashboard while it runs.
//   docker compose run --rm k6 run /scripts/basic.js
//   k6 run -e BASE_URL=http://localhost:8080 k6/basic.js        (k6 on the host)
//   k6 run -e API_KEY=my-client k6/basic.js                     (one client instead of five)
import { sleep } from 'k6';
import { BASE_URL, request, summary } from './lib/ratelimit.js';

const API_KEYS = __ENV.API_KEY
  ? [__ENV.API_KEY]
  : ['client-1', 'client-2', 'client-3', 'client-4', 'client-5'];

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
  request(API_KEYS[(__VU + __ITER) % API_KEYS.length]);
  sleep(0.1);
}

export function handleSummary(data) {
  return summary(data, `basic.js against ${BASE_URL}, clients: ${API_KEYS.join(', ')}`);
}
