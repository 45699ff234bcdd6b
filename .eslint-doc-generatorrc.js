// eslint-doc-generator: writes each rule doc's header and the README rules table.
/** @type {import('eslint-doc-generator').GenerateOptions} */
const config = {
  configEmoji: [
    ['recommended', '✅'],
    ['strict', '🔒'],
    ['all', '🌐'],
  ],
  ignoreConfig: ['all'],
  ruleDocSectionInclude: ['Rule Details', 'Examples', 'Options', 'When Not To Use It', 'Related'],
  ruleDocSectionOptions: true,
  ruleDocTitleFormat: 'prefix-name',
  ruleListColumns: ['name', 'description', 'configsError', 'configsWarn', 'fixable', 'hasSuggestions', 'requiresTypeChecking'],
  urlConfigs: 'https://github.com/eslint-plugin-leaks/eslint-plugin-leaks#configs',
};

export default config;
