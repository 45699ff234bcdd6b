// Source: https://github.com/ueberdosis/hocuspocus/issues/479
// Bug: the throttle extension records connection attempts per client IP and bans per IP in two Map fields of an extension object that lives as long as the server, and nothing ever deletes an IP from either map.
// expect: no-unbounded-cache/mapNeverShrinks 21:3
// expect: no-unbounded-cache/mapNeverShrinks 22:3

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
    return bannedAt !== undefined && now - bannedAt < this.options.banMinutes * 60_000;
  }

  private throttle(ip: string, now: number): boolean {
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
