// The SHA-256 of a large input, computed on the second core while the main thread reads the same
// file (from the page cache): the checksum every report carries then costs no wall time.

import { Worker } from 'node:worker_threads';

// One buffer read into again and again: a stream would leave a megabyte of garbage per megabyte.
const ARBEIT = `
const { parentPort, workerData } = require('node:worker_threads');
const fs = require('node:fs');
const hash = require('node:crypto').createHash('sha256');
try {
  const fd = fs.openSync(workerData, 'r');
  const puffer = Buffer.allocUnsafe(1 << 20);
  for (let n; (n = fs.readSync(fd, puffer, 0, puffer.length, null)) > 0; ) hash.update(puffer.subarray(0, n));
  fs.closeSync(fd);
  parentPort.postMessage({ sha256: hash.digest('hex') });
} catch (e) {
  parentPort.postMessage({ fehler: String((e && e.code) || e) });
}
`;

export function sha256ImHintergrund(datei: string): Promise<string> {
  return new Promise((fertig, scheitert) => {
    const w = new Worker(ARBEIT, { eval: true, workerData: datei });
    w.once('message', (m: { sha256?: string; fehler?: string }) => {
      void w.terminate();
      if (m.sha256) fertig(m.sha256);
      else scheitert(Object.assign(new Error(`SHA-256 von ${datei}: ${m.fehler}`), { code: m.fehler }));
    });
    w.once('error', scheitert);
  });
}
