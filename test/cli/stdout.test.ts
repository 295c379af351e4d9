import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { StandardOutput, type OutputSystem } from '../../src/cli/stdout.js';

/** A fake process: a file descriptor that takes `accept` bytes per call or fails, and a stream. */
function fakeSystem(opts: { terminal?: boolean; columns?: number; accept?: number[]; fail?: string; closed?: boolean }) {
  const fd: string[] = [];
  const failures: [string, number][] = [];
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
    wasClosed: () => opts.closed === true,
    fail: ((message: string, code: number) => {
      failures.push([message, code]);
      throw new Error(`fail ${code}`);
    }) as (message: string, code: number) => never,
    exit: ((code: number) => {
      exits.push(code);
      throw new Error(`exit ${code}`);
    }) as (code: number) => never,
  };
  return { system, fd, streamed, exits, stream, failures };
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
  it('other write errors are the project error E0802, not a crash', () => {
    const f = fakeSystem({ fail: 'ENOSPC' });
    expect(() => new StandardOutput(f.system).write('x')).toThrow(expect.objectContaining({ code: 'E0802', message: 'cannot write to standard output: ENOSPC' }));
  });
  it('a standard output closed at start is E0802 before anything is written', () => {
    const f = fakeSystem({ accept: [100], closed: true });
    expect(() => new StandardOutput(f.system).write('x')).toThrow(expect.objectContaining({ code: 'E0802' }));
    expect(f.fd).toEqual([]);
  });
  it('a stream error after the command returned is one line and exit 74, not an uncaught exception', () => {
    const f = fakeSystem({ terminal: true });
    new StandardOutput(f.system).write('table');
    expect(() => f.stream.emit('error', Object.assign(new Error('EIO: i/o error, write'), { code: 'EIO' }))).toThrow('fail 74');
    expect(f.failures).toEqual([['error[E0802]: cannot write to standard output: i/o error (EIO)', 74]]);
  });
  it('a stream EPIPE stays a quiet exit', () => {
    const f = fakeSystem({ terminal: true });
    new StandardOutput(f.system).write('table');
    expect(() => f.stream.emit('error', Object.assign(new Error('EPIPE'), { code: 'EPIPE' }))).toThrow('exit 0');
    expect(f.failures).toEqual([]);
  });
});
