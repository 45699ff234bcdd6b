// Source: https://github.com/bryantheastronaut/mernCommentBox/pull/14
// Bug: fixed twin: the interval lives in a field and componentWillUnmount clears it.
// expect: none

interface CommentBoxProps {
  url: string;
  pollInterval: number;
}

export class CommentBox {
  comments: unknown[] = [];
  private pollTimer: ReturnType<typeof setInterval> | null = null;

  constructor(readonly props: CommentBoxProps) {}

  loadComments = async (): Promise<void> => {
    const response = await fetch(this.props.url);
    this.comments = (await response.json()) as unknown[];
  };

  componentDidMount(): void {
    void this.loadComments();
    if (!this.pollTimer) this.pollTimer = setInterval(this.loadComments, this.props.pollInterval);
  }

  componentWillUnmount(): void {
    if (this.pollTimer) clearInterval(this.pollTimer);
    this.pollTimer = null;
  }
}
