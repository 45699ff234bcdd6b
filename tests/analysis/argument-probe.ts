/**
 * A probe rule for analysis tests: at every `probe(value)` call it reports
 * the verdict `judge` gives on the argument, as the `verdict` message.
 */
import {
  AST_NODE_TYPES,
  ESLintUtils,
  type ParserServicesWithTypeInformation,
  type TSESTree,
} from '@typescript-eslint/utils';

export function argumentProbe(judge: (argument: TSESTree.Node, services: ParserServicesWithTypeInformation) => string) {
  return ESLintUtils.RuleCreator.withoutDocs<[], 'verdict'>({
    meta: { type: 'problem', messages: { verdict: '{{verdict}}' }, schema: [], defaultOptions: [] },
    create(context) {
      const services = ESLintUtils.getParserServices(context);
      return {
        CallExpression(node: TSESTree.CallExpression) {
          if (node.callee.type !== AST_NODE_TYPES.Identifier || node.callee.name !== 'probe') return;
          const [arg] = node.arguments;
          if (!arg) return;
          context.report({ node, messageId: 'verdict', data: { verdict: judge(arg, services) } });
        },
      };
    },
  });
}
