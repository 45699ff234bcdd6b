// Source: https://github.com/home-assistant/home-assistant-js-websocket/pull/127
// Bug: subscriptions stay in the connection's map of in-flight commands until unsubscribed, but unsubscribing while the socket was down returned before deleting the entry, so every subscription dropped during a disconnect stayed in the map (and was resubscribed on reconnect).
// expect: no-unbounded-cache/mapNeverShrinks 22:20

export interface Socket {
  send(data: string): void;
}

interface ResultMessage {
  id: number;
  type: 'result' | 'event';
  success?: boolean;
  result?: unknown;
  event?: unknown;
}

type CommandInFlight =
  | { kind: 'call'; resolve: (result: unknown) => void; reject: (error: unknown) => void }
  | { kind: 'subscription'; callback: (event: unknown) => void; message: Record<string, unknown> };

export class Connection {
  private readonly commands = new Map<number, CommandInFlight>();
  private nextId = 1;
  private socket: Socket | null = null;

  constructor(socket: Socket) {
    this.socket = socket;
  }

  sendMessagePromise(message: Record<string, unknown>): Promise<unknown> {
    const socket = this.socket;
    if (!socket) return Promise.reject(new Error('not connected'));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.commands.set(id, { kind: 'call', resolve, reject });
      socket.send(JSON.stringify({ ...message, id }));
    });
  }

  subscribeMessage(callback: (event: unknown) => void, message: Record<string, unknown>): () => Promise<void> {
    const id = this.nextId++;
    this.commands.set(id, { kind: 'subscription', callback, message });
    this.socket?.send(JSON.stringify({ ...message, id }));
    return async () => {
      if (!this.socket) return;
      await this.sendMessagePromise({ type: 'unsubscribe_events', subscription: id });
      this.commands.delete(id);
    };
  }

  handleMessage(data: string): void {
    const message = JSON.parse(data) as ResultMessage;
    const command = this.commands.get(message.id);
    if (!command) return;
    if (command.kind === 'subscription') {
      if (message.type === 'event') command.callback(message.event);
      return;
    }
    this.commands.delete(message.id);
    if (message.success) command.resolve(message.result);
    else command.reject(message.result);
  }

  handleDisconnect(): void {
    this.socket = null;
    for (const [id, command] of this.commands) {
      if (command.kind !== 'call') continue;
      this.commands.delete(id);
      command.reject(new Error('connection lost'));
    }
  }
}
