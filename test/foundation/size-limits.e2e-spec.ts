import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import * as ts from 'typescript';

const ROOT = resolve(__dirname, '../..');
const MAX_FILE_LINES = 400;
const MAX_FUNCTION_LINES = 80;

/**
 * Files that are data tables rather than code, exempt from both limits: long because they list
 * every case, not because they do several things.
 */
const DATA_TABLES = new Map([['apps/api/src/ide/example-operations.ts', "the IDE's saved operations, one GraphQL text each"]]);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !/\.spec\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

function isFunctionLike(node: ts.Node): node is ts.FunctionLikeDeclaration {
  return (
    ts.isFunctionDeclaration(node) ||
    ts.isMethodDeclaration(node) ||
    ts.isArrowFunction(node) ||
    ts.isFunctionExpression(node) ||
    ts.isConstructorDeclaration(node) ||
    ts.isGetAccessorDeclaration(node) ||
    ts.isSetAccessorDeclaration(node)
  );
}

function functionName(node: ts.FunctionLikeDeclaration, source: ts.SourceFile): string {
  if (node.name) return node.name.getText(source);
  if (ts.isConstructorDeclaration(node)) return 'constructor';
  const parent = node.parent;
  if (ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent) || ts.isPropertyDeclaration(parent)) {
    return parent.name.getText(source);
  }
  return '(anonymous)';
}

/** Every function longer than the limit, as `file name`, and where it starts and how long it is. */
function longFunctions(file: string, text: string): { key: string; at: string }[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const found: { key: string; at: string }[] = [];
  const visit = (node: ts.Node): void => {
    if (isFunctionLike(node) && node.body) {
      const first = source.getLineAndCharacterOfPosition(node.getStart(source)).line;
      const last = source.getLineAndCharacterOfPosition(node.getEnd()).line;
      const lines = last - first + 1;
      if (lines > MAX_FUNCTION_LINES)
        found.push({ key: `${file} ${functionName(node, source)}`, at: `${file}:${first + 1} (${lines} lines)` });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('size limits of libs/ and apps/', () => {
  const files = ['libs', 'apps'].flatMap((dir) => sourceFiles(join(ROOT, dir))).map((path) => relative(ROOT, path));

  it('finds the source files it checks', () => {
    expect(files.length).toBeGreaterThan(100);
    expect(files).toContain('libs/registrations/src/registrations.service.ts');
  });

  it(`keeps every source file at ${MAX_FILE_LINES} lines or fewer (data tables excepted)`, () => {
    const tooLong = files
      .filter((file) => !DATA_TABLES.has(file))
      .map((file) => ({ file, lines: readFileSync(join(ROOT, file), 'utf8').split('\n').length }))
      .filter(({ lines }) => lines > MAX_FILE_LINES)
      .map(({ file, lines }) => `${file} (${lines} lines)`);
    expect(tooLong).toEqual([]);
  });

  it('lists only data tables that exist', () => {
    for (const file of DATA_TABLES.keys()) expect(files).toContain(file);
  });

  it(`keeps every function at ${MAX_FUNCTION_LINES} lines or fewer`, () => {
    const tooLong = files
      .filter((file) => !DATA_TABLES.has(file))
      .flatMap((file) => longFunctions(file, readFileSync(join(ROOT, file), 'utf8')))
      .map(({ key, at }) => `${key} at ${at}`);
    expect(tooLong).toEqual([]);
  });

  it('measures a function the way the limit means', () => {
    const body = Array.from({ length: MAX_FUNCTION_LINES - 2 }, (_, i) => `  const a${i} = ${i};`).join('\n');
    expect(longFunctions('ok.ts', `function ok() {\n${body}\n}\n`)).toEqual([]);
    expect(longFunctions('long.ts', `const long = () => {\n${body}\n  return 1;\n};\n`)).toEqual([
      { key: 'long.ts long', at: 'long.ts:1 (81 lines)' },
    ]);
  });
});
