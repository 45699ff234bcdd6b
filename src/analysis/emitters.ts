/**
 * Emitters that can fail: a Node.js-style emitter whose type declares an
 * `'error'` event (`on(event: 'error', …)` among its overloads, or an event
 * map with an `error` key), or a DOM event target with an `onerror` handler.
 * A plain `EventEmitter` (events typed `string | symbol`) declares nothing and
 * is not one: its events are the program's own.
 */
import * as ts from 'typescript';

export type FailingEmitter = 'node' | 'dom';

const EMITTER_METHODS = ['on', 'once', 'addListener'];

/** Global targets whose `error` event is about scripts, not about the event waited for. */
const GLOBAL_TARGETS = new Set(['Window', 'Document', 'WorkerGlobalScope', 'DedicatedWorkerGlobalScope', 'SharedWorkerGlobalScope', 'ServiceWorkerGlobalScope', 'HTMLBodyElement', 'HTMLHtmlElement']);

export function failingEmitterKind(checker: ts.TypeChecker, type: ts.Type, at: ts.Node): FailingEmitter | null {
  const nonNull = checker.getNonNullableType(type);
  const parts = nonNull.isUnion() ? nonNull.types : [nonNull];
  let kind: FailingEmitter | null = null;
  for (const part of parts) {
    if (part.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) return null;
    const partKind = partKind_(checker, part, at);
    if (!partKind) return null;
    kind ??= partKind;
  }
  return kind;
}

function partKind_(checker: ts.TypeChecker, type: ts.Type, at: ts.Node): FailingEmitter | null {
  if (declaresErrorEvent(checker, type, at)) return 'node';
  if (type.getProperty('addEventListener') && type.getProperty('onerror')) {
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
      if (eventType.flags & ts.TypeFlags.TypeParameter) eventType = checker.getBaseConstraintOfType(eventType) ?? eventType;
      if (namesError(eventType)) return true;
    }
  }
  return false;
}

function namesError(type: ts.Type): boolean {
  const parts = type.isUnion() ? type.types : [type];
  return parts.some((part) => part.isStringLiteral() && part.value === 'error');
}
