// Source: https://github.com/apollographql/apollo-client/issues/9884
// Bug: none: the cache warns once per `${typename}.${fieldName}` when replacing a non-normalised object would lose data; both names come from the schema's types and the query's fields, so the set is bounded by the schema, not by the data.
// expect: none

export interface SchemaObjectType {
  readonly name: string;
}

export interface SelectionField {
  readonly name: { readonly value: string };
}

const warnedFields = new Set<string>();

export function warnAboutDataLoss(
  parentType: SchemaObjectType,
  field: SelectionField,
  existing: unknown,
  incoming: unknown,
): void {
  const typeDotName = `${parentType.name}.${field.name.value}`;
  if (warnedFields.has(typeDotName)) return;
  warnedFields.add(typeDotName);
  console.warn(
    `Cache data may be lost when replacing the ${field.name.value} field of a ${parentType.name} object; ` +
      `define a custom merge function for ${typeDotName}.`,
    { existing, incoming },
  );
}
