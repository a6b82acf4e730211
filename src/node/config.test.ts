import { describe, expect, it } from 'vitest';
import { loadConfig } from './config';

describe('loadConfig', () => {
  it('defaults to a loopback server on 8787 that tries the E5 model and may download it', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ PORT: 8787, HOST: '127.0.0.1', EMBEDDER: 'auto', EMBEDDING_MODEL: 'Xenova/multilingual-e5-small', ALLOW_REMOTE_MODELS: true });
    expect(c.indexDir).toMatch(/data\/index$/);
  });

  it('reads the variables, ignoring empty ones', () => {
    const c = loadConfig({ PORT: '0', EMBEDDER: 'hash', ALLOW_REMOTE_MODELS: '0', DATA_DIR: '/tmp/x', HOST: '' });
    expect(c).toMatchObject({ PORT: 0, EMBEDDER: 'hash', ALLOW_REMOTE_MODELS: false, HOST: '127.0.0.1', indexDir: '/tmp/x/index' });
  });

  it('logs each request by default, and what readers asked only when asked to', () => {
    expect(loadConfig({})).toMatchObject({ ACCESS_LOG: true, ACCESS_LOG_QUESTIONS: false });
    expect(loadConfig({ ACCESS_LOG: '0', ACCESS_LOG_QUESTIONS: '1' })).toMatchObject({ ACCESS_LOG: false, ACCESS_LOG_QUESTIONS: true });
  });

  it('names every bad variable in one clear error', () => {
    const bad = () => loadConfig({ EMBEDDER: 'openai', PORT: 'eighty' });
    expect(bad).toThrow(/^invalid configuration:/);
    expect(bad).toThrow(/EMBEDDER: .*auto.*transformers.*hash/);
    expect(bad).toThrow(/PORT: /);
    expect(() => loadConfig({ ALLOW_REMOTE_MODELS: 'maybe' })).toThrow(/ALLOW_REMOTE_MODELS/);
  });
});
