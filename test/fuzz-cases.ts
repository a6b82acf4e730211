/**
 * Generated malformed (and some well-formed) requests for the fuzz test, each with the statuses
 * the API contract allows for it. Deterministic for a seed, so a failure can be replayed.
 */
import { getQueryParam } from 'hono/utils/url';
import { chatIn, searchQuery, MAX_HISTORY, MAX_QUESTION_CHARS } from '../src/http/schemas';

export interface FuzzCase {
  id: number;
  what: string;
  method: string;
  /** Path and query exactly as sent (already percent-encoded where needed). */
  path: string;
  headers: Record<string, string>;
  body?: Buffer;
  /** Send the body with chunked transfer encoding (no Content-Length). */
  chunked?: boolean;
  /** Statuses the contract allows; a 5xx is never among them. */
  expect: number[];
  /** The error code when exactly one applies. */
  code?: string;
}

export const MAX_BODY_BYTES = 64 * 1024;

/** mulberry32: small, fast, and the same sequence for the same seed on every machine. */
export function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!;
  const chance = (p: number) => next() < p;
  return { next, int, pick, chance };
}
export type Rng = ReturnType<typeof prng>;

const PIECES = [
  'a', 'Z', '0', ' ', '?', '"', '\\', '/', '<script>', '{', '}', '[', ']', ',', ':', '%', '&', '=', '+', '#',
  'DeepSeek', 'R1', 'ジニ係数', '中国', '生成AI', '脚注', '注', '１２', 'ｱｲ', 'é', 'e\u0301', '😀', '👩‍👩‍👧',
  '\u0000', '\u0007', '\u001b', '\t', '\n', '\r', '\u007f', '\u0085', '\u2028', '\u2029', '\u200b', '\u202e', '\ufeff', '\ufffd',
  '\ud800', '\udfff', '\udc00\ud800', 'ا', 'Ω', '\u{10ffff}', '﷽',
];

/** Text drawn from letters, Japanese, emoji, control characters, bidi marks and lone surrogates. */
export function wildText(r: Rng, maxPieces = 12): string {
  let s = '';
  const n = r.int(0, maxPieces);
  for (let i = 0; i < n; i++) s += r.pick(PIECES);
  return s;
}

const QUESTIONS = ['DeepSeekの開発費は？', 'What does footnote 3 say?', 'ジニ係数はどう推移した？', 'Who makes the best pizza?', '注12', 'R1'];

/** Any JSON value, sometimes deep, sometimes with keys the app cares about. */
export function randomJson(r: Rng, depth = 0): unknown {
  const kind = r.int(0, depth > 4 ? 4 : 7);
  switch (kind) {
    case 0:
      return null;
    case 1:
      return r.chance(0.5);
    case 2:
      return r.pick([0, -0, 1, -1, 1.5, 1e308, -1e308, 2 ** 53 + 1, 5e-324, 20, 21]);
    case 3:
    case 4:
      return r.chance(0.3) ? r.pick(QUESTIONS) : wildText(r);
    case 5:
      return Array.from({ length: r.int(0, 4) }, () => randomJson(r, depth + 1));
    default: {
      const keys = ['question', 'history', 'lang', 'role', 'content', '__proto__', 'constructor', 'q', 'k', wildText(r, 3)];
      const out: Record<string, unknown> = {};
      for (let i = r.int(0, 4); i > 0; i--) out[r.pick(keys)] = randomJson(r, depth + 1);
      return out;
    }
  }
}

/** Expected status for a chat body, by the contract: size, then JSON, then the request schema. */
export function chatExpectation(body: Buffer): { expect: number[]; code?: string } {
  if (body.length > MAX_BODY_BYTES) return { expect: [413], code: 'payload_too_large' };
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder().decode(body));
  } catch {
    return { expect: [400], code: 'invalid_json' };
  }
  return chatIn.safeParse(value).success ? { expect: [200] } : { expect: [400], code: 'validation_failed' };
}

function validChat(r: Rng): Record<string, unknown> {
  const out: Record<string, unknown> = { question: r.chance(0.5) ? r.pick(QUESTIONS) : `${r.pick(QUESTIONS)}${wildText(r, 4)}` };
  if (r.chance(0.4)) out.history = Array.from({ length: r.int(0, 3) }, (_, i) => ({ role: i % 2 ? 'assistant' : 'user', content: wildText(r, 6) }));
  if (r.chance(0.3)) out.lang = r.pick(['ja', 'en']);
  return out;
}

/** One field of a valid request broken in one way. */
function mutatedChat(r: Rng): unknown {
  const body = validChat(r);
  const breakers: (() => void)[] = [
    () => (body.question = randomJson(r)),
    () => (body.question = ''),
    () => (body.question = ' \n\t '),
    () => (body.question = 'あ'.repeat(MAX_QUESTION_CHARS)),
    () => (body.question = 'a'.repeat(MAX_QUESTION_CHARS + 1)),
    () => delete body.question,
    () => (body.history = randomJson(r)),
    () => (body.history = Array.from({ length: MAX_HISTORY + 1 }, () => ({ role: 'user', content: 'x' }))),
    () => (body.history = [{ role: r.pick(['system', 'USER', '', 'tool']), content: 'x' }]),
    () => (body.history = [{ role: 'user', content: 'x'.repeat(8001) }]),
    () => (body.history = [{ role: 'user', content: randomJson(r) }]),
    () => (body.lang = r.pick(['fr', 'JA', '', 'ja-JP', null, 1])),
    () => (body[wildText(r, 2) || 'extra'] = randomJson(r)),
  ];
  r.pick(breakers)();
  return body;
}

/** Bodies that are not JSON, or JSON only after lenient decoding. */
function brokenJson(r: Rng): Buffer {
  const valid = JSON.stringify(validChat(r));
  const options: (() => Buffer | string)[] = [
    () => valid.slice(0, r.int(0, valid.length - 1)),
    () => Buffer.from(Array.from({ length: r.int(1, 64) }, () => r.int(0, 255))),
    () => `{'question': 'single quotes'}`,
    () => '{"question": "trailing comma",}',
    () => '{"question": NaN}',
    () => '/* comment */ {"question": "x"}',
    () => '',
    () => ' \n ',
    () => `\ufeff${valid}`,
    () => Buffer.concat([Buffer.from('{"question": "'), Buffer.from([0xff, 0xfe, 0xc3, 0x28, 0xed, 0xa0, 0x80]), Buffer.from('"}')]),
    () => `{"question": "${'\\ud800'}"}`,
    () => `{"question": "${'\\u0000\\u001f'}"}`,
    () => valid + valid,
    () => `${'['.repeat(r.int(500, 20_000))}${']'.repeat(r.int(0, 20_000))}`,
    () => `{"question": ${'['.repeat(5000)}"x"${']'.repeat(5000)}}`,
    () => `{"question": "x", "history": ${'{"a":'.repeat(3000)}1${'}'.repeat(3000)}}`,
    () => 'null',
    () => '"just a string"',
    () => '12345',
  ];
  const out = r.pick(options)();
  return typeof out === 'string' ? Buffer.from(out) : out;
}

const CONTENT_TYPES = [
  'application/json',
  'application/json; charset=utf-8',
  'application/json; charset=utf-16',
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=zzz',
  'application/xml',
  '',
  ';;;',
  'application/json'.padEnd(300, 'x'),
];

export function chatCase(r: Rng, id: number): FuzzCase {
  const kind = r.int(0, 5);
  let what: string;
  let body: Buffer;
  if (kind === 0) {
    what = 'valid chat';
    body = Buffer.from(JSON.stringify(validChat(r)));
  } else if (kind === 1) {
    what = 'chat with one field broken';
    body = Buffer.from(JSON.stringify(mutatedChat(r)));
  } else if (kind === 2) {
    what = 'chat with a random JSON shape';
    body = Buffer.from(JSON.stringify(randomJson(r)) ?? 'null');
  } else if (kind === 3) {
    what = 'chat with a body that is not JSON';
    body = brokenJson(r);
  } else if (kind === 4) {
    what = 'chat with a huge body';
    const size = r.pick([MAX_BODY_BYTES - 20, MAX_BODY_BYTES + 1, MAX_BODY_BYTES * 2, 1_000_000]);
    body = Buffer.from(JSON.stringify({ question: 'x'.repeat(Math.max(0, size - 16)) }));
  } else {
    what = 'chat with a tiny body';
    body = Buffer.from(r.pick(['{}', '[]', '{"question":"a"}', '{"question":1}', 'x', '{', '"']));
  }
  const contentType = r.pick(CONTENT_TYPES);
  const headers: Record<string, string> = {};
  if (contentType) headers['Content-Type'] = contentType;
  if (r.chance(0.25)) headers.Accept = 'text/event-stream';
  const chunked = r.chance(0.2);
  return { id, what: `${what}${chunked ? ' (chunked)' : ''}`, method: 'POST', path: '/api/chat', headers, body, chunked, ...chatExpectation(body) };
}

const RAW_VALUES = ['%E0%A4%A', '%', '%zz', '%ED%A0%80', '%00', '%0A', '%FF%FE', '+', '%2B', '%20%20', '&', '=', '%26', '%3D', 'a+b', '%E2%80%AE'];

function queryValue(r: Rng): string {
  const kind = r.int(0, 4);
  if (kind === 0) return encodeURIComponent(r.pick(QUESTIONS));
  if (kind === 1) return r.pick(RAW_VALUES);
  if (kind === 2) return encodeURIComponent(wildText(r).replace(/[\ud800-\udfff]/g, '')) + (r.chance(0.3) ? r.pick(RAW_VALUES) : '');
  if (kind === 3) return 'x'.repeat(r.pick([1, MAX_QUESTION_CHARS, MAX_QUESTION_CHARS + 1, 5000]));
  return '';
}

const K_VALUES = ['1', '5', '20', '0', '21', '-1', '1.5', 'abc', '', '1e1', '%205', '0x10', '99999999999999999999', 'NaN', 'Infinity', '%35', '5%'];

/** Expected status for a search URL: decode as the router does, then the request schema. */
export function searchExpectation(path: string): { expect: number[]; code?: string } {
  const url = `http://host${path}`;
  const q = getQueryParam(url, 'q') as string | undefined;
  const k = getQueryParam(url, 'k') as string | undefined;
  return searchQuery.safeParse({ q, k }).success ? { expect: [200] } : { expect: [400], code: 'validation_failed' };
}

export function searchCase(r: Rng, id: number): FuzzCase {
  const params: string[] = [];
  if (r.chance(0.85)) params.push(`q=${queryValue(r)}`);
  if (r.chance(0.6)) params.push(`k=${r.pick(K_VALUES)}`);
  if (r.chance(0.15)) params.push(r.pick(['q=dup', 'k=3', 'x=1', '=', '&&', 'q', `${r.pick(RAW_VALUES)}=1`]));
  for (let i = params.length - 1; i > 0; i--) {
    const j = r.int(0, i);
    [params[i], params[j]] = [params[j]!, params[i]!];
  }
  const path = `/api/search${params.length || r.chance(0.5) ? '?' : ''}${params.join('&')}`;
  return { id, what: 'search with odd query parameters', method: 'GET', path, headers: {}, ...searchExpectation(path) };
}

/** Methods Node's HTTP parser accepts (others never reach the app); CONNECT is a tunnel, not a request. */
const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'TRACE', 'PROPFIND', 'MKCOL', 'COPY', 'MOVE', 'LOCK', 'SEARCH', 'PURGE', 'REPORT', 'QUERY', 'LINK', 'ACL', 'MERGE'];

const FIXED_GET = ['/health', '/api/footnotes', '/openapi.json', '/docs', '/widget.js', '/'];

/** The app's routes as the contract describes them: which methods a path answers. */
function routeMethods(pathname: string): string[] | undefined {
  if (FIXED_GET.includes(pathname) || /^\/api\/(footnotes|passages)\/[^/]+$/.test(pathname)) return ['GET', 'HEAD'];
  if (pathname === '/api/search') return ['GET', 'HEAD'];
  if (pathname === '/api/chat') return ['POST'];
  return undefined;
}

function oddPath(r: Rng, passageId: string): string {
  const base = r.pick([...FIXED_GET, '/api/search?q=R1', '/api/chat', `/api/passages/${passageId}`, '/api/footnotes/3', '/api/passages/', '/api/footnotes/']);
  const mutations: ((p: string) => string)[] = [
    (p) => p,
    (p) => `${p}/`,
    (p) => p.replace(/^\/api\//, '/api//'),
    (p) => p.toUpperCase(),
    (p) => `${p}${p.includes('?') ? '&' : '?'}${r.pick(RAW_VALUES)}`,
    () => `/api/passages/${r.pick(['..%2f..%2fpackage.json', '%00', 'P1', 'a'.repeat(65), encodeURIComponent(wildText(r, 3).replace(/[\ud800-\udfff]/g, '')) || 'x', '%ED%A0%80', '..', '.'])}`,
    () => `/api/footnotes/${r.pick(['0', '1', '21', '22', '-1', '1e1', '01', '9999', '%31', '%E4%B8%80', 'abc', '1.0', '99999999999'])}`,
    () => `/${'a/'.repeat(r.int(1, 400))}`,
    () => `/${encodeURIComponent(wildText(r).replace(/[\ud800-\udfff]/g, '')) || 'x'}`,
    () => r.pick(['/%2e%2e/%2e%2e/etc/passwd', '/api/%2e%2e/health', '/.env', '/favicon.ico', '/api', '/api/', '//health', '/health;x=1', '/widget.js.map']),
  ];
  return r.pick(mutations)(base);
}

/** A request whose method or path is odd; expectations follow the route table. */
export function routeCase(r: Rng, id: number, passageId: string): FuzzCase {
  const method = r.pick(METHODS);
  const path = oddPath(r, passageId);
  // The server sees the path as a WHATWG URL does: dot segments (also as %2e) are resolved.
  const pathname = new URL(`http://host${path}`).pathname;
  const methods = routeMethods(pathname);
  // CORS answers preflights under /api (Hono's `/api/*` includes `/api` itself) and on /health.
  const preflight = method === 'OPTIONS' && (pathname === '/api' || pathname.startsWith('/api/') || pathname === '/health');
  let expect: number[];
  let code: string | undefined;
  if (preflight) expect = [204];
  else if (!methods) [expect, code] = [[404], 'not_found'];
  else if (!methods.includes(method)) [expect, code] = [[405], 'method_not_allowed'];
  else if (pathname === '/api/search') expect = searchExpectation(path).expect;
  else if (/^\/api\/(footnotes|passages)\/[^/]+$/.test(pathname)) expect = [200, 404]; // depends on whether the id or number exists
  else expect = [200];
  const body = method === 'POST' ? Buffer.from(JSON.stringify({ question: 'R1の価格は？' })) : undefined;
  return { id, what: `${method} on an odd path`, method, path, headers: body ? { 'Content-Type': 'application/json' } : {}, ...(body ? { body } : {}), expect, ...(code ? { code } : {}) };
}

/** A mix of chat, search and route cases. */
export function generateCases(seed: number, count: number, passageId: string): FuzzCase[] {
  const r = prng(seed);
  return Array.from({ length: count }, (_, id) => {
    const roll = r.next();
    if (roll < 0.45) return chatCase(r, id);
    if (roll < 0.7) return searchCase(r, id);
    return routeCase(r, id, passageId);
  });
}
