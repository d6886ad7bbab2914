/**
 * A deterministic generator of malformed `POST /api/donations` requests: each case applies one or
 * two invalidating mutations (on different keys, so they cannot cancel out) to a valid body, or is a
 * raw body that is not a JSON object at all, or carries the wrong content type.
 */
export interface MalformedCase {
  label: string;
  body: string;
  contentType: string;
}

import { mulberry32 } from '../fixtures/donations.ts';

type Body = Record<string, unknown>;
type Mutation = { key: string; label: string; apply: (b: Body) => void };

const VALID: Body = { projectSlug: 'minxian-zhuxue', amountFen: 10_000, channel: 'page', anonymous: true };

const set = (key: string, value: unknown, label = `${key}=${JSON.stringify(value)?.slice(0, 40)}`): Mutation => ({
  key,
  label,
  apply: (b) => {
    b[key] = value;
  },
});
const drop = (key: string): Mutation => ({
  key,
  label: `without ${key}`,
  apply: (b) => {
    delete b[key];
  },
});

const MUTATIONS: Mutation[] = [
  // amountFen: wrong types, floats, negatives, out of bounds, huge
  ...[
    '100',
    '1e3',
    null,
    true,
    [],
    {},
    100.5,
    0.01,
    99.999,
    -1,
    -10_000,
    0,
    -0,
    1,
    99,
    5_000_001,
    1e20,
    1e308,
    2 ** 53,
    2 ** 53 + 2,
  ].map((v) => set('amountFen', v)),
  drop('amountFen'),
  // channel
  ...['PAGE', 'alipay', 'wechat', '', ' page', 'page ', null, 1, ['page'], { page: true }].map((v) =>
    set('channel', v),
  ),
  drop('channel'),
  // anonymous
  ...['true', 'false', 0, 1, null, 'yes', []].map((v) => set('anonymous', v)),
  drop('anonymous'),
  // projectSlug: bad forms, oversize, unknown, ineligible (409), and "both"/"neither"
  ...[
    '',
    'Minxian-Zhuxue',
    'minxian zhuxue',
    '../etc/passwd',
    '岷县助学',
    'a'.repeat(121),
    'minxian--zhuxue',
    '-a',
    1,
    null,
    [],
  ].map((v) => set('projectSlug', v)),
  set('projectSlug', 'no-such-project', 'unknown project'),
  set('projectSlug', 'ended-project', 'ineligible project'),
  set('projectSlug', 'no-filing', 'unfiled project'),
  drop('projectSlug'),
  {
    key: 'projectSlug',
    label: 'projectSlug and pool',
    apply: (b) => {
      b.pool = { targetGroup: 'minors' };
    },
  },
  // pool problems (pool replaces projectSlug, so the key is projectSlug too)
  ...[
    { targetGroup: 'children' },
    { region: '000000' },
    { region: '62112' },
    { region: 620000 },
    { targetGroup: 'minors', extra: 1 },
    { targetGroup: 'tekun' },
    [],
    'minors',
    null,
  ].map(
    (pool): Mutation => ({
      key: 'projectSlug',
      label: `pool=${JSON.stringify(pool)}`,
      apply: (b) => {
        delete b.projectSlug;
        b.pool = pool;
      },
    }),
  ),
  // display name and message: oversize, control characters, personal information, wrong types
  ...[
    '',
    '   ',
    'x'.repeat(21),
    '名'.repeat(21),
    'a\u0000b',
    'a\u202eb',
    13800138000,
    { name: 'x' },
    '电话13800138000',
  ].map((v) => set('displayName', v)),
  ...['', 'x'.repeat(201), '好'.repeat(201), 'line\u0007bell', '我的身份证 110101199003074514', ['hi']].map((v) =>
    set('message', v),
  ),
  // receipts
  ...[
    true,
    'yes',
    {},
    { requested: 'true' },
    { requested: true },
    { requested: true, name: '' },
    { requested: true, name: '张三', taxId: '123' },
    { requested: true, name: '张三', taxId: '110101199003074515' },
    { requested: true, name: '张三', taxId: '53100000500012345A' },
    { requested: true, name: '张三', email: 'not-an-email' },
    { requested: true, name: '张三', extra: 1 },
    { requested: false, name: '张三' },
    { requested: true, name: 'x'.repeat(61) },
  ].map((v) => set('receipt', v)),
  // unknown keys
  ...['amount', 'amount_fen', 'projectslug', 'status', 'tradeNo', 'merchant', 'paid', 'constructor', 'toString'].map(
    (k): Mutation => ({
      key: `+${k}`,
      label: `unknown key ${k}`,
      apply: (b) => {
        b[k] = 1;
      },
    }),
  ),
];

function mutated(random: () => number): MalformedCase {
  const body: Body = structuredClone(VALID);
  const first = MUTATIONS[Math.floor(random() * MUTATIONS.length)] as Mutation;
  const chosen = [first];
  if (random() < 0.5) {
    const second = MUTATIONS[Math.floor(random() * MUTATIONS.length)] as Mutation;
    if (second.key !== first.key) chosen.push(second);
  }
  for (const m of chosen) m.apply(body);
  return { label: chosen.map((m) => m.label).join(' + '), body: JSON.stringify(body), contentType: 'application/json' };
}

const RAW: [string, string][] = [
  ['empty body', ''],
  ['null', 'null'],
  ['true', 'true'],
  ['number', '42'],
  ['string', '"minxian-zhuxue"'],
  ['array', JSON.stringify([VALID])],
  ['truncated JSON', JSON.stringify(VALID).slice(0, 30)],
  ['trailing comma', '{"projectSlug":"minxian-zhuxue",}'],
  ['single quotes', "{'projectSlug':'minxian-zhuxue'}"],
  ['NaN literal', '{"projectSlug":"minxian-zhuxue","amountFen":NaN,"channel":"page","anonymous":true}'],
  ['comment', '{/* hi */"projectSlug":"minxian-zhuxue"}'],
  [
    '__proto__ key',
    '{"__proto__":{"admin":true},"projectSlug":"minxian-zhuxue","amountFen":100,"channel":"page","anonymous":true}',
  ],
  [
    'duplicate keys',
    '{"projectSlug":"minxian-zhuxue","projectSlug":"x y","amountFen":100,"channel":"page","anonymous":true}',
  ],
  ['oversize body', JSON.stringify({ ...VALID, message: 'x'.repeat(9_000) })],
  ['deep nesting', `${'['.repeat(2_000)}${']'.repeat(2_000)}`],
  [
    'lone surrogate',
    '{"projectSlug":"minxian-zhuxue","amountFen":100,"channel":"page","anonymous":false,"displayName":"\\ud800"}',
  ],
];

const TYPES: [string, string][] = [
  ['text/plain', 'text/plain'],
  ['form', 'application/x-www-form-urlencoded'],
  ['multipart', 'multipart/form-data; boundary=x'],
  ['no type', ''],
  ['json-ish', 'application/jsonp'],
];

/** `count` cases (at least every raw and content-type case once), the same list on every run. */
export function malformedCases(count: number, seed = 20_260_215): MalformedCase[] {
  const random = mulberry32(seed);
  const cases: MalformedCase[] = [
    ...RAW.map(([label, body]) => ({ label, body, contentType: 'application/json' })),
    ...TYPES.map(([label, contentType]) => ({
      label: `content-type ${label}`,
      body: JSON.stringify(VALID),
      contentType,
    })),
  ];
  while (cases.length < count) cases.push(mutated(random));
  return cases;
}
