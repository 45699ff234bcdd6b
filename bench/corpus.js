// The benchmark corpus: real TypeScript sources shipped in npm packages,
// installed into bench/node_modules at the versions pinned in bench/package.json.
// Nothing is copied into the repository.
//
//   import { corpus, ensureCorpus, listFiles, countLines, writeTsconfig } from './corpus.js';
//
// Each entry names a package, its root inside bench/node_modules and the source
// globs to lint, relative to that root (`**` any directories, `*` any name part).
// `npm run check:real` pins these same packages and versions in its own
// scripts/real/package.json (with more beside them) and installs them there.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const benchDir = path.dirname(fileURLToPath(import.meta.url));
export const modulesDir = path.join(benchDir, 'node_modules');
/** Scratch space for generated tsconfigs and files; git-ignored. */
export const workDir = path.join(benchDir, '.work');

/**
 * @typedef {object} CorpusPackage
 * @property {string} name npm name, pinned in bench/package.json
 * @property {string} root absolute path of the package directory
 * @property {string[]} include globs of the sources to lint, relative to `root`
 * @property {Record<string, unknown>} [compilerOptions] what the package's own sources need
 */

/** @type {CorpusPackage[]} */
export const corpus = [
  {
    name: 'rxjs',
    root: path.join(modulesDir, 'rxjs'),
    include: ['src/**/*.ts'],
  },
  {
    name: '@trpc/server',
    root: path.join(modulesDir, '@trpc/server'),
    include: ['src/**/*.ts'],
  },
  {
    name: '@tanstack/query-core',
    root: path.join(modulesDir, '@tanstack/query-core'),
    include: ['src/**/*.ts'],
  },
  {
    // effect 4 ships over 500k lines of src/; the runtime internals, the HTTP
    // stack, RPC and cluster are the parts written like application code.
    name: 'effect',
    root: path.join(modulesDir, 'effect'),
    include: ['src/internal/**/*.ts', 'src/http/**/*.ts', 'src/rpc/**/*.ts', 'src/cluster/**/*.ts'],
    compilerOptions: { allowImportingTsExtensions: true },
  },
];

/** Installs bench/node_modules from bench/package-lock.json when it is missing. */
export function ensureCorpus() {
  if (corpus.every((pkg) => existsSync(path.join(pkg.root, 'package.json')))) return;
  execFileSync('npm', ['ci', '--ignore-scripts', '--no-audit', '--no-fund'], { cwd: benchDir, stdio: 'inherit' });
}

/** The installed version of a corpus package. */
export function versionOf(pkg) {
  return /** @type {{ version: string }} */ (JSON.parse(readFileSync(path.join(pkg.root, 'package.json'), 'utf8')))
    .version;
}

function globToRegExp(glob) {
  let source = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob.charAt(i);
    if (c === '*' && glob.charAt(i + 1) === '*') {
      // `**/` matches zero or more directories.
      source += glob.charAt(i + 2) === '/' ? '(?:.*/)?' : '.*';
      i += glob.charAt(i + 2) === '/' ? 2 : 1;
    } else if (c === '*') {
      source += '[^/]*';
    } else {
      source += c.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
    }
  }
  return new RegExp(`^${source}$`);
}

/** Absolute paths of a package's sources (declaration files excluded), sorted. */
export function listFiles(pkg) {
  const patterns = pkg.include.map(globToRegExp);
  /** @type {string[]} */
  const found = [];
  const visit = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules') visit(full);
        continue;
      }
      const relative = path.relative(pkg.root, full).split(path.sep).join('/');
      if (relative.endsWith('.d.ts')) continue;
      if (patterns.some((pattern) => pattern.test(relative))) found.push(full);
    }
  };
  visit(pkg.root);
  return found.sort();
}

/** Lines of the given files, as `wc -l` counts them. */
export function countLines(files) {
  let lines = 0;
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lines++;
  }
  return lines;
}

/**
 * Writes a tsconfig for one package into bench/.work/ (outside the package, so
 * node_modules stays as installed) and returns its path.
 */
export function writeTsconfig(pkg, files = listFiles(pkg)) {
  const dir = path.join(workDir, 'tsconfig', pkg.name.replace(/[@/]/g, '_'));
  mkdirSync(dir, { recursive: true });
  const tsconfig = {
    compilerOptions: {
      target: 'ES2022',
      lib: ['ES2023', 'DOM', 'DOM.Iterable'],
      module: 'ESNext',
      moduleResolution: 'Bundler',
      strict: true,
      skipLibCheck: true,
      noEmit: true,
      // Node's types from the plugin's own devDependencies: the sources use timers and streams.
      typeRoots: [path.join(benchDir, '..', 'node_modules', '@types')],
      types: ['node'],
      ...pkg.compilerOptions,
    },
    files,
  };
  const file = path.join(dir, 'tsconfig.json');
  writeFileSync(file, `${JSON.stringify(tsconfig, null, 2)}\n`);
  return file;
}
