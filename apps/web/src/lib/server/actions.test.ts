import { describe, expect, it } from 'vitest';
import { safeNext } from './actions.ts';

describe('safeNext', () => {
  it('keeps a local path', () => {
    expect(safeNext('/courses/x', '/my')).toBe('/courses/x');
  });
  it('refuses other sites and missing values', () => {
    expect(safeNext('//evil.example', '/my')).toBe('/my');
    expect(safeNext('https://evil.example', '/my')).toBe('/my');
    expect(safeNext('/\\evil.example', '/my')).toBe('/my');
    expect(safeNext(null, '/my')).toBe('/my');
  });
});
