// The race test of the seed's exercises 4 and 5: 200 requests a second for one client, for a minute.
// With a limit of 100 a minute, exactly 100 are allowed in grain and redis_atomic modes; redis_naive
// lets more through, because silos read the same count before any of them writes.
//   docker compose run --rm k6 run /scripts/high-concurrency.js
//   k6 run -e BASE_URL=http://localhost:8080 k6/high-concurrency.js   (k6 on the host)
import { BASE_URL, request, summary } from './lib/ratelimit.js';

const API_KEY = __ENV.API_KEY || 'race-client';

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
  request(API_KEY);
}

export function handleSummary(data) {
  return summary(data, `high-concurrency.js against ${BASE_URL}, client: ${API_KEY}`, [
    'More allowed than the limit (default 100 per 60 s) in the first minute means requests raced.',
  ]);
}
