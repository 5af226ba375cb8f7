// What the shell reads from the raw arguments before commander parses them decides how commander's
// own errors are reported (JSON or text) and the help's language: it must read a flag as commander
// will, the last occurrence winning and nothing after `--`.

import { PassThrough, Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { OPTIONEN } from '../../src/cli/optionen.js';
import { rohWert, vorab } from '../../src/cli/vorab.js';

const io = (terminal: boolean) => ({ stdout: Object.assign(new PassThrough(), terminal ? { isTTY: true } : {}), stderr: new PassThrough(), stdin: Readable.from([]), env: {} });

describe('vorab', () => {
  it('reads the last value of an option, in both spellings, and stops at --', () => {
    expect(rohWert(['lzb', '--format', 'csv', '--format=json'], OPTIONEN.format)).toBe('json');
    expect(rohWert(['lzb', '--format=json', '--format', 'md'], OPTIONEN.format)).toBe('md');
    expect(rohWert(['lzb', '--', '--format', 'json'], OPTIONEN.format)).toBeUndefined();
    expect(rohWert(['lzb', '--color', '--no-color'], OPTIONEN.color)).toBe(false);
    expect(rohWert(['lzb', '--no-color', '--color'], OPTIONEN.color)).toBe(true);
    expect(rohWert(['lzb', '-q'], OPTIONEN.quiet)).toBe(true);
  });

  it('reports in JSON as the call will write: --json or --format json, else text into --out, else JSON off a terminal', () => {
    const json = (argv: string[], terminal = false) => vorab(argv, io(terminal)).json;
    expect(json(['lzb'])).toBe(true);
    expect(json(['lzb'], true)).toBe(false);
    expect(json(['lzb', '--json'], true)).toBe(true);
    expect(json(['lzb', '--format', 'json'], true)).toBe(true);
    expect(json(['lzb', '--format', 'csv'])).toBe(false);
    expect(json(['lzb', '--out', 'x.json'])).toBe(false);
    expect(json(['lzb', '--out=x.json'])).toBe(false);
    expect(json(['lzb', '--out', 'x.json', '--format', 'json'])).toBe(true);
  });

  it('takes the help language from --lang en only', () => {
    expect(vorab(['report', '--help', '--lang', 'en'], io(true)).sprache).toBe('en');
    expect(vorab(['report', '--help', '--lang=en'], io(true)).sprache).toBe('en');
    expect(vorab(['report', '--help', '--lang', 'fr'], io(true)).sprache).toBe('de');
    expect(vorab(['report', '--help'], io(true)).sprache).toBe('de');
  });
});
