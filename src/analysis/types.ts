/**
 * Type predicates. Rules ask these only of candidates that survived the
 * syntactic checks, so each call here is one checker query at most a few.
 */
import {
  isBuiltinSymbolLike,
  isSymbolFromDefaultLibrary,
  typeMatchesSomeSpecifier,
  type TypeOrValueSpecifier,
} from '@typescript-eslint/type-utils';
import ts from 'typescript';
import type { CollectionShape } from './collection-uses.js';

export type CollectionKind = 'Map' | 'Set';

/** Bounded caches that are not built-in collections but may subclass one. */
export const BOUNDED_CACHE_SPECIFIERS: TypeOrValueSpecifier[] = [
  { from: 'package', package: 'lru-cache', name: ['LRUCache', 'LRU'] },
  { from: 'package', package: 'quick-lru', name: 'QuickLRU' },
  { from: 'package', package: 'mnemonist', name: ['LRUCache', 'LRUMap'] },
];

/**
 * `Map` or `Set` from the default library, or a class that extends one.
 * `null` and `undefined` members of a union are ignored (`Map | undefined`).
 */
export function collectionKindOf(program: ts.Program, type: ts.Type): CollectionKind | null {
  const checker = program.getTypeChecker();
  const nonNull = checker.getNonNullableType(type);
  if (isBuiltinSymbolLike(program, nonNull, ['Map', 'MapConstructor'])) return 'Map';
  if (isBuiltinSymbolLike(program, nonNull, ['Set', 'SetConstructor'])) return 'Set';
  return null;
}

/**
 * A user-defined subclass of a built-in collection that overrides the method
 * that adds entries: it owns its own bound (an LRU or TTL map written in place).
 */
export function overridesGrowth(program: ts.Program, type: ts.Type, kind: CollectionKind): boolean {
  const checker = program.getTypeChecker();
  const growth = kind === 'Map' ? 'set' : 'add';
  const parts = checker.getNonNullableType(type);
  for (const t of parts.isUnion() ? parts.types : [parts]) {
    const symbol = t.getSymbol();
    if (!symbol || isSymbolFromDefaultLibrary(program, symbol)) continue;
    const member = t.getProperty(growth);
    const decl = member?.valueDeclaration ?? member?.declarations?.[0];
    if (decl && !program.isSourceFileDefaultLibrary(decl.getSourceFile())) return true;
  }
  return false;
}

export function matchesSpecifiers(
  program: ts.Program,
  type: ts.Type,
  specifiers: readonly TypeOrValueSpecifier[],
): boolean {
  if (specifiers.length === 0) return false;
  const checker = program.getTypeChecker();
  const nonNull = checker.getNonNullableType(type);
  const parts = nonNull.isUnion() ? nonNull.types : [nonNull];
  return parts.some((t) => typeMatchesSomeSpecifier(t, [...specifiers], program));
}

const FINITE_FLAGS =
  ts.TypeFlags.BooleanLiteral |
  ts.TypeFlags.StringLiteral |
  ts.TypeFlags.NumberLiteral |
  ts.TypeFlags.BigIntLiteral |
  ts.TypeFlags.EnumLiteral |
  ts.TypeFlags.UniqueESSymbol |
  ts.TypeFlags.Undefined |
  ts.TypeFlags.Null |
  ts.TypeFlags.Void;

/**
 * The type has finitely many values: a literal, an enum, `boolean`, or a
 * union of those. A collection keyed by it cannot grow past that many entries.
 */
export function isFiniteType(type: ts.Type): boolean {
  if (type.isUnion()) return type.types.every(isFiniteType);
  return (type.flags & FINITE_FLAGS) !== 0;
}

/** An object type (class instance, plain object, function): usable as a WeakMap key. */
export function isObjectKeyType(type: ts.Type): boolean {
  if (type.isUnion()) return type.types.every(isObjectKeyType);
  // A branded primitive (`string & { __brand: 'Id' }`) is still a primitive.
  if (type.isIntersection()) return type.types.every(isObjectKeyType);
  return (type.flags & (ts.TypeFlags.Object | ts.TypeFlags.NonPrimitive)) !== 0;
}

/** Where a call signature takes an `AbortSignal`: as a parameter, or as a `signal` property of an options parameter. */
export interface SignalSlot {
  index: number;
  viaOptions: boolean;
  /** The options property that takes the signal (`signal`, `abortSignal`). */
  property?: string;
}

/** The name of a property typed AbortSignal that every part of an options type has. */
/**
 * The property of an options type (nullable or not) that every member of it holds typed
 * `AbortSignal` (`signal`, `abortSignal`, …), so not `string | URL | Request`, where only a
 * `Request` would carry one.
 */
export function signalPropertyOf(checker: ts.TypeChecker, type: ts.Type, at: ts.Node): string | null {
  const nonNull = checker.getNonNullableType(type);
  const known = signalProperties.get(nonNull);
  if (known !== undefined) return known;
  const found = signalPropertyName(checker, nonNull.isUnion() ? nonNull.types : [nonNull], at);
  signalProperties.set(nonNull, found);
  return found;
}

/**
 * The answer of `signalPropertyOf` per type: the checker makes one object per type, so a
 * client passed to every call of a loop (a class with hundreds of members) is read once.
 */
const signalProperties = new WeakMap<ts.Type, string | null>();

/** The property that every part of an options type holds typed `AbortSignal` (`signal`, `abortSignal`, …). */
function signalPropertyName(checker: ts.TypeChecker, parts: readonly ts.Type[], at: ts.Node): string | null {
  const first = parts[0];
  // An object type, or an intersection of them (`RequestOptions & { pollIntervalMs?: number }`).
  if (!first || !(first.flags & (ts.TypeFlags.Object | ts.TypeFlags.Intersection))) return null;
  for (const candidate of checker.getPropertiesOfType(first)) {
    // A method is never an `AbortSignal`: only properties and accessors need their type.
    if (candidate.flags & ts.SymbolFlags.Method) continue;
    const name = candidate.getName();
    const everywhere = parts.every((part) => {
      const property = part.getProperty(name);
      return property !== undefined && isAbortSignalType(checker, checker.getTypeOfSymbolAtLocation(property, at));
    });
    if (everywhere) return name;
  }
  return null;
}

/** `AbortSignal`, or a union of it with `null`/`undefined`. */
export function isAbortSignalType(checker: ts.TypeChecker, type: ts.Type): boolean {
  const nonNull = checker.getNonNullableType(type);
  const parts = nonNull.isUnion() ? nonNull.types : [nonNull];
  return parts.some((part) => part.getSymbol()?.getName() === 'AbortSignal');
}

/**
 * Is `access` (`request.signal`) an object's own signal rather than an
 * option handed in: the property is read-only and always there (declared
 * `readonly` and not optional, or a getter without a setter) on an object
 * that has methods of its own (a `Request`, an `AbortController`)? Such a
 * signal is made with its object and aborted with it, so it lives as long as
 * that object. An options bag (`{ signal?: AbortSignal }`) has data only.
 */
export function isOwnSignalOf(checker: ts.TypeChecker, access: ts.PropertyAccessExpression): boolean {
  const property = checker.getSymbolAtLocation(access.name);
  if (!property) return false;
  const declarations = property.declarations ?? [];
  if (declarations.length === 0) return false;
  const fixed = declarations.every((d) => {
    if (ts.isGetAccessorDeclaration(d)) return (property.flags & ts.SymbolFlags.SetAccessor) === 0;
    if (!ts.isPropertySignature(d) && !ts.isPropertyDeclaration(d)) return false;
    return d.questionToken === undefined && (ts.getCombinedModifierFlags(d) & ts.ModifierFlags.Readonly) !== 0;
  });
  if (!fixed) return false;
  const owner = checker.getNonNullableType(checker.getTypeAtLocation(access.expression));
  return checker
    .getPropertiesOfType(owner)
    .some((member) => (member.declarations ?? []).some((d) => ts.isMethodSignature(d) || ts.isMethodDeclaration(d)));
}
/** The first parameter of `signature` that takes an `AbortSignal`, directly or as `options.signal`. */
export function signalSlot(checker: ts.TypeChecker, signature: ts.Signature, at: ts.Node): SignalSlot | null {
  for (const [index, parameter] of signature.getParameters().entries()) {
    const type = checker.getTypeOfSymbolAtLocation(parameter, at);
    if (isAbortSignalType(checker, type)) return { index, viaOptions: false };
    // An options bag that carries a signal.
    const property = signalPropertyOf(checker, type, at);
    if (property) return { index, viaOptions: true, property };
  }
  return null;
}

/**
 * Does the callee accept an `AbortSignal` in any of its signatures (so an
 * overloaded or optional-options callee counts)? Returns the slot of the first
 * signature that does.
 */
export function callAcceptsSignal(
  checker: ts.TypeChecker,
  call: ts.CallExpression | ts.NewExpression,
): SignalSlot | null {
  const calleeType = checker.getTypeAtLocation(call.expression);
  const kind = ts.isNewExpression(call) ? ts.SignatureKind.Construct : ts.SignatureKind.Call;
  const signatures = checker.getSignaturesOfType(checker.getNonNullableType(calleeType), kind);
  for (const signature of signatures) {
    const slot = signalSlot(checker, signature, call);
    if (slot) return slot;
  }
  return null;
}

/** TypeScript's property names for `[Symbol.dispose]` and `[Symbol.asyncDispose]` (`__@asyncDispose@<id>`). */
const DISPOSE_SYMBOL = /^__@(dispose|asyncDispose)@/;

/**
 * A disposable value: every non-nullish part of its type declares
 * `[Symbol.dispose]` or `[Symbol.asyncDispose]` (a `FileHandle`, a stream, a
 * socket, anything that `using` can hold). `any` and `unknown` are not.
 */
export function isDisposableType(program: ts.Program, type: ts.Type): boolean {
  return disposal(program, type) !== null;
}

/**
 * How `using` can hold a value of `type`: `sync` when every non-nullish part
 * declares `[Symbol.dispose]` (`using`), `async` when every part declares
 * either (`await using`). Null when it is not disposable.
 */
export function disposal(program: ts.Program, type: ts.Type): { sync: boolean; async: boolean } | null {
  const checker = program.getTypeChecker();
  const parts = (type.isUnion() ? type.types : [type]).filter(
    (part) => !(part.flags & (ts.TypeFlags.Null | ts.TypeFlags.Undefined | ts.TypeFlags.Void)),
  );
  if (parts.length === 0) return null;
  let sync = true;
  for (const part of parts) {
    if (part.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) return null;
    const methods = checker
      .getPropertiesOfType(checker.getApparentType(part))
      .map((property) => DISPOSE_SYMBOL.exec(String(property.escapedName))?.[1])
      .filter((method) => method !== undefined);
    if (methods.length === 0) return null;
    if (!methods.includes('dispose')) sync = false;
  }
  return { sync, async: true };
}

/**
 * `AbortSignal.timeout(ms)`, `AbortSignal.any(list)`, `Buffer.from(x)`: a
 * static method of a built-in class (declared in TypeScript's libraries or
 * Node's type definitions) that returns an instance of that class, which is
 * a new object on every call.
 */
export function isBuiltinFactoryCall(program: ts.Program, call: ts.CallExpression): boolean {
  const callee = call.expression;
  if (!ts.isPropertyAccessExpression(callee) || !ts.isIdentifier(callee.expression)) return false;
  const checker = program.getTypeChecker();
  const holder = checker.getSymbolAtLocation(callee.expression);
  const declaration = holder?.declarations?.[0];
  if (!holder || !declaration || !isBuiltinFile(program, declaration.getSourceFile())) return false;
  const returned = checker.getTypeAtLocation(call).getSymbol();
  return returned !== undefined && returned.name === holder.name && returned.declarations?.[0] !== undefined
    ? isBuiltinFile(program, returned.declarations[0].getSourceFile())
    : false;
}

/** Where Node's type definitions live: its globals and modules count as built-ins. */
const NODE_TYPES = /[\\/]node_modules[\\/]@types[\\/]node[\\/]/;

/** A file of TypeScript's default library or of Node's type definitions. */
export function isBuiltinFile(program: ts.Program, file: ts.SourceFile): boolean {
  return program.isSourceFileDefaultLibrary(file) || NODE_TYPES.test(file.fileName);
}

/**
 * How a built-in declaration is named in the vocabulary's lists:
 * `Container.member` for a member of an interface or class, the container's
 * name for its call signature (`SymbolConstructor` for `Symbol()`), the bare
 * name for a function.
 */
export function builtinName(declaration: ts.SignatureDeclaration): string | undefined {
  const name = declaration.name && ts.isIdentifier(declaration.name) ? declaration.name.text : undefined;
  const container = declaration.parent;
  if ((ts.isInterfaceDeclaration(container) || ts.isClassDeclaration(container)) && container.name) {
    if (name !== undefined) return `${container.name.text}.${name}`;
    return ts.isCallSignatureDeclaration(declaration) ? container.name.text : undefined;
  }
  return ts.isFunctionDeclaration(declaration) ? name : undefined;
}

/**
 * The vocabulary name (`builtinName`) of the built-in a call resolves to,
 * through the checker's resolved signature: undefined when the call runs code
 * of the program or of a library other than TypeScript's and Node's.
 */
export function calledBuiltin(program: ts.Program, call: ts.CallExpression): string | undefined {
  const declaration = program.getTypeChecker().getResolvedSignature(call)?.declaration;
  if (!declaration || ts.isJSDocSignature(declaration)) return undefined;
  if (!isBuiltinFile(program, declaration.getSourceFile())) return undefined;
  return builtinName(declaration);
}

/** Is the type a collection of this shape: a built-in `Map` or `Set`, an array, or a dictionary object? */
export function hasCollectionShape(program: ts.Program, type: ts.Type, shape: CollectionShape): boolean {
  if (shape === 'Map' || shape === 'Set') return collectionKindOf(program, type) === shape;
  const checker = program.getTypeChecker();
  const nonNull = checker.getNonNullableType(type);
  if (shape === 'array') return checker.isArrayType(nonNull);
  return isDictionaryType(program, nonNull);
}

/** A plain object keyed by strings (or by numbers, without a `length`: not array-like). */
export function isDictionaryType(program: ts.Program, type: ts.Type): boolean {
  const checker = program.getTypeChecker();
  if (checker.isArrayType(type) || checker.isTupleType(type)) return false;
  if (!(type.flags & ts.TypeFlags.Object)) return false;
  if (type.getCallSignatures().length > 0 || collectionKindOf(program, type)) return false;
  const keys = checker.getIndexInfosOfType(type).map((info) => info.keyType.flags);
  if (keys.some((flags) => (flags & ts.TypeFlags.String) !== 0)) return true;
  return keys.some((flags) => (flags & ts.TypeFlags.Number) !== 0) && !type.getProperty('length');
}

/**
 * Finite keys, and keys written in source code: functions, classes and
 * regular expressions, or a union that admits classes (callbacks,
 * constructors, entity types and patterns of a registry).
 */
export function isBoundedKeyType(program: ts.Program, type: ts.Type): boolean {
  if (isFiniteType(type)) return true;
  const nonNull = program.getTypeChecker().getNonNullableType(type);
  const parts = nonNull.isUnion() ? nonNull.types : [nonNull];
  if (parts.some((part) => part.getConstructSignatures().length > 0)) return true;
  if (nonNull.getCallSignatures().length > 0) return true;
  return isBuiltinSymbolLike(program, nonNull, 'RegExp');
}

/** `K` of a `Map<K, V>` or `Set<K>` type, when it is written as one. */
export function collectionKeyType(checker: ts.TypeChecker, type: ts.Type): ts.Type | null {
  const nonNull = checker.getNonNullableType(type);
  if (!(nonNull.flags & ts.TypeFlags.Object) || !((nonNull as ts.ObjectType).objectFlags & ts.ObjectFlags.Reference)) {
    return null;
  }
  return checker.getTypeArguments(nonNull as ts.TypeReference)[0] ?? null;
}
