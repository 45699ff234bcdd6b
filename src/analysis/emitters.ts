/**
 * Emitters that can fail: a Node.js emitter whose type declares an `'error'`
 * event in Node's own typings (`on(event: 'error', …)` among its overloads in
 * `@types/node`: streams, sockets, servers, child processes, workers, and
 * classes that extend them), or a DOM event target with an `onerror` handler
 * from the default library. A plain `EventEmitter` (events typed
 * `string | symbol`) declares nothing and is not one, and neither is a
 * library's own typed emitter: what its other events mean after an `'error'`
 * (a job queue's `completed`, a client's `ready` that comes after a
 * reconnect) is that library's protocol, not a stream's.
 */
import {
  AST_NODE_TYPES,
  type ParserServicesWithTypeInformation,
  type TSESLint,
  type TSESTree,
} from '@typescript-eslint/utils';
import ts from 'typescript';
import { NODE_FINAL_EVENTS, NODE_SHARED_SOCKETS } from './vocabulary.js';

export type FailingEmitter = 'node' | 'dom';

const EMITTER_METHODS = ['on', 'once', 'addListener'];

/** Global targets whose `error` event is about scripts, not about the event waited for. */
const GLOBAL_TARGETS = new Set([
  'Window',
  'Document',
  'WorkerGlobalScope',
  'DedicatedWorkerGlobalScope',
  'SharedWorkerGlobalScope',
  'ServiceWorkerGlobalScope',
  'HTMLBodyElement',
  'HTMLHtmlElement',
]);

export function failingEmitterKind(program: ts.Program, type: ts.Type, at: ts.Node): FailingEmitter | null {
  const checker = program.getTypeChecker();
  const nonNull = checker.getNonNullableType(type);
  const parts = nonNull.isUnion() ? nonNull.types : [nonNull];
  let kind: FailingEmitter | null = null;
  for (const part of parts) {
    if (part.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) return null;
    const partKind = partKind_(program, part, at);
    if (!partKind) return null;
    kind ??= partKind;
  }
  return kind;
}

/** What questions about the emitters of a file need: the parser services, their checker and the source. */
export interface EmitterContext {
  services: ParserServicesWithTypeInformation;
  checker: ts.TypeChecker;
  sourceCode: Readonly<TSESLint.SourceCode>;
}

/** `failingEmitterKind` of the type the checker gives an expression (a listener's receiver) where it stands. */
export function failingEmitterOf(
  { services, checker }: EmitterContext,
  receiver: TSESTree.Expression,
): FailingEmitter | null {
  const tsNode = services.esTreeNodeToTSNodeMap.get(receiver);
  return failingEmitterKind(services.program, checker.getTypeAtLocation(tsNode), tsNode);
}

function partKind_(program: ts.Program, type: ts.Type, at: ts.Node): FailingEmitter | null {
  if (declaresErrorEvent(program.getTypeChecker(), type, at)) return 'node';
  const onerror = type.getProperty('onerror')?.declarations?.[0];
  if (type.getProperty('addEventListener') && onerror && program.isSourceFileDefaultLibrary(onerror.getSourceFile())) {
    // `window` is `Window & typeof globalThis`: look at every part of an intersection.
    const parts = type.isIntersection() ? type.types : [type];
    return parts.some((part) => GLOBAL_TARGETS.has(part.getSymbol()?.getName() ?? '')) ? null : 'dom';
  }
  return null;
}

function declaresErrorEvent(checker: ts.TypeChecker, type: ts.Type, at: ts.Node): boolean {
  for (const method of EMITTER_METHODS) {
    const property = type.getProperty(method);
    if (!property) continue;
    const methodType = checker.getTypeOfSymbolAtLocation(property, at);
    for (const signature of methodType.getCallSignatures()) {
      const event = signature.getParameters()[0];
      if (!event) continue;
      let eventType = checker.getTypeOfSymbolAtLocation(event, at);
      if (eventType.flags & ts.TypeFlags.TypeParameter)
        eventType = checker.getBaseConstraintOfType(eventType) ?? eventType;
      if (namesError(eventType) && isNodeTypings(signature.getDeclaration())) return true;
    }
  }
  return false;
}

function namesError(type: ts.Type): boolean {
  const parts = type.isUnion() ? type.types : [type];
  return parts.some((part) => part.isStringLiteral() && part.value === 'error');
}

const NODE_TYPINGS = /[\\/]@types[\\/]node[\\/]/;

function isNodeTypings(declaration: ts.Declaration | undefined): boolean {
  return declaration !== undefined && NODE_TYPINGS.test(declaration.getSourceFile().fileName);
}

const NO_EVENTS: ReadonlySet<string> = new Set();

/**
 * The events after which a Node.js emitter says nothing more, beyond the
 * `error` and `close` every emitter ends with: those of `NODE_FINAL_EVENTS`
 * when the receiver's type is that class of Node's typings, or extends it.
 */
export function finalEventsOf(
  { services, checker }: EmitterContext,
  receiver: TSESTree.Expression,
): ReadonlySet<string> {
  const type = checker.getNonNullableType(services.getTypeAtLocation(receiver));
  for (const base of classChain(checker, type)) {
    const declaration = base.getSymbol()?.declarations?.[0];
    if (!declaration || !isNodeTypings(declaration)) continue;
    const name = base.getSymbol()?.getName();
    const file = declaration.getSourceFile().fileName;
    const known = NODE_FINAL_EVENTS.find((entry) => entry.className === name && file.endsWith(`${entry.module}.d.ts`));
    if (known) return known.events;
  }
  return NO_EVENTS;
}

/**
 * Is `receiver` a connection's socket reached through a request or response
 * (`req.socket`, `res.connection`): a property that `NODE_SHARED_SOCKETS`
 * lists, declared by that class of Node's typings? Such a socket outlives
 * the request: keep-alive reuses it for the next one.
 */
export function isSharedSocket(services: ParserServicesWithTypeInformation, receiver: TSESTree.Expression): boolean {
  let node: TSESTree.Node = receiver;
  while (node.type === AST_NODE_TYPES.TSNonNullExpression) node = node.expression;
  if (
    node.type !== AST_NODE_TYPES.MemberExpression ||
    node.computed ||
    node.property.type !== AST_NODE_TYPES.Identifier
  )
    return false;
  const name = node.property.name;
  const tsNode = services.esTreeNodeToTSNodeMap.get(node.property);
  const declaration = services.program.getTypeChecker().getSymbolAtLocation(tsNode)?.declarations?.[0];
  if (!declaration || !isNodeTypings(declaration)) return false;
  const holder = declaration.parent;
  if (!ts.isClassDeclaration(holder) && !ts.isInterfaceDeclaration(holder)) return false;
  const file = declaration.getSourceFile().fileName;
  return NODE_SHARED_SOCKETS.some(
    (entry) =>
      entry.className === holder.name?.text && entry.properties.has(name) && file.endsWith(`${entry.module}.d.ts`),
  );
}

/** Is the parameter typed as a connection of Node's typings: a `Duplex` (a `Socket` is one)? */
export function isNodeStream(services: ParserServicesWithTypeInformation, param: TSESTree.Parameter): boolean {
  const checker = services.program.getTypeChecker();
  const type = checker.getNonNullableType(services.getTypeAtLocation(param));
  for (const base of classChain(checker, type)) {
    const declaration = base.getSymbol()?.declarations?.[0];
    if (declaration && isNodeTypings(declaration) && NODE_STREAM_CLASSES.has(base.getSymbol()?.getName() ?? '')) {
      return true;
    }
  }
  return false;
}

const NODE_STREAM_CLASSES: ReadonlySet<string> = new Set(['Duplex']);

/** The class of the type and the classes it extends, nearest first (a few levels at most). */
function* classChain(checker: ts.TypeChecker, type: ts.Type): Generator<ts.InterfaceType> {
  let current = asClassOrInterface(type);
  for (let depth = 0; current && depth < 8; depth++) {
    yield current;
    const base = checker.getBaseTypes(current)[0];
    current = base ? asClassOrInterface(base) : undefined;
  }
}

/** The declared class of an instance type, generic (`Emitter<T>`) or not. */
function asClassOrInterface(type: ts.Type): ts.InterfaceType | undefined {
  if (type.isClassOrInterface()) return type;
  if (type.flags & ts.TypeFlags.Object && (type as ts.ObjectType).objectFlags & ts.ObjectFlags.Reference) {
    const target = (type as ts.TypeReference).target;
    return target.isClassOrInterface() ? target : undefined;
  }
  return undefined;
}
