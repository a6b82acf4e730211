import { describe, expect, it } from 'vitest';
import { AppError } from '../core/errors';
import { readSettings } from './settings';

describe('readSettings', () => {
  it('defaults to any origin, 64 KiB bodies and automatic retrieval', () => {
    const defaults = { allowedOrigins: '*', maxBodyBytes: 65536, retrieval: 'auto', llmModel: '@cf/meta/llama-3.1-8b-instruct', llmTimeoutMs: 20000 };
    expect(readSettings({})).toEqual(defaults);
    expect(readSettings(undefined)).toEqual(defaults);
  });

  it('reads wrangler [vars] (always strings) and ignores other bindings and empty values', () => {
    const settings = readSettings({
      ALLOWED_ORIGINS: 'https://a.example, https://b.example',
      MAX_BODY_BYTES: '2048',
      RETRIEVAL: 'lexical',
      LLM_MODEL: '@cf/qwen/qwen1.5-14b-chat-awq',
      LLM_TIMEOUT_MS: '5000',
      AI: {},
      RETRIEVAL_NOTE: '',
    });
    expect(settings).toEqual({
      allowedOrigins: ['https://a.example', 'https://b.example'],
      maxBodyBytes: 2048,
      retrieval: 'lexical',
      llmModel: '@cf/qwen/qwen1.5-14b-chat-awq',
      llmTimeoutMs: 5000,
    });
    expect(readSettings({ RETRIEVAL: '' }).retrieval).toBe('auto');
  });

  it('refuses invalid values with a message naming the variable', () => {
    expect(() => readSettings({ RETRIEVAL: 'dense' })).toThrow(AppError);
    expect(() => readSettings({ RETRIEVAL: 'dense' })).toThrow(/RETRIEVAL/);
    expect(() => readSettings({ MAX_BODY_BYTES: '-5' })).toThrow(/MAX_BODY_BYTES/);
    expect(() => readSettings({ MAX_BODY_BYTES: 'lots' })).toThrow(/MAX_BODY_BYTES/);
    expect(() => readSettings({ LLM_TIMEOUT_MS: '0' })).toThrow(/LLM_TIMEOUT_MS/);
  });
});
