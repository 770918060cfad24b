import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundlePaths, resolveUserDataOverride } from '../../../electron/main/paths';

describe('bundle paths', () => {
  it('finds the preload and renderer next to out/main', () => {
    const out = path.resolve('/app/out');
    expect(bundlePaths(path.join(out, 'main'))).toEqual({
      preload: path.join(out, 'preload', 'index.cjs'),
      renderer: path.join(out, 'renderer'),
    });
  });
});

describe('AMPARO_USER_DATA', () => {
  it('accepts only an absolute path', () => {
    const absolute = path.resolve('/tmp/amparo-e2e-1');
    expect(resolveUserDataOverride(absolute)).toBe(absolute);
    for (const value of [undefined, '', '   ', 'relative/dir', './x', '/tmp/a\0b', 42]) {
      expect(resolveUserDataOverride(value)).toBeNull();
    }
  });
});
