import { describe, expect, it } from 'vitest';
import { Encoder, PacketType, type Packet } from 'socket.io-parser';
import { textParser } from '../../server/wireParser.js';

const stock = new Encoder();
const ours = new textParser.Encoder();

describe('the server parser (server/wireParser.ts)', () => {
  const packets: Packet[] = [
    { type: PacketType.CONNECT, nsp: '/', data: { sid: 'abc', pid: undefined } },
    { type: PacketType.CONNECT_ERROR, nsp: '/', data: { message: 'This page is out of date. Please reload it.', data: { code: 'protocol' } } },
    { type: PacketType.DISCONNECT, nsp: '/' },
    { type: PacketType.EVENT, nsp: '/', data: ['events', [{ seq: 1, type: 'note.added', note: { id: 'n1', text: 'é "quoted" \\ \n' } }]] },
    { type: PacketType.EVENT, nsp: '/admin', data: ['closed', { reason: 'removed' }] },
    { type: PacketType.ACK, nsp: '/', id: 0, data: [{ ok: true, seq: 12, nested: [[null, 1.5, false, ''], {}] }] },
    { type: PacketType.ACK, nsp: '/', id: 4711, data: [{ ok: false, error: { code: 'rate_limited', message: 'Wait.' } }] },
    { type: PacketType.EVENT, nsp: '/', id: 3, data: ['time'] },
  ];

  it('writes every packet without binary data as the stock encoder does', () => {
    for (const p of packets) expect(ours.encode(p)).toEqual(stock.encode(p));
  });

  it('decodes with the stock decoder', () => {
    const decoder = new textParser.Decoder();
    const got: unknown[] = [];
    decoder.on('decoded', (p: unknown) => got.push(p));
    decoder.add(ours.encode(packets[5]!)[0]!);
    expect(got).toEqual([{ type: PacketType.ACK, nsp: '/', id: 0, data: packets[5]!.data }]);
  });
});
