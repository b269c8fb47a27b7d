import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { sha256Hex } from '../../../src/sim/core/sha256';

const node = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

describe('SHA-256 of a text', () => {
  it('gives the FIPS 180-4 example digests', () => {
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256Hex('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')).toBe('248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1');
  });

  it('agrees with node:crypto at every length around the 64-byte block and its 56-byte padding boundary', () => {
    for (let n = 0; n <= 200; n++) {
      const text = 'x'.repeat(n);
      expect(sha256Hex(text), `${n} bytes`).toBe(node(text));
    }
  });

  it('agrees with node:crypto on any well-formed text, its UTF-8 bytes of one to four bytes a character included (property)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 150 }), fc.string({ unit: 'grapheme', maxLength: 150 }), fc.string({ maxLength: 300 })), (text) => {
        expect(sha256Hex(text)).toBe(node(text));
      }),
      { numRuns: 500 },
    );
    for (const text of ['é', '€', '𝄞', 'naïve café ☕ 🐳', '\u0000\u007f\u0080\u07ff\u0800\uffff']) expect(sha256Hex(text), text).toBe(node(text));
  });

  it('answers in 64 lowercase hex digits', () => {
    expect(sha256Hex('manifest')).toMatch(/^[0-9a-f]{64}$/);
  });
});
