// Source: https://github.com/redis/node-redis/issues/1468
// Bug: negative: a consumer script's main loop at the top level of the module: it lives exactly as long as the process it is the point of, so there is no owner for it to outlive.
// expect: none

interface StreamEntry {
  id: string;
  fields: Record<string, string>;
}

declare function readGroup(stream: string, group: string, consumer: string): Promise<StreamEntry[]>;
declare function acknowledge(stream: string, group: string, id: string): Promise<void>;

while (true) {
  for (const entry of await readGroup('jobs', 'workers', 'worker-1')) {
    console.log(entry.fields);
    await acknowledge('jobs', 'workers', entry.id);
  }
}

export {};
