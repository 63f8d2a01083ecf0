// `briefbook doctor`: is this machine (and this project) ready to build packets? Each
// check returns ok or a problem with its fix; nothing is printed here. The browser is
// found by the same discovery `build` uses, and tried for real with a one-page PDF.
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import { UserError } from '../errors.js';
import { KINDS } from '../facts/kinds.js';
import { loadFactBase } from '../facts/load.js';
import type { Project } from '../project.js';
import { fontStacks } from '../render/print/font-stacks.js';
import { loadAudiences } from '../render/template-files/audiences.js';
import { listTemplates, readTemplate } from '../render/template-files/cascade.js';
import { builtinTemplatesDir, packageRoot } from '../util/package-root.js';

export interface Check {
  name: 'node' | 'browser' | 'pdf' | 'word' | 'fonts' | 'git' | 'project';
  status: 'ok' | 'problem' | 'skipped';
  summary: string;
  /** Extra lines: paths tried, fonts missing… */
  details: string[];
  /** What to do about a problem. */
  fix: string[];
}

export interface DoctorOptions {
  /** The project to check, or the error that says why none could be opened (undefined: none looked for). */
  project?: Project | Error;
  /** Was the project named (-C)? Then not finding it is a problem, not a skipped check. */
  named?: boolean;
  cwd?: string;
  /** --browser PATH. */
  browser?: string;
  /** Milliseconds for the test browser to start and print. */
  timeout?: number;
  env?: NodeJS.ProcessEnv;
  platform?: NodeJS.Platform;
}

export const FONT_PACKAGES = 'sudo apt-get install fonts-liberation2 fonts-noto-core';

const check = (name: Check['name'], status: Check['status'], summary: string, details: string[] = [], fix: string[] = []): Check => ({
  name,
  status,
  summary,
  details,
  fix,
});

export async function doctor(opts: DoctorOptions = {}): Promise<Check[]> {
  const checks: Check[] = [await nodeCheck()];
  checks.push(...(await browserChecks(opts)), await wordCheck());
  const project = opts.project;
  checks.push(await fontsCheck(project instanceof Error ? undefined : project, opts.platform ?? process.platform));
  checks.push(await gitCheck());
  checks.push(await projectCheck(project, opts));
  return checks;
}

async function nodeCheck(): Promise<Check> {
  const pkg = JSON.parse(await readFile(`${packageRoot()}/package.json`, 'utf8')) as { engines?: { node?: string } };
  const need = /(\d+)\.(\d+)/.exec(pkg.engines?.node ?? '>=20.19') ?? ['', '20', '19'];
  const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
  const ok = major > Number(need[1]) || (major === Number(need[1]) && minor >= Number(need[2]));
  const summary = `node ${process.versions.node} (briefbook needs ${need[1]}.${need[2]} or later)`;
  return ok
    ? check('node', 'ok', summary)
    : check('node', 'problem', summary, [], ['install Node.js 22 LTS (https://nodejs.org, or `nvm install 22`)']);
}

async function browserChecks(opts: DoctorOptions): Promise<Check[]> {
  const { discoverBrowser, GET_A_BROWSER } = await import('../render/print/find-browser.js');
  const { launchBrowser } = await import('../render/print/browser.js');
  const { pageObjects } = await import('../render/print/pdf-bytes.js');
  const { PdfFile } = await import('../render/print/pdf-file.js');
  const env = opts.env ?? process.env;
  let found: { path: string; from: string; shell: boolean } | undefined;
  let tried: { path: string; from: string; problem: string }[];
  try {
    ({ found, tried } = await discoverBrowser({ executable: opts.browser, env }));
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    return [
      check('browser', 'problem', message, [], e instanceof UserError && e.hint ? [e.hint] : []),
      check('pdf', 'skipped', 'test PDF not tried (no browser)'),
    ];
  }
  const details = [
    ...tried.map((t) => `tried ${t.path} (${t.from}): ${t.problem}`),
    ...(found && tried.length > 0 ? [`found ${found.path} (${found.from})`] : []),
  ];
  if (!found) {
    return [
      check('browser', 'problem', 'no browser for PDF output', details, GET_A_BROWSER),
      check('pdf', 'skipped', 'test PDF not tried (no browser)'),
    ];
  }
  const kind = found.shell ? 'Chromium headless shell' : 'full browser';
  if (!found.shell)
    details.push('Chromium’s headless shell starts and prints faster: sudo apt-get install chromium-headless-shell (Debian)');
  const browser = check('browser', 'ok', `browser ${found.path} (${kind}; ${found.from})`, details);
  const timeout = opts.timeout ?? 30_000;
  const t0 = performance.now();
  let session: Awaited<ReturnType<typeof launchBrowser>> | undefined;
  try {
    session = await launchBrowser({ executable: opts.browser, env: opts.env, launchTimeout: timeout, renderTimeout: timeout });
    const started = performance.now() - t0;
    const t1 = performance.now();
    const bytes = await session.print('<!doctype html><title>briefbook doctor</title><p>briefbook doctor: test page</p>', {
      format: 'letter',
    });
    const printed = performance.now() - t1;
    const pages = pageObjects(new PdfFile(bytes)).length;
    return [browser, check('pdf', 'ok', `test PDF: browser started in ${secs(started)}, ${pages}-page PDF printed in ${secs(printed)}`)];
  } catch (e) {
    const lines = (e instanceof Error ? e.message : String(e)).split('\n');
    return [
      browser,
      check(
        'pdf',
        'problem',
        `the browser failed the test PDF: ${lines[0]}`,
        lines.slice(1).map((l) => l.trim()),
        e instanceof UserError && e.hint ? e.hint.split('\n').map((l) => l.trim()) : ['try another browser with --browser PATH'],
      ),
    ];
  } finally {
    await session?.close();
  }
}

/** The Word writer, tried for real (a failure is a bug), and how to check its files. */
async function wordCheck(): Promise<Check> {
  const { wordSelfTest } = await import('../render/docx/self-test.js');
  const t = await wordSelfTest();
  const open = 'open out/<audience>.docx in Word (Review → Track Changes shows `build --since` changes) or LibreOffice';
  const written = `Word writer: test .docx written in ${secs(t.ms)}`;
  const lo = t.libreoffice;
  if (!lo)
    return check('word', 'ok', written, [
      open,
      'no LibreOffice to check .docx files without Word: sudo apt-get install libreoffice-writer-nogui',
    ]);
  return check('word', 'ok', `${written}; ${lo.version} found`, [
    open,
    `check a packet without Word: ${lo.command} --headless --convert-to pdf out/<audience>.docx (it opens the file and prints it)`,
  ]);
}

async function fontsCheck(project: Project | undefined, platform: NodeJS.Platform): Promise<Check> {
  const sheets = project
    ? await listTemplates(project, 'styles', '.css')
    : [{ name: 'briefbook', path: `${builtinTemplatesDir()}/styles/briefbook.css`, file: 'briefbook.css', root: builtinTemplatesDir() }];
  const css = (await Promise.all(sheets.map((s) => readTemplate(s).catch(() => '')))).join('\n');
  const { stacks, embedded } = fontStacks(css);
  const wanted = [...new Set(stacks.map((s) => s[0]).filter((f): f is string => f !== undefined))];
  const fcList = await capture('fc-list', [':', 'family']);
  if (fcList === undefined) {
    return platform === 'linux'
      ? check(
          'fonts',
          'problem',
          'cannot check fonts: fc-list (fontconfig) not found',
          [],
          [`sudo apt-get install fontconfig; then ${FONT_PACKAGES}`],
        )
      : check('fonts', 'skipped', `fonts not checked (no fc-list); the styles name ${wanted.join(', ')}`);
  }
  const installed = new Set(
    fcList
      .split('\n')
      .flatMap((l) => l.split(','))
      .map((f) => f.trim().toLowerCase()),
  );
  const have = (f: string) => installed.has(f.toLowerCase()) || embedded.has(f.toLowerCase());
  const missing = wanted.filter((f) => !have(f));
  const names = sheets.map((s) => `${s.name}.css`).join(', ');
  if (missing.length === 0) return check('fonts', 'ok', `fonts ${wanted.join(', ')} installed (named first in ${names})`);
  const fallbacks = missing.map((f) => {
    const stack = stacks.find((s) => s[0] === f) ?? [];
    const next = stack.slice(1).find(have);
    return `${f} missing; ${next ? `falls back to ${next}` : 'no named fallback installed either'}`;
  });
  return check('fonts', 'problem', `fonts named in ${names} are missing: ${missing.join(', ')}`, fallbacks, [
    `${FONT_PACKAGES}   (Debian/Ubuntu; output then matches other machines)`,
  ]);
}

async function gitCheck(): Promise<Check> {
  const version = await capture('git', ['--version']);
  return version === undefined
    ? check('git', 'problem', 'git not found', [], ['install git (https://git-scm.com): build stamps and `briefbook diff` use it'])
    : check('git', 'ok', version.trim());
}

async function projectCheck(project: Project | Error | undefined, opts: DoctorOptions): Promise<Check> {
  if (project === undefined) return check('project', 'skipped', 'no project checked');
  if (project instanceof Error) {
    if (!opts.named && /no brief project found/.test(project.message)) {
      return check('project', 'skipped', `no brief project in ${opts.cwd ?? process.cwd()} (start one with \`briefbook init DIR\`)`);
    }
    return check('project', 'problem', project.message, [], project instanceof UserError && project.hint ? [project.hint] : []);
  }
  const { factBase, report } = await loadFactBase(project.root, project.dataDir).catch((e: unknown) => {
    throw e instanceof UserError ? e : new UserError(String(e));
  });
  const counts = KINDS.filter((k) => factBase[k].size > 0)
    .map((k) => `${factBase[k].size} ${k}`)
    .join(', ');
  const audiences = await loadAudiences(project).then(
    (list) => ({ n: list.length, error: undefined }),
    (e: unknown) => ({ n: 0, error: e instanceof Error ? e.message.split('\n')[0] : String(e) }),
  );
  const partials = await listTemplates(project, 'partials', '.hbs');
  const own = partials.filter((p) => !p.builtin).length;
  const where = `project ${project.root}`;
  const templates = `${audiences.n} audiences; partials: ${own} own, ${partials.length - own} built-in`;
  if (report.errors.length > 0 || audiences.error) {
    const problems = [
      ...(report.errors.length > 0 ? [`${report.errors.length} errors in the fact base (first: ${formatFirst(report.errors[0])})`] : []),
      ...(audiences.error ? [`audiences: ${audiences.error}`] : []),
    ];
    return check('project', 'problem', `${where} has problems`, problems, [
      'run `briefbook validate` and `briefbook build -f md` for every message with its file and line',
    ]);
  }
  const warnings = report.warnings.length > 0 ? `; ${report.warnings.length} warnings (briefbook validate)` : '';
  return check('project', 'ok', `${where}: valid${warnings}`, [`${counts || 'no items yet'}`, templates]);
}

function formatFirst(d: { file: string; line: number; column: number; message: string } | undefined): string {
  return d ? `${d.file}:${d.line}:${d.column}: ${d.message}` : '';
}

const secs = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

function capture(cmd: string, args: string[]): Promise<string | undefined> {
  return new Promise((resolve) => {
    execFile(cmd, args, { timeout: 10_000, windowsHide: true, maxBuffer: 16 * 1024 * 1024 }, (err, stdout) =>
      resolve(err ? undefined : String(stdout)),
    );
  });
}
