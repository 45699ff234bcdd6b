// Source: https://github.com/ueberdosis/hocuspocus/issues/479
// Bug: fixed (PR #480 removes IPs from the connection list and the ban list): an IP whose attempts have all aged out of the window is deleted, and a ban is deleted once it has expired.
// expect: none

export interface ConnectPayload {
  ip: string;
  documentName: string;
}

export interface Extension {
  onConnect?(payload: ConnectPayload): Promise<void>;
}

export interface ThrottleOptions {
  attemptsPerMinute: number;
  banMinutes: number;
}

export class Throttle implements Extension {
  connectionsByIp = new Map<string, number[]>();
  bannedIps = new Map<string, number>();

  constructor(private readonly options: ThrottleOptions = { attemptsPerMinute: 15, banMinutes: 5 }) {}

  private isBanned(ip: string, now: number): boolean {
    const bannedAt = this.bannedIps.get(ip);
    if (bannedAt === undefined) return false;
    if (now - bannedAt < this.options.banMinutes * 60_000) return true;
    this.bannedIps.delete(ip);
    return false;
  }

  private sweep(now: number): void {
    for (const [ip, attempts] of this.connectionsByIp) {
      if (attempts.every((at) => now - at >= 60_000)) this.connectionsByIp.delete(ip);
    }
    for (const ip of this.bannedIps.keys()) this.isBanned(ip, now);
  }

  private throttle(ip: string, now: number): boolean {
    this.sweep(now);
    if (this.isBanned(ip, now)) return true;
    const recent = (this.connectionsByIp.get(ip) ?? []).filter((at) => now - at < 60_000);
    recent.push(now);
    this.connectionsByIp.set(ip, recent);
    if (recent.length <= this.options.attemptsPerMinute) return false;
    this.bannedIps.set(ip, now);
    return true;
  }

  async onConnect({ ip }: ConnectPayload): Promise<void> {
    if (this.throttle(ip, Date.now())) throw new Error(`too many connection attempts from ${ip}`);
  }
}
