import fc from 'fast-check';
import { PacketType } from 'socket.io-parser';
import { describe, expect, it } from 'vitest';
import { textParser } from '../../server/wireParser.js';
import { lastSeqOf } from '../bench/lightPhone.js';

/**
 * A frame of consecutive note events as the server writes it (server/wireParser.ts), with texts of any content and an
 * event nested in each body (as a removal's `left` holds).
 */
const frameOf = (first: number, texts: string[]): string =>
  new textParser.Encoder().encode({
    type: PacketType.EVENT,
    nsp: '/',
    data: ['events', texts.map((text, i) => ({ type: 'note.added', note: { id: `n${i}`, text, left: [{ type: 'note.moved', seq: 1, at: 2 }] }, seq: first + i, at: 1_700_000_000_000 + i }))],
  })[0]!;

describe("the bench's skimming phones (tests/bench/lightPhone.ts)", () => {
  it("read a frame's last seq without parsing it, whatever its texts and nested events hold", () => {
    const text = fc.oneof(fc.string(), fc.constantFrom('"seq":5,"at":1', '{"seq":99,"at":0}', '\\"seq\\":7,"at":', '"seq":'));
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e9 }), fc.array(text, { minLength: 1, maxLength: 30 }), (first, texts) => {
        const frame = frameOf(first, texts);
        const parsed = (JSON.parse(frame.slice(1)) as [string, Array<{ seq: number }>])[1].map((e) => e.seq);
        expect(lastSeqOf(frame)).toBe(parsed.at(-1));
      }),
    );
  });
});
