// Source: https://github.com/rauchg/slackin/issues/131
// Bug: fixed twin: the listener is named and removed when the socket disconnects.
// expect: none

import { EventEmitter } from 'node:events';

class TeamData extends EventEmitter {
  users = 0;
  active = 0;
}

const team = new TeamData();

export function onConnection(socket: EventEmitter): void {
  const push = (): void => {
    socket.emit('data', { users: team.users, active: team.active });
  };
  push();
  team.on('change', push);
  socket.once('disconnect', () => team.removeListener('change', push));
}
