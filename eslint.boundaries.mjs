// @ts-check
import path from 'node:path';

/**
 * The layers of the monorepo, lowest first. A lib or app may import only units of a lower layer;
 * units in one layer do not import each other. A new lib gets its place here, or lint fails.
 */
export const LAYERS = [
  ['common'],
  ['config'],
  ['db'],
  ['jobs'],
  ['graphql', 'observability'],
  ['auth'],
  ['associations'],
  ['calendar'],
  ['registrations', 'feeds'],
  ['workplan'],
  ['kpi'],
  ['notifications'],
  ['web'],
  ['prisma-free-db'],
  ['apps'],
];

const RANK = new Map(LAYERS.flatMap((names, rank) => names.map((name) => [name, rank])));

/**
 * The unit a repository path belongs to: `libs/<name>` is the lib, every app is `apps` (they never
 * import each other), `prisma-free-db` is the schema; anything else (test/, bench/, scripts/) is
 * outside the layering and gets undefined.
 * @param {string} relative a path relative to the repository root, with forward slashes
 * @returns {{ layer: string, root: string } | undefined}
 */
export function unitOf(relative) {
  const [top, name] = relative.split('/');
  if (top === 'libs' && name) return { layer: name, root: `libs/${name}` };
  if (top === 'apps' && name) return { layer: 'apps', root: `apps/${name}` };
  if (top === 'prisma-free-db') return { layer: 'prisma-free-db', root: 'prisma-free-db' };
  return undefined;
}

const TEST_FILE = /\.(spec|e2e-spec)\.tsx?$/;

/** @type {import('eslint').Rule.RuleModule} */
const boundaries = {
  meta: {
    type: 'problem',
    docs: { description: 'Imports between libs and apps follow the layers: by alias, downwards, never into test helpers' },
    schema: [],
    messages: {
      relativeAcross: '"{{source}}" reaches into {{target}} with a relative path; import it by its @mangfold alias',
      testHelpers: 'Library and app code must not import test helpers ("{{source}}")',
      againstOrder:
        '{{from}} must not import @mangfold/{{to}}: {{from}} may import only layers below it (config ← db ← jobs ← … ← web ← apps, see eslint.boundaries.mjs)',
      unknownLayer: '{{to}} has no place in the layers of eslint.boundaries.mjs; give it one',
    },
  },
  create(context) {
    const root = context.cwd;
    const file = path.relative(root, context.filename).split(path.sep).join('/');
    const unit = unitOf(file);
    if (!unit) return {};
    const testFile = TEST_FILE.test(file);

    /** @param {import('estree').Node} node @param {unknown} value */
    function check(node, value) {
      if (typeof value !== 'string') return;
      if (value.startsWith('.')) {
        const target = path
          .relative(root, path.resolve(path.dirname(context.filename), value))
          .split(path.sep)
          .join('/');
        if (!testFile && (target === 'test' || target.startsWith('test/'))) {
          context.report({ node, messageId: 'testHelpers', data: { source: value } });
        } else if (target !== unit.root && !target.startsWith(`${unit.root}/`)) {
          context.report({ node, messageId: 'relativeAcross', data: { source: value, target: target.split('/').slice(0, 2).join('/') } });
        }
        return;
      }
      const alias = /^@mangfold\/([^/]+)/.exec(value)?.[1];
      if (!alias) return;
      if (alias === 'test-utils') {
        if (!testFile) context.report({ node, messageId: 'testHelpers', data: { source: value } });
        return;
      }
      const from = RANK.get(unit.layer);
      const to = RANK.get(alias);
      if (from === undefined || to === undefined) {
        context.report({ node, messageId: 'unknownLayer', data: { to: from === undefined ? unit.layer : alias } });
      } else if (to >= from) {
        context.report({ node, messageId: 'againstOrder', data: { from: unit.layer, to: alias } });
      }
    }

    return {
      ImportDeclaration: (node) => check(node.source, node.source.value),
      ExportAllDeclaration: (node) => check(node.source, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node.source, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node.source, node.source.value),
      CallExpression: (node) => {
        const [first] = node.arguments;
        if (node.callee.type === 'Identifier' && node.callee.name === 'require' && first?.type === 'Literal') check(first, first.value);
      },
    };
  },
};

export default { rules: { boundaries } };
