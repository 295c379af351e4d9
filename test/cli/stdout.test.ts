import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { StandardOutput, type OutputSystem } from '../../src/cli/stdout.js';

/** A fake process: a file descriptor that takes `accept` bytes per call or fails, and a stream. */
function fakeSystem(opts: { terminal?: boolean; columns?: number; accept?: number[]; fail?: string }) {
  const fd: number[] = [];
  const streamed: string[] = [];
  const exits: number[] = [];
  const accept = [...(opts.accept ?? [])];
  const stream = Object.assign(new EventEmitter(), {
    isTTY: opts.terminal === true,
    columns: opts.columns,
    write: (chunk: string | Uint8Array) => {
      streamed.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
      return true;
    },
  });
  const system: OutputSystem = {
    fd: 1,
    writeSync: (_fd, bytes, offset) => {
      if (accept.length === 0) {
        throw Object.assign(new Error(opts.fail ?? 'EAGAIN'), { code: opts.fail ?? 'EAGAIN' });
      }
      const n = Math.min(accept.shift()!, bytes.length - offset);
      fd.push(Buffer.from(bytes.subarray(offset, offset + n)).toString('utf8'));
      return n;
    },
    stream: () => stream as unknown as NodeJS.WriteStream,
    mayBeTerminal: () => opts.terminal === true,
    exit: ((code: number) => {
      exits.push(code);
      throw new Error(`exit ${code}`);
    }) as (code: number) => never,
  };
  return { system, fd, streamed, exits };
}

describe('standard output', () => {
  it('writes to the descriptor when it is no terminal, in as many calls as it takes', () => {
    const f = fakeSystem({ accept: [3, 100, 100] });
    const out = new StandardOutput(f.system);
    out.write('hello, ');
    out.write('world\n');
    expect(f.fd.join('')).toBe('hello, world\n');
    expect(f.streamed).toEqual([]);
    expect(out.columns).toBe(80);
  });
  it('hands the rest to the stream when a non-blocking pipe is full, and keeps the order', () => {
    const f = fakeSystem({ accept: [4] });
    const out = new StandardOutput(f.system);
    out.write('abcdefgh');
    out.write('ij');
    expect(f.fd).toEqual(['abcd']);
    expect(f.streamed).toEqual(['efgh', 'ij']);
  });
  it('exits quietly, with the status so far, when the reader has gone', () => {
    const f = fakeSystem({ fail: 'EPIPE' });
    expect(() => new StandardOutput(f.system).write('x')).toThrow('exit 0');
    expect(f.exits).toEqual([0]);
  });
  it('uses the stream, and its width, on a terminal', () => {
    const f = fakeSystem({ terminal: true, columns: 64 });
    const out = new StandardOutput(f.system);
    out.write('table');
    expect(out.isTerminal).toBe(true);
    expect(out.columns).toBe(64);
    expect(f.streamed).toEqual(['table']);
    expect(f.fd).toEqual([]);
  });
  it('other write errors are not swallowed', () => {
    const f = fakeSystem({ fail: 'EIO' });
    expect(() => new StandardOutput(f.system).write('x')).toThrow('EIO');
  });
});
