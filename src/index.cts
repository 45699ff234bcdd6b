// The CommonJS entry point: `require('eslint-plugin-leaks')` returns the same
// plugin object as `import leaks from 'eslint-plugin-leaks'`. Node.js >= 20.19
// loads the ES module through require(esm), so there is one copy of the plugin
// in a process however it is loaded, and ESLint never sees two `leaks` plugins.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a CommonJS module's own import syntax
import leaks = require('./index.js');

export = leaks.default;
