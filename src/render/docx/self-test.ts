// `briefbook doctor`'s Word check: write a test document with the real writer (heading,
// footnote, table, banner, page fields), and find the LibreOffice a user can check Word
// files with when they have no Word. (Opening files in LibreOffice is what the tests do;
// doctor only names it, so it stays quick.)
import { execFile } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import type { BuildStamp } from '../../facts/stamp.js';
import { parseAudience } from '../template-files/audiences.js';
import { packetDocx } from './write-docx.js';

export interface WordSelfTest {
  bytes: number;
  ms: number;
  /** The first LibreOffice on PATH and its version line; undefined when there is none. */
  libreoffice?: { command: string; version: string };
}

const AUDIENCE = `---
title: briefbook doctor
audience: Doctor
genre: brief
sensitivity: public
---
`;
const MARKDOWN = '# briefbook doctor\n\nA test page.[^1]\n\n| A | B |\n|:--|:--|\n| 1 | 2 |\n\n[^1]: A note.\n';
const STAMP: BuildStamp = { date: '2026-01-01', epoch: 1767225600, dirty: false, git: false, text: 'Test stamp' };

export async function wordSelfTest(): Promise<WordSelfTest> {
  const t0 = performance.now();
  const audience = parseAudience('doctor', 'doctor.md', AUDIENCE);
  const docx = await packetDocx({ audience, markdown: MARKDOWN, body: '', css: '', headings: [], stamp: STAMP });
  const ms = performance.now() - t0;
  for (const command of ['soffice', 'libreoffice']) {
    const version = await new Promise<string | undefined>((resolve) =>
      execFile(command, ['--version'], { timeout: 20_000 }, (err, out) =>
        resolve(err ? undefined : (/LibreOffice [\d.]+/.exec(String(out))?.[0] ?? command)),
      ),
    );
    if (version) return { bytes: docx.byteLength, ms, libreoffice: { command, version } };
  }
  return { bytes: docx.byteLength, ms };
}
