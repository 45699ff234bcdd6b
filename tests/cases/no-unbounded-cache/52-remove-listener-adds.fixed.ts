// Source: https://github.com/workadventure/workadventure/pull/6370
// Bug: fixed (the PR): removeVariableListener() deletes the socket, drops the set once it is empty, and never creates an entry for an unknown name.
// expect: none

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
    const listeners = this.variableListeners.get(socket.variableName);
    if (!listeners) return;
    listeners.delete(socket);
    if (listeners.size === 0) this.variableListeners.delete(socket.variableName);
  }

  setVariable(name: string, value: string): void {
    for (const socket of this.variableListeners.get(name) ?? []) socket.write({ name, value });
  }

  isEmpty(): boolean {
    return this.users.size === 0 && this.variableListeners.size === 0;
  }
}
