// Source: https://github.com/typescript-community/community-bot/issues/71
// Bug: fixed (community-bot switched to a LimitedSizeMap of 1000): the reply table is a size-capped LRU cache.
// expect: none

import { LRUCache } from 'lru-cache';

export interface ChatMessage {
  id: string;
  content: string;
  reply(text: string): Promise<ChatMessage>;
}

const PLAYGROUND_REGEX = /https?:\/\/www\.typescriptlang\.org\/play\/?\S*#code\/\S+/;

export class PlaygroundModule {
  private editedLongLink = new LRUCache<string, ChatMessage>({ max: 1000 });

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
