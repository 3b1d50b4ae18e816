import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';

const ROOT = resolve(__dirname, '../..');

interface Case {
  /** The file the text is linted as (it exists, so the config's globs place it as they place real code). */
  filePath: string;
  code: string;
}

/**
 * Lints source texts with the project's own eslint.config.mjs through ESLint's Node API, in a
 * child process: ESLint loads the config with a dynamic import, which Jest's module VM refuses.
 */
async function lint(cases: Case[]): Promise<string[][]> {
  const script = `
    const { ESLint } = require('eslint');
    (async () => {
      // The boundaries rule alone: it reads import paths, not types, so no TypeScript program of the
      // whole project is built for these few texts (the typed rules run in npm run lint).
      const eslint = new ESLint({
        cwd: process.cwd(),
        ruleFilter: ({ ruleId }) => ruleId === 'mangfold/boundaries',
        overrideConfig: { languageOptions: { parserOptions: { projectService: false } } },
      });
      const cases = JSON.parse(process.argv[1]);
      const out = [];
      for (const c of cases) {
        const [result] = await eslint.lintText(c.code, { filePath: c.filePath });
        out.push(result.messages.filter((m) => m.ruleId === 'mangfold/boundaries').map((m) => m.message));
      }
      process.stdout.write(JSON.stringify(out));
    })().catch((error) => { console.error(error); process.exit(1); });`;
  const { stdout } = await promisify(execFile)(process.execPath, ['-e', script, JSON.stringify(cases)], {
    cwd: ROOT,
    maxBuffer: 10 * 1024 * 1024,
  });
  return JSON.parse(stdout) as string[][];
}

describe('lint: boundaries between libs and apps', () => {
  let results: string[][];
  const cases = {
    relativeIntoAnotherLib: { filePath: 'libs/kpi/src/kpi-year.ts', code: "export { Event } from '../../calendar/src/event.entity';\n" },
    relativeFromAppIntoLib: { filePath: 'apps/api/src/main.ts', code: "import '../../../libs/db/src/slug';\n" },
    testUtilsInLibSource: { filePath: 'libs/feeds/src/labels.ts', code: "export { parseCalendar } from '@mangfold/test-utils';\n" },
    testDirInLibSource: { filePath: 'libs/feeds/src/labels.ts', code: "export { parseCalendar } from '../../../test/utils/ical';\n" },
    upwardImport: { filePath: 'libs/db/src/slug.ts', code: "export { Registration } from '@mangfold/registrations';\n" },
    sameLayerImport: { filePath: 'libs/feeds/src/labels.ts', code: "export { Registration } from '@mangfold/registrations';\n" },
    workplanImportingKpi: { filePath: 'libs/workplan/src/survey-tokens.ts', code: "export { KpiService } from '@mangfold/kpi';\n" },
    domainLibImportingWeb: { filePath: 'libs/calendar/src/event-rules.ts', code: "export { renderPage } from '@mangfold/web';\n" },
    allowed: {
      filePath: 'libs/registrations/src/waitlist-rule.ts',
      code: "export { Event } from '@mangfold/calendar';\nexport { escapeLike } from '@mangfold/common';\nexport { pgDate } from './sql-values';\n",
    },
    allowedInSpec: { filePath: 'libs/feeds/src/event-fragment.spec.ts', code: "export { parseCalendar } from '@mangfold/test-utils';\n" },
  } satisfies Record<string, Case>;
  const names = Object.keys(cases) as (keyof typeof cases)[];
  const of = (name: keyof typeof cases): string[] => results[names.indexOf(name)];

  beforeAll(async () => {
    results = await lint(names.map((name) => cases[name]));
  }, 180_000);

  it('fails on a relative import that leaves its lib or app', () => {
    expect(of('relativeIntoAnotherLib')).toEqual([
      '"../../calendar/src/event.entity" reaches into libs/calendar with a relative path; import it by its @mangfold alias',
    ]);
    expect(of('relativeFromAppIntoLib')).toEqual([
      '"../../../libs/db/src/slug" reaches into libs/db with a relative path; import it by its @mangfold alias',
    ]);
  });

  it('fails on library source importing test helpers', () => {
    expect(of('testUtilsInLibSource')).toEqual(['Library and app code must not import test helpers ("@mangfold/test-utils")']);
    expect(of('testDirInLibSource')).toEqual(['Library and app code must not import test helpers ("../../../test/utils/ical")']);
  });

  it('fails on an import against the order of the layers', () => {
    for (const [name, from, to] of [
      ['upwardImport', 'db', 'registrations'],
      ['sameLayerImport', 'feeds', 'registrations'],
      ['workplanImportingKpi', 'workplan', 'kpi'],
      ['domainLibImportingWeb', 'calendar', 'web'],
    ] as const) {
      expect(of(name)).toEqual([
        `${from} must not import @mangfold/${to}: ${from} may import only layers below it (config ← db ← jobs ← … ← web ← apps, see eslint.boundaries.mjs)`,
      ]);
    }
  });

  it('lets a lib import lower layers by alias and its own files relatively; unit tests may use the test helpers', () => {
    expect(of('allowed')).toEqual([]);
    expect(of('allowedInSpec')).toEqual([]);
  });
});
