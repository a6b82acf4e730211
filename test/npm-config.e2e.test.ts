/**
 * The project's npm settings, read by the npm on this machine: every key is one npm knows (no
 * "Unknown project config" on each command), and dependencies' install scripts stay off, so an
 * install fetches nothing from outside the registry.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './helpers/server';

const run = promisify(execFile);

describe('npm settings', () => {
  it('are all known to npm, and keep dependency install scripts from running', async () => {
    // The project's own settings, not those of an npm that started this test.
    const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k)));
    const { stdout, stderr } = await run('npm', ['config', 'get', 'ignore-scripts'], { cwd: repoRoot, env });
    expect(stderr).not.toMatch(/warn/i);
    expect(stdout.trim()).toBe('true');
  });
});
