// Source: https://github.com/rauchg/slackin/issues/131
// Bug: every websocket connection added a 'change' listener to the one shared team-data emitter and never removed it, so eleven open tabs triggered the leak warning.
// expect: no-leaked-listener/inlineListenerNeverRemoved 16:3

import { EventEmitter } from 'node:events';

class TeamData extends EventEmitter {
  users = 0;
  active = 0;
}

const team = new TeamData();

export function onConnection(socket: EventEmitter): void {
  socket.emit('data', { users: team.users, active: team.active });
  team.on('change', () => socket.emit('data', { users: team.users, active: team.active }));
}
