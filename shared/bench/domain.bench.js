// Times nextActions + alertsDue over 1,000,000 synthetic applications spread over every status.
// Plain JS against the CommonJS build, so it needs no TypeScript runner:
//   npm run build -w @titletrack/shared && node shared/bench/domain.bench.js [count]
'use strict';

const path = require('node:path');

const domain = require(path.join(__dirname, '../dist/cjs/domain'));

const { APPLICATION_STATUS, HOTAN_2023, alertsDue, nextActions } = domain;

const COUNT = Number(process.argv[2] ?? 1_000_000);
const STATUSES = Object.values(APPLICATION_STATUS);
const LEVELS = ['full_senior', 'deputy_senior', 'intermediate', 'assistant', 'technician'];
const SERVICES = [null, null, null, 'fang_hui_ju'];
// Ticks across the year, so every branch (before, inside and after each window) is exercised.
const NOWS = [
  '2023-07-25T02:00:00Z',
  '2023-08-16T03:00:00Z',
  '2023-08-29T00:00:00Z',
  '2023-09-05T00:00:00Z',
  '2023-09-27T00:00:00Z',
  '2023-10-10T00:00:00Z',
  '2023-11-15T00:00:00Z',
  '2023-12-12T04:00:00Z',
].map((iso) => new Date(iso));

// A small deterministic PRNG (mulberry32) keeps runs comparable.
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function makeApplications(count) {
  const rand = random(2023);
  const pick = (list) => list[Math.floor(rand() * list.length)];
  const applications = new Array(count);
  for (let i = 0; i < count; i += 1) {
    const status = STATUSES[i % STATUSES.length];
    const day = 10 + Math.floor(rand() * 20);
    applications[i] = {
      id: `app-${i}`,
      year: 2023,
      route: 'prefecture_directed',
      level: pick(LEVELS),
      series: 'engineering',
      specialty: '土木工程',
      status,
      statusChangedAt: `2023-08-${day}T02:00:00.000Z`,
      submissionCount: 1 + Math.floor(rand() * 3),
      returnedAt: status === 'returned' ? `2023-08-${day}T02:00:00.000Z` : null,
      feePaid: status !== 'materials_received' && status !== 'registered' && status !== 'drafting',
      defence: {
        scheduledAt: rand() < 0.5 ? `2023-10-${day}T02:00:00.000Z` : null,
        serviceInApplicationYear: pick(SERVICES),
      },
      employerKind: rand() < 0.2 ? 'private_enterprise' : 'public_institution',
      isFirstApplication: rand() < 0.5,
      isContinuingEducationExempt: false,
      continuingEducation:
        rand() < 0.5
          ? null
          : [{ year: 2023, totalHours: 60 + Math.floor(rand() * 60), professionalHours: 50 }],
      employerPublicity: { startsOn: '2023-08-07', endsOn: '2023-08-11' },
      evaluationMeetingOn: rand() < 0.5 ? `2023-10-${day}` : null,
      publicity: { startsOn: '2023-11-13', endsOn: '2023-11-17' },
      qualificationDocumentIssuedOn: '2023-11-28',
      certificateIssuedAt: '2023-12-12T03:00:00.000Z',
    };
  }
  return applications;
}

function run(applications, alreadySent) {
  let actions = 0;
  let alerts = 0;
  for (let i = 0; i < applications.length; i += 1) {
    const application = applications[i];
    const now = NOWS[i % NOWS.length];
    actions += nextActions(application, HOTAN_2023, now).length;
    alerts += alertsDue(application, HOTAN_2023, now, alreadySent).length;
  }
  return { actions, alerts };
}

const buildStart = process.hrtime.bigint();
const applications = makeApplications(COUNT);
const buildMs = Number(process.hrtime.bigint() - buildStart) / 1e6;

run(applications.slice(0, 20_000), new Set()); // warm-up: let the JIT settle

// Half the ticks see a set of keys already sent (as a pipeline would pass per application).
const sent = new Set([
  'app-1:fee_due:2023',
  'app-3:application_window_closing:2023-08-30T16:00:00.000Z',
]);
const start = process.hrtime.bigint();
const totals = run(applications, sent);
const elapsedMs = Number(process.hrtime.bigint() - start) / 1e6;

console.log(
  `node ${process.version}, ${COUNT.toLocaleString('en')} applications over ${STATUSES.length} statuses and ${NOWS.length} ticks`,
);
console.log(`synthetic data built in ${(buildMs / 1000).toFixed(2)} s (not timed below)`);
console.log(
  `nextActions + alertsDue: ${(elapsedMs / 1000).toFixed(2)} s, ${((elapsedMs * 1000) / COUNT).toFixed(2)} µs per application`,
);
console.log(
  `produced ${totals.actions.toLocaleString('en')} actions and ${totals.alerts.toLocaleString('en')} alerts`,
);
console.log(elapsedMs <= 10_000 ? 'within the 10 s goal' : 'OVER the 10 s goal');
