// Source: https://github.com/typescript-community/community-bot/issues/71
// Bug: the playground module remembers, for every long playground link it has replaced, the bot's reply message in a Map field that is never pruned, so the bot's memory keeps climbing.
// expect: no-unbounded-cache/mapNeverShrinks 14:11

export interface ChatMessage {
  id: string;
  content: string;
  reply(text: string): Promise<ChatMessage>;
}

const PLAYGROUND_REGEX = /https?:\/\/www\.typescriptlang\.org\/play\/?\S*#code\/\S+/;

export class PlaygroundModule {
  private editedLongLink = new Map<string, ChatMessage>();

  async onMessage(msg: ChatMessage, shorten: (url: string) => Promise<string>): Promise<void> {
    const link = PLAYGROUND_REGEX.exec(msg.content)?.[0];
    if (!link) return;
    const reply = await msg.reply(`Shortened: ${await shorten(link)}`);
    this.editedLongLink.set(msg.id, reply);
  }

  async onMessageEdit(msg: ChatMessage, shorten: (url: string) => Promise<string>): Promise<void> {
    const previous = this.editedLongLink.get(msg.id);
    const link = PLAYGROUND_REGEX.exec(msg.content)?.[0];
    if (!previous || !link) return;
    await previous.reply(`Updated: ${await shorten(link)}`);
  }
}
