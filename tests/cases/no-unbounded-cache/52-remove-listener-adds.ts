// Source: https://github.com/workadventure/workadventure/pull/6370
// Bug: removeVariableListener() was a copy of addVariableListener() and added the socket it was asked to remove, so closed variable streams were never unregistered, the per-variable sets and the map only grew, and the room could never be seen as empty.
// expect: no-unbounded-cache/mapNeverShrinks 12:20

export interface VariableSocket {
  variableName: string;
  write(message: { name: string; value: string }): void;
}

export class GameRoom {
  private readonly users = new Set<string>();
  private readonly variableListeners = new Map<string, Set<VariableSocket>>();

  join(userId: string): void {
    this.users.add(userId);
  }

  leave(userId: string): void {
    this.users.delete(userId);
  }

  addVariableListener(socket: VariableSocket): void {
    let listeners = this.variableListeners.get(socket.variableName);
    if (!listeners) {
      listeners = new Set<VariableSocket>();
      this.variableListeners.set(socket.variableName, listeners);
    }
    listeners.add(socket);
  }

  removeVariableListener(socket: VariableSocket): void {
    let listeners = this.variableListeners.get(socket.variableName);
    if (!listeners) {
      listeners = new Set<VariableSocket>();
      this.variableListeners.set(socket.variableName, listeners);
    }
    listeners.add(socket);
  }

  setVariable(name: string, value: string): void {
    for (const socket of this.variableListeners.get(name) ?? []) socket.write({ name, value });
  }

  isEmpty(): boolean {
    return this.users.size === 0 && this.variableListeners.size === 0;
  }
}
